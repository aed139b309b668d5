package io.livemod.cli.cluster;

import io.livemod.gateway.platform.Platforms;
import io.livemod.signing.RequestSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A platform client at a steady rate for the fault test: one signed batch of ten comments per tick,
 * round robin over the gateways, and on a refused or failed batch the same batch (same ids) to the
 * next gateway, as a platform would. Every fifth comment carries a gambling-ad keyword.
 */
final class SteadyLoad implements AutoCloseable {
    static final String PLATFORM = Platforms.DEMO_GAPO;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> gateways;
    private final long tickNanos;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> violating = ConcurrentHashMap.newKeySet();
    private final AtomicLong failovers = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String lostBatch;
    private int seq;
    private int next;

    SteadyLoad(List<String> gateways, Duration tick) {
        this.gateways = List.copyOf(gateways);
        this.tickNanos = tick.toNanos();
        this.thread = new Thread(this::loop, "steady-load");
        thread.start();
    }

    private void loop() {
        long due = System.nanoTime();
        while (running.get()) {
            sendWithFailover(batch());
            due += tickNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait); // the load's own pacing, not a test wait
        }
    }

    private List<String[]> batch() {
        List<String[]> b = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = ++seq;
            String text = n % 5 == 0 ? "Vào NHÀ CÁI uy tín nhận thưởng lớn" : "bình luận thứ " + n + " chào cả nhà";
            b.add(new String[] {"f-" + n, "live-" + (n % 17), "u-" + n, text});
        }
        return b;
    }

    private void sendWithFailover(List<String[]> batch) {
        StringBuilder json = new StringBuilder("[");
        for (String[] c : batch) {
            if (json.length() > 1) json.append(',');
            json.append("{\"id\":\"")
                    .append(c[0])
                    .append("\",\"streamId\":\"")
                    .append(c[1])
                    .append("\",\"userId\":\"")
                    .append(c[2])
                    .append("\",\"text\":\"")
                    .append(c[3])
                    .append("\",\"ts\":\"2026-11-28T12:00:00+07:00\"}");
        }
        byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 4 * gateways.size(); attempt++) {
            String target = gateways.get(next++ % gateways.size());
            if (post(target, body, attempt)) {
                for (String[] c : batch) {
                    accepted.add(c[0]);
                    if (c[3].contains("NHÀ CÁI")) violating.add(c[0]);
                }
                return;
            }
            failovers.incrementAndGet();
        }
        lostBatch = batch.get(0)[0];
    }

    /** Each attempt signs afresh (a signature is accepted once): a timestamp of its own, within the window. */
    private boolean post(String target, byte[] body, int attempt) {
        long ts = System.currentTimeMillis() / 1000 - attempt;
        HttpRequest r = HttpRequest.newBuilder(URI.create(target + "/v1/ingest/comments"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Livemod-Platform", PLATFORM)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header(
                        "X-Livemod-Signature",
                        RequestSignature.v2(
                                Platforms.DEMO_SECRETS.get(PLATFORM), ts, "POST", "/v1/ingest/comments", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Set<String> accepted() {
        return accepted;
    }

    Set<String> violating() {
        return violating;
    }

    long failovers() {
        return failovers.get();
    }

    /** The first id of a batch no gateway took after every retry, or null. */
    String lostBatch() {
        return lostBatch;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's interrupt stays visible to it
        }
    }
}
