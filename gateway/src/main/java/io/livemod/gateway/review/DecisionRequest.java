package io.livemod.gateway.review;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** The body of POST /v1/flags/{id}/decision, validated; a bad one names its field. */
record DecisionRequest(String action, String note, Long durationSeconds) {
    static final Set<String> ACTIONS = Set.of("remove", "dismiss", "warn", "timeout", "ban", "escalate");
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
        Object action = o.getValue("action");
        if (!(action instanceof String a) || !ACTIONS.contains(a)) {
            throw new Invalid("action", "action must be one of remove, dismiss, warn, timeout, ban, escalate");
        }
        Object note = o.getValue("note");
        if (note != null && !(note instanceof String)) throw new Invalid("note", "note must be a string");
        if (note != null && ((String) note).length() > MAX_NOTE) throw new Invalid("note", "note is over " + MAX_NOTE + " characters");
        Object duration = o.getValue("durationSeconds");
        Long seconds = null;
        if ("timeout".equals(a)) {
            if (!(duration instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 1 || n.longValue() > MAX_TIMEOUT_SECONDS) {
                throw new Invalid("durationSeconds", "a timeout needs durationSeconds, a whole number 1.." + MAX_TIMEOUT_SECONDS);
            }
            seconds = ((Number) duration).longValue();
        } else if (duration != null) {
            throw new Invalid("durationSeconds", "durationSeconds applies to timeout only");
        }
        return new DecisionRequest(a, (String) note, seconds);
    }
}
