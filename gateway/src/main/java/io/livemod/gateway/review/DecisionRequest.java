package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Wire;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** The body of POST /v1/flags/{id}/decision, validated; a bad one names its field. */
record DecisionRequest(Decision.Action action, String note, Long durationSeconds) {
    static final int MAX_NOTE = 2000;
    /** A year: longer than that is a ban. */
    static final long MAX_TIMEOUT_SECONDS = 365L * 24 * 3600;

    static final class Invalid extends Exception {
        final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    static DecisionRequest parse(String body) throws Invalid {
        JsonObject o;
        try {
            o = body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new Invalid(null, "the body must be a JSON object");
        }
        if (o == null) throw new Invalid(null, "the body must be a JSON object");
        Object word = o.getValue("action");
        Decision.Action action = word instanceof String s ? Wire.find(Decision.Action.class, s) : null;
        if (action == null) {
            throw new Invalid("action", "action must be one of remove, dismiss, warn, timeout, ban, escalate");
        }
        Object note = o.getValue("note");
        if (note != null && !(note instanceof String)) throw new Invalid("note", "note must be a string");
        if (note != null && ((String) note).length() > MAX_NOTE)
            throw new Invalid("note", "note is over " + MAX_NOTE + " characters");
        Object duration = o.getValue("durationSeconds");
        Long seconds = null;
        if (action == Decision.Action.TIMEOUT) {
            if (!(duration instanceof Number n)
                    || n.doubleValue() != n.longValue()
                    || n.longValue() < 1
                    || n.longValue() > MAX_TIMEOUT_SECONDS) {
                throw new Invalid(
                        "durationSeconds", "a timeout needs durationSeconds, a whole number 1.." + MAX_TIMEOUT_SECONDS);
            }
            seconds = ((Number) duration).longValue();
        } else if (duration != null) {
            throw new Invalid("durationSeconds", "durationSeconds applies to timeout only");
        }
        return new DecisionRequest(action, (String) note, seconds);
    }
}
