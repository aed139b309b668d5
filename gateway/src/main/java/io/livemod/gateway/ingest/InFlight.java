package io.livemod.gateway.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of ingest being processed by this gateway (bodies read, events waiting for Kafka). Past
 * the cap new work is refused with 503 + Retry-After before its body is read, so memory stays
 * bounded however much clients send.
 */
public final class InFlight {
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();

    public InFlight(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public boolean tryAcquire(long n) {
        while (true) {
            long now = bytes.get();
            // One request is always admitted when nothing is in flight, whatever its size.
            if (now > 0 && now + n > maxBytes) return false;
            if (bytes.compareAndSet(now, now + n)) return true;
        }
    }

    public void release(long n) {
        bytes.addAndGet(-n);
    }

    public long bytes() {
        return bytes.get();
    }
}
