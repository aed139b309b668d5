package io.livemod.loadtest;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.topology.RulesPublisher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One open-loop load run against a running gateway and its Kafka cluster. Batches are scheduled
 * at fixed instants whatever the gateway answers, and every latency is measured from the instant a
 * batch was scheduled, so a slow gateway shows as latency, not as a lower offered rate (no
 * coordinated omission). The comments and flags topics are tapped to check that no accepted
 * comment was lost and that every violation was flagged exactly once.
 */
public final class LoadRun {
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
        CompiledRuleSet oracle = CompiledRuleSet.compile(RulesPublisher.active(config.bootstrap())
                .map(r -> parse(r.version(), r.source())).orElseGet(RuleSetLoader::defaults));
        int seconds = (int) (config.warmup().toSeconds() + config.duration().toSeconds());
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) config.rate() * seconds * 11 / 10 + 10_000);
        Tally tally = new Tally(capacity, seconds + 1);
        TrafficPlan plan = new TrafficPlan(config, runId, oracle, clock);
        long[] startMs = {0};

        try (TopicFollower<String, Comment> comments = TopicFollower.fromEnd(config.bootstrap(), Topics.COMMENTS, (r, live) -> {
                 long seq = TrafficPlan.seqOf(runId, r.value() == null ? null : r.value().id());
                 if (seq > 0 && seq <= capacity) {
                     tally.stored.incrementAndGet((int) seq);
                     tally.storedEvents.incrementAndGet();
                 }
             }).start();
             TopicFollower<String, Flag> flags = TopicFollower.fromEnd(config.bootstrap(), Topics.FLAGS, (r, live) -> {
                 Flag f = r.value();
                 long seq = TrafficPlan.seqOf(runId, f == null ? null : f.commentId());
                 if (seq <= 0 || seq > capacity || !("keyword".equals(f.kind()) || "pattern".equals(f.kind()))) return;
                 tally.flagEvents.incrementAndGet();
                 if (tally.flagged.incrementAndGet((int) seq) == 1) {
                     long intended = tally.intendedAt(seq);
                     int second = (int) ((intended - startMs[0]) / 1000);
                     if (second >= config.warmup().toSeconds()) tally.recordE2e(second, clock.millis() - intended);
                 }
             }).start()) {
            comments.caughtUp().join();
            flags.caughtUp().join();
            progress.accept("run " + runId + ": " + config.rate() + " comments/s for " + config.duration().toSeconds() + " s after "
                    + config.warmup().toSeconds() + " s warm-up; mega-live share " + Math.round(plan.megaLiveShare() * 100) + "%");
            Vertx vertx = Vertx.vertx();
            try {
                IngestClient client = new IngestClient(vertx, URI.create(config.target()), secrets(), config.connections(), clock);
                LiveFeedTap feed = new LiveFeedTap(vertx, URI.create(config.target()));
                openLiveFeed(feed, runId, capacity, tally, startMs);
                drive(vertx, client, plan, tally, startMs, seconds);
                settle(tally);
                client.close().await();
                feed.close().await();
            } finally {
                vertx.close().await();
            }
        }
        return LoadResult.of(config, runId, tally, seconds);
    }

    /** Taps the moderators' live feed of every platform; a gateway without dev sign-in is noted, not fatal. */
    private void openLiveFeed(LiveFeedTap feed, String runId, int capacity, Tally tally, long[] startMs) {
        List<String> ids = config.platforms().stream().map(LoadConfig.PlatformCredentials::id).toList();
        try {
            feed.open(ids, f -> {
                long seq = TrafficPlan.seqOf(runId, f.getString("commentId"));
                String kind = f.getString("kind");
                if (seq <= 0 || seq > capacity || !("keyword".equals(kind) || "pattern".equals(kind)) || !"open".equals(f.getString("status"))) return;
                if (tally.liveSeen.incrementAndGet((int) seq) == 1) {
                    long intended = tally.intendedAt(seq);
                    if ((intended - startMs[0]) / 1000 >= config.warmup().toSeconds()) tally.recordLive(clock.millis() - intended);
                }
            }).await();
        } catch (RuntimeException e) {
            tally.liveFeedProblem = e.getMessage();
            progress.accept("live feed not measured: " + e.getMessage());
        }
    }

    private void drive(Vertx vertx, IngestClient client, TrafficPlan plan, Tally tally, long[] startMs, int seconds)
            throws InterruptedException {
        long interval = Math.max(1, 1000 / config.batchesPerSecond());
        startMs[0] = clock.millis();
        long end = startMs[0] + seconds * 1000L;
        long[] next = {startMs[0]};
        AtomicLong inFlight = new AtomicLong();
        long maxInFlight = (long) config.rate() * 10; // beyond 10 s of backlog the generator drops, and says so
        Random transport = new Random(config.seed() ^ 0x5DEECE66DL);
        CountDownLatch done = new CountDownLatch(1);
        int perTickBase = config.rate() / config.batchesPerSecond();
        int remainder = config.rate() % config.batchesPerSecond();
        vertx.setPeriodic(1, interval, id -> {
            long now = clock.millis();
            while (next[0] <= now && next[0] < end) {
                long intended = next[0];
                long tickInSecond = ((intended - startMs[0]) / interval) % config.batchesPerSecond();
                int count = perTickBase + (tickInSecond < remainder ? 1 : 0);
                if (count > 0) tick(client, plan, tally, startMs[0], intended, count, inFlight, maxInFlight, transport);
                next[0] += interval;
            }
            if (next[0] >= end) {
                vertx.cancelTimer(id);
                done.countDown();
            }
        });
        long lastReport = startMs[0];
        while (!done.await(1, TimeUnit.SECONDS)) {
            if (clock.millis() - lastReport >= 10_000) {
                lastReport = clock.millis();
                progress.accept(String.format("  t+%ds sent %d accepted %d in flight %d", (lastReport - startMs[0]) / 1000,
                        tally.sent.get(), tally.accepted.get(), inFlight.get()));
            }
        }
        long drainUntil = clock.millis() + 30_000;
        while (inFlight.get() > 0 && clock.millis() < drainUntil) TimeUnit.MILLISECONDS.sleep(50); // poll until answered
    }

    private void tick(IngestClient client, TrafficPlan plan, Tally tally, long startMs, long intended, int count,
                      AtomicLong inFlight, long maxInFlight, Random transport) {
        int second = (int) ((intended - startMs) / 1000);
        boolean measured = second >= config.warmup().toSeconds();
        for (Map.Entry<String, List<TrafficPlan.Planned>> batch : plan.next(count).entrySet()) {
            List<TrafficPlan.Planned> items = batch.getValue();
            tally.sent.addAndGet(items.size());
            if (inFlight.get() + items.size() > maxInFlight) {
                tally.generatorDropped.addAndGet(items.size());
                continue;
            }
            for (TrafficPlan.Planned p : items) tally.planned(p.seq(), intended, p.expectedFlags());
            inFlight.addAndGet(items.size());
            List<JsonObject> events = items.stream().map(TrafficPlan.Planned::json).toList();
            Future<IngestClient.Answer> answer = transport.nextDouble() < config.websocketShare()
                    ? client.sendFrame(batch.getKey(), events) : client.postBatch(batch.getKey(), events);
            answer.onComplete(ar -> {
                inFlight.addAndGet(-items.size());
                IngestClient.Answer a = ar.succeeded() ? ar.result() : new IngestClient.Answer(0, 0);
                switch (a.status()) {
                    case 202 -> {
                        tally.accepted.addAndGet(a.accepted());
                        for (TrafficPlan.Planned p : items) tally.acked(p.seq());
                        if (measured) tally.recordAck(second, (clock.millis() - intended) * 1000, a.accepted());
                    }
                    case 429 -> tally.throttled.addAndGet(items.size());
                    case 503 -> tally.unavailable.addAndGet(items.size());
                    default -> tally.failed.addAndGet(items.size());
                }
            });
        }
    }

    /**
     * Waits until the topics stop changing (10 s without news, 180 s at most): the pipeline has
     * drained. A backlog that is still draining at the deadline shows as missed violations.
     */
    private void settle(Tally tally) throws InterruptedException {
        long deadline = clock.millis() + 180_000;
        long last = -1;
        long stableSince = clock.millis();
        while (clock.millis() < deadline) {
            long now = sum(tally);
            if (now != last) {
                last = now;
                stableSince = clock.millis();
            } else if (clock.millis() - stableSince >= 10_000) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the tally, not waiting for a result
        }
    }

    private static long sum(Tally t) {
        return t.storedEvents.get() * 31 + t.flagEvents.get();
    }

    private Map<String, String> secrets() {
        return config.platforms().stream().collect(Collectors.toMap(LoadConfig.PlatformCredentials::id, LoadConfig.PlatformCredentials::secret));
    }

    private static io.livemod.rules.RuleSet parse(String version, String source) {
        try {
            return RuleSetLoader.parse("rules@" + version, source);
        } catch (io.livemod.rules.RuleSetException e) {
            throw new IllegalStateException("the active rule set does not parse: " + e.getMessage(), e);
        }
    }
}
