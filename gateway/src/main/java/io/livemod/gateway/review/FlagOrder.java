package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.gateway.http.Paging;
import io.livemod.rules.Severity;

/**
 * The queue's order as one string per flag: sorting these keys ascending lists the most severe
 * first, then the newest, then by flag id. Memory (a skip list) and Redis (a sorted set read by
 * lex range) sort the same keys, so both stores page identically with {@link Paging#scan}, whose
 * cursor is the last key a page returned.
 */
final class FlagOrder {
    private static final int SEVERITIES = Severity.values().length;

    private FlagOrder() {}

    @SuppressWarnings("EnumOrdinal") // Severity is declared in rank order; the index keys sort by it
    static String key(Flag f) {
        int rank = SEVERITIES - 1 - f.severity().ordinal();
        // Fixed width: lexicographic order equals numeric order; inverted so the newest sorts first.
        return rank + ":" + String.format("%019d", Long.MAX_VALUE - f.detectedAt()) + ":" + f.flagId();
    }

    static String flagId(String key) {
        return key.substring(key.indexOf(':', 2) + 1);
    }

    /** @throws IllegalArgumentException for a cursor no store made (Base64 errors included) */
    static String fromCursor(String cursor) {
        String key = Paging.key(cursor);
        if (key != null && !key.matches("[0-9]:[0-9]{19}:.+")) throw new IllegalArgumentException("cursor");
        return key;
    }
}
