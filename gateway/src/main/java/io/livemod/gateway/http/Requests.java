package io.livemod.gateway.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/** Reading a request: the JSON body, its string fields, query parameters; each answers 400 naming the field when it is bad. */
public final class Requests {
    private Requests() {}

    /** The body as a JSON object ({} when empty); null after answering 400. */
    public static JsonObject object(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) return new JsonObject();
        try {
            Object v = io.vertx.core.json.Json.decodeValue(text);
            if (v instanceof JsonObject o) return o;
        } catch (DecodeException e) {
            Errors.send(ctx, 400, "malformed_body", "the body is not valid JSON: " + e.getMessage(), "$");
            return null;
        }
        Errors.send(ctx, 400, "malformed_body", "the body must be a JSON object", "$");
        return null;
    }

    /**
     * A string field: null when absent and optional; after answering 400 (naming the field) when
     * required and missing, not a string, blank, or longer than {@code max}, returns {@link #INVALID}.
     */
    public static String text(RoutingContext ctx, JsonObject body, String field, boolean required, int max) {
        Object v = body.getValue(field);
        // An optional field left empty (a form's blank textarea) is the same as absent.
        if (!required && (v == null || (v instanceof String b && b.isBlank()))) return null;
        if (!(v instanceof String s) || s.isBlank()) {
            Errors.send(ctx, 400, "invalid_field", field + " is required and must be a non-empty string", "$." + field);
            return INVALID;
        }
        if (s.length() > max) {
            Errors.send(ctx, 400, "invalid_field", field + " is longer than " + max + " characters", "$." + field);
            return INVALID;
        }
        return s.trim();
    }

    /** Marker returned by {@link #text} after it answered 400. Compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String INVALID = new String("<invalid>");

    /** Whether {@code value} is the {@link #INVALID} marker: the 400 is already sent. */
    @SuppressWarnings("ReferenceEquality") // the marker is one instance, told apart from any text by identity
    public static boolean invalid(String value) {
        return value == INVALID;
    }

    /** The limit parameter of a paged listing (default {@link Paging#DEFAULT_LIMIT}, 1..{@link Paging#MAX_LIMIT}); -1 after answering 400. */
    public static int limit(RoutingContext ctx) {
        return limit(ctx, Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
    }

    /** The limit parameter, {@code dflt} when absent, 1..{@code max}; -1 after answering 400. */
    public static int limit(RoutingContext ctx, int dflt, int max) {
        int limit;
        try {
            limit = Integer.parseInt(ctx.request().getParam("limit", Integer.toString(dflt)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            Errors.send(ctx, 400, "invalid_parameter", "limit must be 1.." + max, "limit");
            return -1;
        }
        return limit;
    }

    /** A query parameter restricted to a set of values: null when absent, INVALID after answering 400. */
    public static String oneOf(RoutingContext ctx, String param, java.util.Set<String> allowed) {
        String v = ctx.request().getParam(param);
        if (v == null || allowed.contains(v)) return v;
        Errors.send(
                ctx, 400, "invalid_parameter", param + " must be one of " + new java.util.TreeSet<>(allowed), param);
        return INVALID;
    }

    /** scheme://host[:port] as the caller reached this gateway, for links in feeds. */
    public static String baseUrl(RoutingContext ctx) {
        URI u = URI.create(ctx.request().absoluteURI());
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
