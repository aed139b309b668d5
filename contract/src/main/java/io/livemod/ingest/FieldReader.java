package io.livemod.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of one event object and keeps the first problem found, with the JSON path of
 * the field at fault. Every getter returns null once a problem is recorded, so a parser reads
 * all its fields and checks {@link #problem()} once.
 */
final class FieldReader {
    private final JsonNode o;
    private Item.Invalid problem;

    FieldReader(JsonNode o) {
        this.o = o;
    }

    Item.Invalid problem() {
        return problem;
    }

    /** The id as sent, when it is a string: rejections name it so the platform can match them. */
    String idIfReadable() {
        JsonNode v = o.get("id");
        return v != null && v.isTextual() && v.textValue().length() <= EventFields.MAX_ID ? v.textValue() : null;
    }

    String requiredString(String name, int max) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) return fail(name, "missing_field", name + " is required");
        return string(name, v, max, false);
    }

    String optionalString(String name, int max) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : string(name, v, max, true);
    }

    Boolean optionalBoolean(String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull() || problem != null) return null;
        if (!v.isBoolean()) return fail(name, "invalid_type", name + " must be a boolean");
        return v.booleanValue();
    }

    Long optionalCount(String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull() || problem != null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong())
            return fail(name, "invalid_type", name + " must be an integer");
        if (v.longValue() < 0) return fail(name, "invalid_value", name + " must not be negative");
        return v.longValue();
    }

    /** An optional RFC 3339 timestamp as epoch milliseconds. */
    Long optionalInstant(String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull() || problem != null) return null;
        String ts = string(name, v, 64, false);
        if (ts == null) return null;
        try {
            return Rfc3339.epochMilli(ts);
        } catch (DateTimeParseException e) {
            return fail(name, "invalid_timestamp", name + " must be an RFC 3339 timestamp");
        }
    }

    /** A required RFC 3339 timestamp, kept as sent: the platform's clock is informative only. */
    String timestamp(String name) {
        String ts = requiredString(name, 64);
        if (ts == null) return null;
        try {
            Rfc3339.epochMilli(ts);
            return ts;
        } catch (DateTimeParseException e) {
            return fail(name, "invalid_timestamp", name + " must be an RFC 3339 timestamp");
        }
    }

    private String string(String name, JsonNode v, int max, boolean emptyOk) {
        if (problem != null) return null;
        if (!v.isTextual()) return fail(name, "invalid_type", name + " must be a string");
        String s = v.textValue();
        if (!emptyOk && s.isEmpty()) return fail(name, "invalid_length", name + " must not be empty");
        if (s.length() > max) {
            return fail(
                    name,
                    name.equals("text") || name.equals("title") || name.equals("description")
                            ? "too_long"
                            : "invalid_length",
                    name + " is over " + max + " characters");
        }
        if (hasLoneSurrogate(s))
            return fail(name, "invalid_text", name + " contains an unpaired UTF-16 surrogate (\\ud800-\\udfff escape)");
        return s;
    }

    /** Escaped lone surrogates are valid JSON but not valid Unicode; they would not survive UTF-8 into Kafka. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // always null: any typed read can end with "return fail(...)"
    <T> T fail(String name, String error, String message) {
        if (problem == null) problem = new Item.Invalid(idIfReadable(), "$." + name, error, message);
        return null;
    }
}
