package io.livemod.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One load run: an open-loop arrival {@code rate} (comments per second) for {@code duration},
 * spread over platforms × streams with Zipf-skewed popularity (exponent {@code zipf}: 1.0+ gives a
 * mega-live), a share of WebSocket traffic, the {@link Traffic} mix and the {@link Thresholds} the
 * run's verdict holds the pipeline to. {@code target} is one gateway URL or several, comma-separated:
 * batches are spread over them and fail over between them ({@link #targets}).
 */
public record LoadConfig(
        String target,
        String bootstrap,
        int rate,
        Duration duration,
        Duration warmup,
        List<PlatformCredentials> platforms,
        int streamsPerPlatform,
        double zipf,
        double websocketShare,
        int batchesPerSecond,
        int connections,
        long seed,
        Traffic traffic,
        Thresholds thresholds) {

    public record PlatformCredentials(String id, String secret) {
        @Override
        public String toString() {
            return "PlatformCredentials[" + id + "]"; // never print the secret
        }
    }

    /** realistic: genre chat of popular phrases (issue 12); synthetic: the varied sentences and 5-second bursts of before. */
    public enum Mode {
        REALISTIC,
        SYNTHETIC;

        public static Mode fromWire(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("traffic: expected realistic or synthetic, got '" + s + "'");
            }
        }
    }

    /**
     * What is generated: benign chat of the mode, violations at {@code violationShare}, and injected
     * user floods and spam campaigns per minute (in synthetic mode a value above 0 turns its 5-second
     * burst on).
     */
    public record Traffic(Mode mode, double violationShare, double floodsPerMinute, double campaignsPerMinute) {
        public static Traffic realistic() {
            return new Traffic(Mode.REALISTIC, 0.05, 6, 6);
        }
    }

    /**
     * The verdict fails (exit code 3) when more than {@code maxBenignFlagRate} of benign comments are
     * flagged, when more than {@code maxBenignAlerts} alerts are raised on benign chat, or when fewer than
     * {@code minCampaignRecall} of the spam campaigns alert within {@code campaignAlertWithin} of reaching
     * their spread, or fewer than {@code minFloodRecall} of the user floods are flagged.
     */
    public record Thresholds(
            double maxBenignFlagRate,
            long maxBenignAlerts,
            double minCampaignRecall,
            Duration campaignAlertWithin,
            double minFloodRecall) {
        public static Thresholds defaults() {
            return new Thresholds(0.01, 0, 0.99, Duration.ofSeconds(10), 0.99);
        }
    }

    public LoadConfig validate() {
        targets();
        if (rate < 1) throw new IllegalArgumentException("rate: must be at least 1 comment/s");
        if (duration.isNegative() || duration.isZero())
            throw new IllegalArgumentException("duration: must be positive");
        if (warmup.isNegative()) throw new IllegalArgumentException("warmup: must not be negative");
        if (platforms.isEmpty()) throw new IllegalArgumentException("platforms: at least one");
        if (streamsPerPlatform < 1) throw new IllegalArgumentException("streams: at least 1 per platform");
        if (websocketShare < 0 || websocketShare > 1) throw new IllegalArgumentException("websocket: a share in 0..1");
        if (batchesPerSecond < 1 || batchesPerSecond > 1000)
            throw new IllegalArgumentException("batches-per-second: 1..1000");
        if (rate / batchesPerSecond > 1000)
            throw new IllegalArgumentException(
                    "rate/batches-per-second: over 1000 events a batch; raise --batches-per-second");
        if (connections < 1) throw new IllegalArgumentException("connections: at least 1");
        if (traffic.violationShare() < 0 || traffic.violationShare() > 1)
            throw new IllegalArgumentException("violations: a share in 0..1");
        if (traffic.floodsPerMinute() < 0)
            throw new IllegalArgumentException("floods-per-minute: must not be negative");
        if (traffic.campaignsPerMinute() < 0)
            throw new IllegalArgumentException("campaigns-per-minute: must not be negative");
        if (thresholds.maxBenignFlagRate() < 0 || thresholds.maxBenignFlagRate() > 1)
            throw new IllegalArgumentException("max-benign-flag-rate: a share in 0..1");
        if (thresholds.maxBenignAlerts() < 0)
            throw new IllegalArgumentException("max-benign-alerts: must not be negative");
        if (thresholds.minCampaignRecall() < 0 || thresholds.minCampaignRecall() > 1)
            throw new IllegalArgumentException("min-campaign-recall: a share in 0..1");
        if (thresholds.minFloodRecall() < 0 || thresholds.minFloodRecall() > 1)
            throw new IllegalArgumentException("min-flood-recall: a share in 0..1");
        if (thresholds.campaignAlertWithin().isNegative()
                || thresholds.campaignAlertWithin().isZero())
            throw new IllegalArgumentException("campaign-alert-within: must be positive");
        return this;
    }

    /** The gateways of {@code target}: one http://host:port URL, or several separated by commas. */
    public List<URI> targets() {
        if (target == null || target.isBlank()) throw new IllegalArgumentException("target: a gateway URL is required");
        List<URI> out = new ArrayList<>();
        for (String part : target.split(",", -1)) {
            String t = part.trim();
            if (t.isEmpty()) continue; // a stray comma, trailing or doubled, is no target
            URI u;
            try {
                u = new URI(t);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("target: '" + t + "' is not a URL");
            }
            if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1) {
                throw new IllegalArgumentException("target: expected http://host:port, got '" + t + "'");
            }
            if (out.contains(u)) throw new IllegalArgumentException("target: " + t + " is listed twice");
            out.add(u);
        }
        return out;
    }

    /**
     * Ticks per second when none is given: about 50 comments a tick, 10 to 100 ticks a second.
     * Each tick sends one request per platform, and a request costs the generator (and the gateway)
     * about as much as a few dozen comments: at 300/s, 100 ticks a second made most of its cost.
     */
    public static int autoBatchesPerSecond(int rate) {
        return Math.max(10, Math.min(100, rate / 50));
    }

    /** Comments per batch at the configured rate (the last batch of each second takes the remainder). */
    public int batchSize() {
        return Math.max(1, rate / batchesPerSecond);
    }
}
