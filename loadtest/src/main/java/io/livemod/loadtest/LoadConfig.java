package io.livemod.loadtest;

import java.time.Duration;
import java.util.List;

/**
 * One load run: an open-loop arrival {@code rate} (comments per second) for {@code duration},
 * spread over platforms × streams with Zipf-skewed popularity (exponent {@code zipf}: 1.0+ gives a
 * mega-live), a share of violations and of WebSocket traffic, flood and campaign bursts.
 */
public record LoadConfig(String target, String bootstrap, int rate, Duration duration, Duration warmup,
                         List<PlatformCredentials> platforms, int streamsPerPlatform, double zipf,
                         double violationShare, double websocketShare, int batchesPerSecond,
                         int connections, boolean floods, long seed) {

    public record PlatformCredentials(String id, String secret) {
        @Override
        public String toString() {
            return "PlatformCredentials[" + id + "]"; // never print the secret
        }
    }

    public LoadConfig validate() {
        if (rate < 1) throw new IllegalArgumentException("rate: must be at least 1 comment/s");
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("duration: must be positive");
        if (platforms.isEmpty()) throw new IllegalArgumentException("platforms: at least one");
        if (streamsPerPlatform < 1) throw new IllegalArgumentException("streams: at least 1 per platform");
        if (violationShare < 0 || violationShare > 1) throw new IllegalArgumentException("violations: a share in 0..1");
        if (websocketShare < 0 || websocketShare > 1) throw new IllegalArgumentException("websocket: a share in 0..1");
        if (batchesPerSecond < 1 || batchesPerSecond > 1000) throw new IllegalArgumentException("batches-per-second: 1..1000");
        if (rate / batchesPerSecond > 1000) throw new IllegalArgumentException("rate/batches-per-second: over 1000 events a batch; raise --batches-per-second");
        if (connections < 1) throw new IllegalArgumentException("connections: at least 1");
        return this;
    }

    /** Comments per batch at the configured rate (the last batch of each second takes the remainder). */
    public int batchSize() {
        return Math.max(1, rate / batchesPerSecond);
    }
}
