package io.livemod.sdk.ingest;

/** The gateway's field limits, checked where an event is made. */
final class EventChecks {
    static final int MAX_ID = 128;

    private EventChecks() {}

    static void id(String value, String field) {
        text(value, field);
        if (value.length() > MAX_ID)
            throw new IllegalArgumentException(field + ": 1.." + MAX_ID + " characters, got " + value.length());
    }

    static void text(String value, String field) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException(field + ": required");
    }
}
