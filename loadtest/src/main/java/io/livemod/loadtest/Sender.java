package io.livemod.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The open loop: a timer on one Vert.x event loop fires every tick interval and sends every tick
 * that is due (its intended instant passed), whatever the gateway answered before. Everything a
 * tick does (planning, encoding, signing, sending) runs on that loop; the taps run on their own
 * threads. Measures the generator's own CPU over the measured window.
 */
final class Sender {
    private final LoadConfig config;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Gateways client;
    private final TrafficPlan plan;
    private final Tally tally;
    private final BatchEncoder encoder;
    private final AtomicLong inFlight = new AtomicLong();
    private final Random transport;
    private final long maxInFlight;
    private final AtomicReference<Cost.Mark> measuring = new AtomicReference<>();
    private final AtomicLong measuredComments = new AtomicLong();

    Sender(
            LoadConfig config,
            Clock clock,
            Consumer<String> progress,
            Gateways client,
            TrafficPlan plan,
            Tally tally,
            BatchEncoder encoder) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
        this.client = client;
        this.plan = plan;
        this.tally = tally;
        this.encoder = encoder;
        this.transport = new Random(config.seed() ^ 0x5DEECE66DL);
        this.maxInFlight = (long) config.rate() * 10; // beyond 10 s of backlog the generator drops, and says so
    }

    /** Sends for {@code seconds}; returns the generator's cost over the measured window (after the warm-up). */
    Cost drive(Vertx vertx, long[] startMs, int seconds) throws InterruptedException {
        long interval = Math.max(1, 1000 / config.batchesPerSecond());
        startMs[0] = clock.millis();
        long end = startMs[0] + seconds * 1000L;
        long[] next = {startMs[0]};
        CountDownLatch done = new CountDownLatch(1);
        int perTickBase = config.rate() / config.batchesPerSecond();
        int remainder = config.rate() % config.batchesPerSecond();
        Cost[] cost = new Cost[1];
        vertx.setPeriodic(1, interval, id -> {
            long now = clock.millis();
            while (next[0] <= now && next[0] < end) {
                long intended = next[0];
                long tickInSecond = ((intended - startMs[0]) / interval) % config.batchesPerSecond();
                int count = perTickBase + (tickInSecond < remainder ? 1 : 0);
                if (count > 0) tick(startMs[0], intended, count);
                next[0] += interval;
            }
            if (next[0] >= end) {
                vertx.cancelTimer(id);
                Cost.Mark m = measuring.get();
                cost[0] = (m == null ? Cost.Mark.now() : m).until(measuredComments.get());
                done.countDown();
            }
        });
        long lastReport = startMs[0];
        while (!done.await(1, TimeUnit.SECONDS)) {
            if (clock.millis() - lastReport >= 10_000) {
                lastReport = clock.millis();
                progress.accept(String.format(
                        "  t+%ds sent %d accepted %d in flight %d",
                        (lastReport - startMs[0]) / 1000, tally.sent.get(), tally.accepted.get(), inFlight.get()));
            }
        }
        long drainUntil = clock.millis() + 30_000;
        while (inFlight.get() > 0 && clock.millis() < drainUntil)
            TimeUnit.MILLISECONDS.sleep(50); // poll until answered
        return cost[0];
    }

    private void tick(long startMs, long intended, int count) {
        int second = (int) ((intended - startMs) / 1000);
        boolean measured = second >= config.warmup().toSeconds();
        if (measured && measuring.get() == null) measuring.set(Cost.Mark.now());
        List<TrafficPlan.Batch> batches = plan.next(count);
        String ts = Instant.ofEpochMilli(intended).toString();
        long epochSecond = clock.millis() / 1000;
        for (TrafficPlan.Batch batch : batches) {
            List<TrafficPlan.Planned> items = batch.comments();
            int n = items.size();
            for (TrafficPlan.Planned p : items) tally.plan(p, intended);
            tally.planned(items.get(n - 1).seq());
            tally.sent.addAndGet(n);
            if (measured) measuredComments.addAndGet(n);
            if (inFlight.get() + n > maxInFlight) {
                tally.generatorDropped.addAndGet(n);
                continue;
            }
            inFlight.addAndGet(n);
            boolean ws = transport.nextDouble() < config.websocketShare();
            BatchEncoder.Encoded body = encoder.encode(batch, ts, epochSecond, ws);
            Future<IngestClient.Answer> answer =
                    ws ? client.sendFrame(batch.platformId(), body, n) : client.post(batch.platformId(), body, n);
            long first = batch.firstSeq();
            answer.onComplete(ar -> {
                inFlight.addAndGet(-n);
                IngestClient.Answer a = ar.succeeded() ? ar.result() : IngestClient.Answer.NONE;
                switch (a.status()) {
                    case 202 -> {
                        tally.accepted.addAndGet(a.held()); // duplicates: stored by an attempt whose answer was lost
                        tally.acked(first, n);
                        if (measured) tally.recordAck(second, (clock.millis() - intended) * 1000, a.held());
                    }
                    case 429 -> tally.throttled.addAndGet(n);
                    case 503 -> tally.unavailable.addAndGet(n);
                    default -> tally.failed.addAndGet(n);
                }
            });
        }
    }
}
