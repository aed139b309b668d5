package io.livemod.loadtest;

import io.livemod.loadtest.IngestClient.Answer;
import io.livemod.sdk.signing.RequestSigner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The gateways of {@code --target URL1,URL2}, used the way a platform's client would: batches go
 * round-robin to the gateways that are up. One that refuses the connection, gives no answer within
 * {@link #ANSWER_WITHIN_MS} or answers 5xx is marked down for {@link #DOWN_FOR_MS}, and the batch is
 * resent at once to the next, signed afresh (a gateway refuses a signature it has seen). A resend is safe because gateways dedupe by comment id in the Redis they
 * share: events the first gateway stored before its answer was lost come back as duplicates. Events
 * another gateway is still writing come back rejected as in flight; the batch goes again shortly.
 * With one target nothing is resent or timed out: a run against one gateway measures it as before.
 */
final class Gateways {
    static final long ANSWER_WITHIN_MS = 10_000;
    static final long DOWN_FOR_MS = 5_000;
    static final long IN_FLIGHT_RETRY_MS = 500;
    /** Ids a stopped gateway reserved stay "in flight" until the gateway's pending TTL (30 s) ends them. */
    static final long GIVE_UP_AFTER_MS = 45_000;

    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, String> secrets;
    private final List<IngestClient> clients = new ArrayList<>();
    private final AtomicLongArray downUntil;
    private final AtomicInteger next = new AtomicInteger();
    /** Batches resent to another gateway after one failed them. */
    final AtomicLong failovers = new AtomicLong();
    /** Final answers other than 202 of batches that were resent, by status (0: no answer): what failover did not save. */
    final java.util.concurrent.ConcurrentMap<Integer, AtomicLong> unsaved =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    Gateways(Vertx vertx, List<URI> targets, Map<String, String> secrets, int connections, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.secrets = secrets;
        long within = targets.size() > 1 ? ANSWER_WITHIN_MS : 0;
        for (URI t : targets)
            clients.add(new IngestClient(vertx, t, secrets, Math.max(1, connections / targets.size()), clock, within));
        this.downUntil = new AtomicLongArray(targets.size());
    }

    Future<Answer> post(String platform, BatchEncoder.Encoded batch, int events) {
        BatchEncoder.Encoded[] last = {batch}; // attempts follow one another: no two touch it at once
        return send(
                c -> c.post(platform, batch),
                c -> {
                    last[0] = signedAfresh(platform, last[0]);
                    return c.post(platform, last[0]);
                },
                events);
    }

    /** Frames carry no signature of their own (the socket was signed when it opened): a resend is the same frame. */
    Future<Answer> sendFrame(String platform, BatchEncoder.Encoded frame, int events) {
        Function<IngestClient, Future<Answer>> send = c -> c.sendFrame(platform, frame);
        return send(send, send, events);
    }

    private Future<Answer> send(
            Function<IngestClient, Future<Answer>> first, Function<IngestClient, Future<Answer>> again, int events) {
        if (clients.size() == 1) return first.apply(clients.get(0));
        Promise<Answer> done = Promise.promise();
        attempt(first, again, events, clock.millis() + GIVE_UP_AFTER_MS, done, false);
        return done.future();
    }

    /**
     * The same body with a later timestamp, so a new signature (a resend within the second would repeat it);
     * a signer of its own: resends are rare and come on any thread.
     */
    private BatchEncoder.Encoded signedAfresh(String platform, BatchEncoder.Encoded batch) {
        long ts = Math.max(clock.millis() / 1000, batch.timestamp() + 1);
        String signature = new RequestSigner(platform, secrets.get(platform))
                .sign(ts, "POST", BatchEncoder.PATH, batch.body().getBytes());
        return new BatchEncoder.Encoded(batch.body(), signature, ts);
    }

    private void attempt(
            Function<IngestClient, Future<Answer>> first,
            Function<IngestClient, Future<Answer>> again,
            int events,
            long giveUpAt,
            Promise<Answer> done,
            boolean resent) {
        int i = pick();
        // Every attempt ends within the answer time, whatever the client does (a request waiting for a
        // pooled connection to a gateway that went away has no timeout of its own).
        Promise<Answer> once = Promise.promise();
        long guard = vertx.setTimer(ANSWER_WITHIN_MS + 1_000, t -> once.tryComplete(Answer.NONE));
        (resent ? again : first).apply(clients.get(i)).onComplete(ar -> {
            vertx.cancelTimer(guard);
            once.tryComplete(ar.succeeded() ? ar.result() : Answer.NONE);
        });
        once.future().onComplete(ar -> {
            Answer a = ar.result();
            boolean gatewayFailed = a.status() == 0 || a.status() >= 500;
            boolean partly = a.status() == 202 && a.held() < events; // the rest rejected as in flight elsewhere
            if ((!gatewayFailed && !partly) || clock.millis() >= giveUpAt) {
                if (resent && (a.status() != 202 || partly))
                    unsaved.computeIfAbsent(a.status(), k -> new AtomicLong()).incrementAndGet();
                done.complete(a);
            } else if (gatewayFailed) {
                downUntil.set(i, clock.millis() + DOWN_FOR_MS);
                failovers.incrementAndGet();
                attempt(first, again, events, giveUpAt, done, true);
            } else {
                vertx.setTimer(IN_FLIGHT_RETRY_MS, t -> attempt(first, again, events, giveUpAt, done, true));
            }
        });
    }

    /** The next gateway that is up, round-robin; when all are down, the one back soonest. */
    int pick() {
        long now = clock.millis();
        int n = clients.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        int soonest = start;
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (downUntil.get(i) <= now) return i;
            if (downUntil.get(i) < downUntil.get(soonest)) soonest = i;
        }
        return soonest;
    }

    Future<Void> close() {
        List<Future<Void>> all = new ArrayList<>();
        for (IngestClient c : clients) all.add(c.close());
        return Future.all(all).mapEmpty();
    }
}
