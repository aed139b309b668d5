package io.livemod.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.event.Comment;
import io.livemod.event.StreamEvent;
import io.livemod.event.Wire;

/** The contract's comment and stream-event fields: validation and mapping to the Kafka records. */
public final class EventFields {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_ID = 128;

    private EventFields() {}

    public static Item comment(String platform, JsonNode o, long receivedAt) {
        if (!o.isObject()) return notAnObject();
        FieldReader f = new FieldReader(o);
        String id = f.requiredString("id", MAX_ID);
        String streamId = f.requiredString("streamId", MAX_ID);
        String userId = f.requiredString("userId", MAX_ID);
        String userName = f.optionalString("userName", MAX_ID * 2);
        String text = f.requiredString("text", MAX_TEXT);
        String ts = f.timestamp("ts");
        Boolean verified = f.optionalBoolean("verified");
        String replyTo = f.optionalString("replyTo", MAX_ID);
        Long accountCreated = f.optionalInstant("accountCreatedAt");
        if (f.problem() != null) return f.problem();
        // The canonical constructor, not the builder: one comment, one allocation.
        return new Item.Valid(
                EventKind.COMMENT,
                id,
                new Comment(
                        platform,
                        id,
                        streamId,
                        userId,
                        userName,
                        text,
                        ts,
                        verified,
                        replyTo,
                        receivedAt,
                        accountCreated));
    }

    public static Item streamEvent(String platform, JsonNode o, long receivedAt) {
        if (!o.isObject()) return notAnObject();
        FieldReader f = new FieldReader(o);
        String id = f.requiredString("id", MAX_ID);
        String streamId = f.requiredString("streamId", MAX_ID);
        String word = f.requiredString("type", 16);
        StreamEvent.Type type = Wire.find(StreamEvent.Type.class, word);
        if (word != null && type == null)
            f.fail("type", "invalid_value", "type must be one of started, updated, ended, viewers");
        String streamerId = f.requiredString("streamerId", MAX_ID);
        String title = f.optionalString("title", MAX_TEXT);
        String description = f.optionalString("description", MAX_TEXT);
        Long viewers = f.optionalCount("viewers");
        Boolean commercial = f.optionalBoolean("commercial");
        Boolean streamerVerified = f.optionalBoolean("streamerVerified");
        String ts = f.timestamp("ts");
        if (f.problem() != null) return f.problem();
        // The canonical constructor, like a comment's.
        return new Item.Valid(
                EventKind.STREAM_EVENT,
                id,
                new StreamEvent(
                        platform,
                        id,
                        streamId,
                        type,
                        streamerId,
                        title,
                        viewers,
                        commercial,
                        streamerVerified,
                        ts,
                        receivedAt,
                        description));
    }

    /** A WebSocket frame mixes kinds: each event names its own in {@code kind}. */
    public static Item anyKind(String platform, JsonNode o, long receivedAt) {
        if (!o.isObject()) return notAnObject();
        JsonNode k = o.get("kind");
        FieldReader f = new FieldReader(o);
        if (k == null || k.isNull()) {
            f.fail("kind", "missing_field", "kind is required: comment or stream-event");
            return f.problem();
        }
        EventKind kind = k.isTextual() ? EventKind.fromWire(k.textValue()) : null;
        if (kind == null) {
            f.fail("kind", "invalid_value", "kind must be comment or stream-event");
            return f.problem();
        }
        return kind == EventKind.COMMENT ? comment(platform, o, receivedAt) : streamEvent(platform, o, receivedAt);
    }

    /**
     * One Kafka record's value (Kafka-native ingest): the same checks as an HTTP body, in the same
     * order (bytes, JSON, then the event's fields), for one event of either kind.
     */
    public static Item anyKind(String platform, byte[] value, long receivedAt) {
        if (value == null || value.length == 0)
            return new Item.Invalid(null, "$", "malformed_json", "the record has no value");
        if (!EventJson.isUtf8(value))
            return new Item.Invalid(null, "$", "invalid_utf8", "the record is not valid UTF-8");
        Object event = EventJson.event(value, 0, value.length);
        return event instanceof Item.Invalid bad ? bad : anyKind(platform, (JsonNode) event, receivedAt);
    }

    private static Item notAnObject() {
        return new Item.Invalid(null, "$", "invalid_type", "each event must be a JSON object");
    }
}
