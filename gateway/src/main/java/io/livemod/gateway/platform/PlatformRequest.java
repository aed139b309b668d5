package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.gateway.quota.Quota;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The body of POST /v1/platforms, validated: each problem names its field. */
record PlatformRequest(String id, String name, String webhookUrl, Quota quota, Boolean legacySignatures) {
    private static final Pattern ID = PlatformRecord.ID;

    static final class Invalid extends Exception {
        final String code;
        final String field;

        Invalid(String code, String message, String field) {
            super(message, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    static PlatformRequest parse(Buffer body, boolean devMode) throws Invalid {
        JsonObject o = object(body);
        String id = string(o, "id", true);
        if (!ID.matcher(id).matches())
            throw new Invalid(
                    "invalid_value", "id: 2..63 of a-z, 0-9 and '-', starting with a letter or digit", "$.id");
        String name = string(o, "name", false);
        if (name != null && (name.isBlank() || name.length() > 200))
            throw new Invalid("invalid_length", "name: 1..200 characters", "$.name");
        String url = string(o, "webhookUrl", false);
        if (url != null) checkUrl(url, devMode);
        Quota quota = null;
        Object q = o.getValue("quota");
        if (q != null) {
            if (!(q instanceof JsonObject qo))
                throw new Invalid("invalid_type", "quota must be an object {eventsPerSecond, burst}", "$.quota");
            quota = quota(qo);
        }
        Object legacy = o.getValue("legacySignatures");
        if (legacy != null && !(legacy instanceof Boolean))
            throw new Invalid("invalid_type", "legacySignatures must be true or false", "$.legacySignatures");
        return new PlatformRequest(id, name, url, quota, (Boolean) legacy);
    }

    /** The optional body of rotate-secret: {"graceSeconds": n}, 0..30 days. */
    static Duration grace(Buffer body, Duration dflt) throws Invalid {
        if (body == null || body.length() == 0) return dflt;
        Object v = object(body).getValue("graceSeconds");
        if (v == null) return dflt;
        if (!(v instanceof Number n) || n.longValue() != n.doubleValue())
            throw new Invalid("invalid_type", "graceSeconds must be an integer", "$.graceSeconds");
        if (n.longValue() < 0 || n.longValue() > Duration.ofDays(30).toSeconds()) {
            throw new Invalid("invalid_value", "graceSeconds: 0..2592000", "$.graceSeconds");
        }
        return Duration.ofSeconds(n.longValue());
    }

    private static Quota quota(JsonObject qo) throws Invalid {
        long[] v = new long[2];
        String[] names = {"eventsPerSecond", "burst"};
        for (int i = 0; i < 2; i++) {
            Object x = qo.getValue(names[i]);
            if (!(x instanceof Number n) || n.longValue() != n.doubleValue()) {
                throw new Invalid(
                        x == null ? "missing_field" : "invalid_type",
                        "quota." + names[i] + " must be an integer",
                        "$.quota." + names[i]);
            }
            if (n.longValue() < 1 || n.longValue() > 10_000_000)
                throw new Invalid("invalid_value", "quota." + names[i] + ": 1..10000000", "$.quota." + names[i]);
            v[i] = n.longValue();
        }
        return new Quota(v[0], v[1]);
    }

    private static void checkUrl(String url, boolean devMode) throws Invalid {
        try {
            URI u = new URI(url);
            boolean https = "https".equals(u.getScheme());
            boolean devHttp = devMode && "http".equals(u.getScheme());
            if ((!https && !devHttp) || u.getHost() == null) {
                throw new Invalid(
                        "invalid_value",
                        "webhookUrl must be an absolute https URL" + (devMode ? " (http allowed in dev mode)" : ""),
                        "$.webhookUrl");
            }
        } catch (URISyntaxException e) {
            throw new Invalid("invalid_value", "webhookUrl is not a URL: " + e.getReason(), "$.webhookUrl");
        }
    }

    private static JsonObject object(Buffer body) throws Invalid {
        if (body == null || body.length() == 0) throw new Invalid("malformed_body", "a JSON object is required", "$");
        try {
            Object v = io.vertx.core.json.Json.decodeValue(body);
            if (v instanceof JsonObject o) return o;
        } catch (DecodeException e) {
            throw new Invalid("malformed_body", "the body is not valid JSON", "$");
        }
        throw new Invalid("malformed_body", "a JSON object is required", "$");
    }

    private static String string(JsonObject o, String name, boolean required) throws Invalid {
        Object v = o.getValue(name);
        if (v == null) {
            if (required) throw new Invalid("missing_field", name + " is required", "$." + name);
            return null;
        }
        if (!(v instanceof String s)) throw new Invalid("invalid_type", name + " must be a string", "$." + name);
        return s;
    }
}
