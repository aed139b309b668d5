package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.Decision;
import io.livemod.event.StreamEvent;

/**
 * The fields the topology keys and windows on. A record without them cannot be placed in any
 * stream or window: it fails here, by name, and the processing handler dead-letters it.
 */
final class Validation {
    /** The contract's limit; the gateway enforces it, this keeps one oversized record from swelling every hop. */
    static final int MAX_TEXT = 2000;

    private Validation() {}

    static Comment comment(Comment c) {
        require(c.platform(), "platform");
        require(c.id(), "id");
        require(c.streamId(), "streamId");
        require(c.userId(), "userId");
        if (c.receivedAt() <= 0) throw new IllegalArgumentException("comment " + c.id() + ": receivedAt: missing");
        if (c.text() != null && c.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("comment " + c.id() + ": text: longer than " + MAX_TEXT + " characters");
        }
        return c;
    }

    static StreamEvent streamEvent(StreamEvent e) {
        require(e.platform(), "platform");
        require(e.streamId(), "streamId");
        if (e.type() == null) throw new IllegalArgumentException("type: required");
        if (e.receivedAt() <= 0) throw new IllegalArgumentException("stream event " + e.id() + ": receivedAt: missing");
        return e;
    }

    static Decision decision(Decision d) {
        require(d.decisionId(), "decisionId");
        require(d.platform(), "platform");
        if (d.action() == null) throw new IllegalArgumentException("action: required");
        if (d.decidedAt() <= 0)
            throw new IllegalArgumentException("decision " + d.decisionId() + ": decidedAt: missing");
        return d;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": required");
    }
}
