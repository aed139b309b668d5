package io.livemod.sdk.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Events as the gateway reads them: one JSON object each, optional fields left out when absent,
 * times as RFC 3339. Over HTTP the route names the kind; in WebSocket frames each event carries
 * {@code "kind"}.
 */
public final class EventJson {
    private static final JsonFactory JSON = new JsonFactory();

    private EventJson() {}

    /**
     * @param event     the event
     * @param withKind  add {@code "kind"} (WebSocket frames)
     * @return the event as UTF-8 JSON
     */
    public static byte[] encode(Event event, boolean withKind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, event, withKind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Joins encoded events into a JSON array.
     *
     * @param encoded events from {@link #encode}
     * @param bytes   the sum of their lengths
     * @return {@code [e1,e2,...]}
     */
    public static byte[] array(List<byte[]> encoded, int bytes) {
        byte[] out = new byte[bytes + encoded.size() + 1];
        int n = 0;
        out[n++] = '[';
        for (int i = 0; i < encoded.size(); i++) {
            if (i > 0) out[n++] = ',';
            byte[] e = encoded.get(i);
            System.arraycopy(e, 0, out, n, e.length);
            n += e.length;
        }
        out[n] = ']';
        return out;
    }

    /**
     * @param events   the events
     * @param withKind add {@code "kind"} to each
     * @return the events as one JSON array
     */
    public static byte[] array(List<? extends Event> events, boolean withKind) {
        List<byte[]> encoded = events.stream().map(e -> encode(e, withKind)).toList();
        return array(encoded, encoded.stream().mapToInt(b -> b.length).sum());
    }

    private static void write(JsonGenerator g, Event event, boolean withKind) throws IOException {
        g.writeStartObject();
        if (withKind) g.writeStringField("kind", event.kind());
        g.writeStringField("id", event.id());
        g.writeStringField("streamId", event.streamId());
        if (event instanceof Comment c) {
            g.writeStringField("userId", c.userId());
            if (c.userName() != null) g.writeStringField("userName", c.userName());
            g.writeStringField("text", c.text());
            g.writeStringField("ts", c.ts().toString());
            if (c.verified() != null) g.writeBooleanField("verified", c.verified());
            if (c.replyTo() != null) g.writeStringField("replyTo", c.replyTo());
            if (c.accountCreatedAt() != null)
                g.writeStringField("accountCreatedAt", c.accountCreatedAt().toString());
        } else if (event instanceof StreamEvent s) {
            g.writeStringField("type", s.type());
            g.writeStringField("streamerId", s.streamerId());
            if (s.title() != null) g.writeStringField("title", s.title());
            if (s.description() != null) g.writeStringField("description", s.description());
            if (s.viewers() != null) g.writeNumberField("viewers", s.viewers());
            if (s.commercial() != null) g.writeBooleanField("commercial", s.commercial());
            if (s.streamerVerified() != null) g.writeBooleanField("streamerVerified", s.streamerVerified());
            g.writeStringField("ts", s.ts().toString());
        }
        g.writeEndObject();
    }
}
