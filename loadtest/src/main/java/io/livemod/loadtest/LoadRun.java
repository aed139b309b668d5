package io.livemod.loadtest;

import io.livemod.event.Flag;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.topology.RulesPublisher;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One open-loop load run against a running gateway and its Kafka cluster. Batches are scheduled
 * at fixed instants whatever the gateway answers, and every latency is measured from the instant a
 * batch was scheduled, so a slow gateway shows as latency, not as a lower offered rate (no
 * coordinated omission). The comments, flags and alerts topics are tapped: no accepted comment may
 * be lost, every violation must be flagged exactly once, and every flag and alert is judged by the
 * {@link Oracle} against what the generator knows each comment to be.
 */
public final class LoadRun {
    private static final byte[] ID = JsonScan.key("id"),
            COMMENT_ID = JsonScan.key("commentId"),
            KIND = JsonScan.key("kind"),
            SEVERITY = JsonScan.key("severity"),
            STREAM_ID = JsonScan.key("streamId"),
            TEXT = JsonScan.key("text");
    private final LoadConfig config;
    private final Clock clock;
    private final Consumer<String> progress;

    public LoadRun(LoadConfig config, Clock clock, Consumer<String> progress) {
        this.config = config.validate();
        this.clock = clock;
        this.progress = progress;
    }

    public LoadResult run() throws InterruptedException {
        String runId = "lt" + Long.toString(clock.millis(), 36);
        CompiledRuleSet rules = CompiledRuleSet.compile(RulesPublisher.active(config.bootstrap())
                .map(r -> parse(r.version(), r.source()))
                .orElseGet(RuleSetLoader::defaults));
        int seconds = (int) (config.warmup().toSeconds() + config.duration().toSeconds());
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) config.rate() * seconds * 11 / 10 + 10_000);
        Tally tally = new Tally(capacity, seconds + 1);
        TrafficPlan plan = new TrafficPlan(config, runId, rules);
        Oracle oracle = new Oracle(runId, tally, text -> rules.evaluate(text, io.livemod.rules.Scope.ANY)
                .flagged());
        long[] startMs = {0};
        String b = config.bootstrap();
        // What a tap costs is mostly its fetches, not its records. The comments tap only counts: large,
        // slow fetches. The alerts tap times campaigns against seconds: 200 ms waits. The flags tap
        // times flags: its fetches return as soon as a commit makes flags visible (min 1 byte), so the
        // end-to-end figure is not delayed by the tap; commits come in bursts, which bounds the fetch rate.
        try (TopicTap comments = new TopicTap(
                                b, Topics.COMMENTS.name(), 256 * 1024, 500, v -> stored(runId, tally, JsonScan.of(v)))
                        .start();
                TopicTap flags = new TopicTap(
                                b,
                                Topics.FLAGS.name(),
                                1,
                                500,
                                v -> flag(runId, tally, oracle, JsonScan.of(v), startMs[0]))
                        .start();
                TopicTap alerts = new TopicTap(
                                b,
                                Topics.ALERTS.name(),
                                64 * 1024,
                                200,
                                v -> oracle.alert(JsonScan.of(v), clock.millis()))
                        .start()) {
            comments.positioned().join();
            flags.positioned().join();
            alerts.positioned().join();
            progress.accept("run " + runId + ": " + config.rate() + " comments/s for "
                    + config.duration().toSeconds() + " s after "
                    + config.warmup().toSeconds() + " s warm-up, "
                    + config.traffic().mode().name().toLowerCase(java.util.Locale.ROOT)
                    + " traffic; mega-live share " + Math.round(plan.megaLiveShare() * 100) + "%");
            Vertx vertx = Vertx.vertx();
            Cost cost;
            try {
                Gateways client = new Gateways(vertx, config.targets(), secrets(), config.connections(), clock);
                LiveFeedTap feed =
                        new LiveFeedTap(vertx, config.targets().get(0)); // one moderator's screen, on the first gateway
                openLiveFeed(feed, runId, tally, startMs);
                cost = new Sender(
                                config,
                                clock,
                                progress,
                                client,
                                plan,
                                tally,
                                new BatchEncoder(
                                        runId,
                                        plan.streams(),
                                        secrets(),
                                        config.traffic().mode() == LoadConfig.Mode.REALISTIC))
                        .drive(vertx, startMs, seconds);
                if (client.failovers.get() > 0) {
                    progress.accept(client.failovers.get() + " batches failed over to another gateway"
                            + (client.unsaved.isEmpty()
                                    ? ""
                                    : "; resent but not accepted, by final status: " + client.unsaved));
                }
                settle(() -> comments.records() * 31 + flags.records() * 7 + alerts.records());
                client.close().await();
                feed.close().await();
            } finally {
                vertx.close().await();
            }
            long unreadable = comments.failures() + flags.failures() + alerts.failures();
            if (unreadable > 0) progress.accept(unreadable + " tapped records could not be read (skipped)");
            Signal signal = oracle.judge(plan.episodes(), config.thresholds());
            return LoadResult.of(config, runId, tally, seconds, signal, cost);
        }
    }

    private static void stored(String runId, Tally tally, JsonScan comment) {
        long seq = TrafficPlan.seqOf(runId, comment.string(ID));
        if (tally.known(seq) && tally.stored[(int) seq] < 100) tally.stored[(int) seq]++;
    }

    private void flag(String runId, Tally tally, Oracle oracle, JsonScan flag, long startMs) {
        String commentId = flag.string(COMMENT_ID);
        if (commentId == null) { // about a stream, not a comment: rare, read whole when it is this run's
            String stream = flag.string(STREAM_ID);
            if (stream != null && stream.contains(runId)) oracle.streamFlag(Json.read(flag.bytes(), Flag.class));
            return;
        }
        long seq = TrafficPlan.seqOf(runId, commentId);
        if (!tally.known(seq)) return;
        String kind = flag.string(KIND);
        boolean firstWordFlag = ("keyword".equals(kind) || "pattern".equals(kind))
                && (tally.flagBits[(int) seq] & (Truth.KEYWORD | Truth.PATTERN)) == 0;
        oracle.flag(seq, kind, flag.string(SEVERITY), () -> flag.string(TEXT));
        if (firstWordFlag) {
            long intended = tally.intendedAt[(int) seq];
            int second = (int) ((intended - startMs) / 1000);
            if (second >= config.warmup().toSeconds()) tally.recordE2e(second, clock.millis() - intended);
        }
    }

    /** Taps the moderators' live feed of every platform; a gateway without dev sign-in is noted, not fatal. */
    private void openLiveFeed(LiveFeedTap feed, String runId, Tally tally, long[] startMs) {
        List<String> ids = config.platforms().stream()
                .map(LoadConfig.PlatformCredentials::id)
                .toList();
        try {
            feed.open(ids, f -> {
                        long seq = TrafficPlan.seqOf(runId, f.commentId());
                        if (!tally.known(seq)
                                || !("keyword".equals(f.kind()) || "pattern".equals(f.kind()))
                                || !"open".equals(f.status())) return;
                        if (tally.liveSeen.incrementAndGet((int) seq) == 1) {
                            long intended = tally.intendedAt[(int) seq];
                            if ((intended - startMs[0]) / 1000
                                    >= config.warmup().toSeconds()) tally.recordLive(clock.millis() - intended);
                        }
                    })
                    .await();
        } catch (RuntimeException e) {
            tally.liveFeedProblem = e.getMessage();
            progress.accept("live feed not measured: " + e.getMessage());
        }
    }

    /**
     * Waits until the taps stop seeing records (10 s without news, 180 s at most): the pipeline has
     * drained. A backlog that is still draining at the deadline shows as missed violations.
     */
    private void settle(java.util.function.LongSupplier seen) throws InterruptedException {
        long deadline = clock.millis() + 180_000;
        long last = -1;
        long stableSince = clock.millis();
        while (clock.millis() < deadline) {
            long now = seen.getAsLong();
            if (now != last) {
                last = now;
                stableSince = clock.millis();
            } else if (clock.millis() - stableSince >= 10_000) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the taps' counters, not waiting for a result
        }
    }

    private Map<String, String> secrets() {
        return config.platforms().stream()
                .collect(Collectors.toMap(LoadConfig.PlatformCredentials::id, LoadConfig.PlatformCredentials::secret));
    }

    private static io.livemod.rules.RuleSet parse(String version, String source) {
        try {
            return RuleSetLoader.parse("rules@" + version, source);
        } catch (io.livemod.rules.RuleSetException e) {
            throw new IllegalStateException("the active rule set does not parse: " + e.getMessage(), e);
        }
    }
}
