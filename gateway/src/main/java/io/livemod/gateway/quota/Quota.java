package io.livemod.gateway.quota;

/**
 * A platform's ingest quota: a token bucket refilled at {@code eventsPerSecond} holding at most
 * {@code burst} events. Every event of a batch costs one token, duplicates included (a retry storm
 * is load too).
 */
public record Quota(long eventsPerSecond, long burst) {
    public Quota {
        if (eventsPerSecond < 1)
            throw new IllegalArgumentException("eventsPerSecond: must be at least 1, got " + eventsPerSecond);
        if (burst < 1) throw new IllegalArgumentException("burst: must be at least 1, got " + burst);
    }
}
