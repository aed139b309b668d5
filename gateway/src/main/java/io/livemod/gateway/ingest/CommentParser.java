package io.livemod.gateway.ingest;

import io.livemod.event.Comment;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Validates one comment of a batch against the contract. Returns the comment, or the first
 * problem with the JSON path of the field at fault; the batch goes on without it.
 */
public final class CommentParser {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_ID = 128;

    private CommentParser() {}

    public sealed interface Result permits Ok, Invalid {}

    public record Ok(Comment comment) implements Result {}

    public record Invalid(String id, String field, String error, String message) implements Result {}

    public static Result parse(String platform, Object item, long receivedAt) {
        if (!(item instanceof JsonObject o)) return new Invalid(null, "$", "invalid_type", "each event must be a JSON object");
        String id = o.getValue("id") instanceof String s ? s : null;
        Invalid bad = firstProblem(o);
        if (bad != null) return new Invalid(id, bad.field(), bad.error(), bad.message());
        return new Ok(new Comment(platform, o.getString("id"), o.getString("streamId"), o.getString("userId"),
                o.getString("userName"), o.getString("text"), o.getString("ts"), o.getBoolean("verified"),
                o.getString("replyTo"), receivedAt));
    }

    private static Invalid firstProblem(JsonObject o) {
        for (String f : new String[]{"id", "streamId", "userId", "text", "ts"}) {
            Object v = o.getValue(f);
            if (v == null) return invalid(f, "missing_field", f + " is required");
            if (!(v instanceof String)) return invalid(f, "invalid_type", f + " must be a string");
        }
        for (String f : new String[]{"userName", "replyTo"}) {
            Object v = o.getValue(f);
            if (v != null && !(v instanceof String)) return invalid(f, "invalid_type", f + " must be a string");
        }
        Object verified = o.getValue("verified");
        if (verified != null && !(verified instanceof Boolean)) return invalid("verified", "invalid_type", "verified must be a boolean");
        for (String f : new String[]{"id", "streamId", "userId"}) {
            String v = o.getString(f);
            if (v.isEmpty() || v.length() > MAX_ID) return invalid(f, "invalid_length", f + " must be 1.." + MAX_ID + " characters");
        }
        if (o.getString("text").length() > MAX_TEXT) return invalid("text", "too_long", "text is over " + MAX_TEXT + " characters");
        try {
            OffsetDateTime.parse(o.getString("ts"));
        } catch (DateTimeParseException e) {
            return invalid("ts", "invalid_timestamp", "ts must be an RFC 3339 timestamp");
        }
        return null;
    }

    private static Invalid invalid(String field, String error, String message) {
        return new Invalid(null, "$." + field, error, message);
    }
}
