package io.livemod.gateway.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of ingest being processed by this gateway (bodies read, events waiting for Kafka), in total
 * and per platform. Past either cap new work is refused with 503 + Retry-After before its body is
 * read, so memory stays bounded however much clients send, and one platform (or someone who knows
 * its id and trickles bodies in its name) cannot take the whole budget from the others.
 */
public final class InFlight {
    private final long maxBytes;
    private final long perPlatformBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> byPlatform = new ConcurrentHashMap<>();

    public InFlight(long maxBytes, long perPlatformBytes) {
        this.maxBytes = maxBytes;
        this.perPlatformBytes = perPlatformBytes;
    }

    public boolean tryAcquire(String platform, long n) {
        AtomicLong mine = byPlatform.computeIfAbsent(platform, k -> new AtomicLong());
        if (!acquire(mine, n, perPlatformBytes)) return false;
        if (acquire(bytes, n, maxBytes)) return true;
        mine.addAndGet(-n);
        return false;
    }

    /** One request is always admitted when nothing is in flight, whatever its size. */
    private static boolean acquire(AtomicLong counter, long n, long cap) {
        while (true) {
            long now = counter.get();
            if (now > 0 && now + n > cap) return false;
            if (counter.compareAndSet(now, now + n)) return true;
        }
    }

    public void release(String platform, long n) {
        bytes.addAndGet(-n);
        AtomicLong mine = byPlatform.get(platform);
        if (mine != null) mine.addAndGet(-n);
    }

    public long bytes() {
        return bytes.get();
    }

    public long bytes(String platform) {
        AtomicLong mine = byPlatform.get(platform);
        return mine == null ? 0 : mine.get();
    }
}
