package io.livemod.sdk.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Collects comments into batches: a batch is sent when it holds {@code maxEvents}, when the next
 * comment would take it over {@code maxBytes}, or {@code linger} after its first comment, whichever
 * comes first. Each comment is encoded once, when added. {@link #add} returns the future of the
 * comment's batch, and waits while {@code maxPending} comments are waiting or being sent (so a
 * gateway that slows down slows the producer instead of filling its memory). Batches are sent by
 * {@code senders} threads, each with the client's retries.
 */
public final class Batcher implements AutoCloseable {
    /** Sends one encoded batch. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param events the batch's events
         * @param body   the same events, encoded as the JSON array to send
         * @return the gateway's answer
         */
        IngestResult send(List<Comment> events, byte[] body);
    }

    /**
     * @param maxEvents  most comments in a batch, 1..1000
     * @param maxBytes   largest batch body, up to 1 MiB
     * @param linger     longest a comment waits for its batch to fill
     * @param maxPending most comments waiting or being sent before {@link #add} waits
     * @param senders    batches sent at the same time
     */
    public record Settings(int maxEvents, int maxBytes, Duration linger, int maxPending, int senders) {
        /** 500 comments, 512 KiB, 50 ms, 20,000 pending, 2 senders. */
        public static final Settings DEFAULT = new Settings(500, 512 * 1024, Duration.ofMillis(50), 20_000, 2);

        /** Checks the limits against the gateway's. */
        public Settings {
            if (maxEvents < 1 || maxEvents > 1000) throw new IllegalArgumentException("maxEvents: 1..1000");
            if (maxBytes < 1024 || maxBytes > 1024 * 1024)
                throw new IllegalArgumentException("maxBytes: 1024..1048576");
            if (linger.isNegative()) throw new IllegalArgumentException("linger: must not be negative");
            if (maxPending < maxEvents) throw new IllegalArgumentException("maxPending: at least maxEvents");
            if (senders < 1) throw new IllegalArgumentException("senders: at least 1");
        }
    }

    private final Sink sink;
    private final Settings settings;
    private final Semaphore pending;
    private final ScheduledExecutorService timer;
    private final ExecutorService sending;
    private Open open;
    private boolean closed;

    /** The batch being filled. */
    private static final class Open {
        final List<Comment> events = new ArrayList<>();
        final List<byte[]> encoded = new ArrayList<>();
        final CompletableFuture<IngestResult> result = new CompletableFuture<>();
        int bytes = 2; // "[" and "]"
        ScheduledFuture<?> lingerTimer;
    }

    /**
     * @param sink     sends a batch (the client's signed, retried POST)
     * @param settings limits
     */
    public Batcher(Sink sink, Settings settings) {
        this.sink = sink;
        this.settings = settings;
        this.pending = new Semaphore(settings.maxPending());
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("livemod-batcher-linger"));
        this.sending = Executors.newFixedThreadPool(settings.senders(), daemon("livemod-batcher-send"));
    }

    /**
     * Adds a comment, waiting while {@code maxPending} comments are pending.
     *
     * @param comment the comment (its id is what makes a resend idempotent)
     * @return its batch's answer: completes exceptionally with a {@code LivemodException} when the batch failed
     * @throws InterruptedException while waiting for room
     */
    public CompletableFuture<IngestResult> add(Comment comment) throws InterruptedException {
        byte[] json = EventJson.encode(comment, false);
        if (json.length + 2 > settings.maxBytes())
            throw new IllegalArgumentException("comment " + comment.id() + ": larger than maxBytes");
        pending.acquire();
        synchronized (this) {
            if (closed) {
                pending.release();
                throw new IllegalStateException("batcher closed");
            }
            if (open != null && open.bytes + 1 + json.length > settings.maxBytes()) seal();
            if (open == null) {
                Open o = new Open();
                open = o;
                o.lingerTimer =
                        timer.schedule(() -> sealIf(o), settings.linger().toNanos(), TimeUnit.NANOSECONDS);
            }
            Open o = open;
            o.events.add(comment);
            o.encoded.add(json);
            o.bytes += json.length + (o.events.size() > 1 ? 1 : 0);
            if (o.events.size() >= settings.maxEvents()) seal();
            return o.result;
        }
    }

    /** Sends the batch being filled now, without waiting for its linger. */
    public synchronized void flush() {
        if (open != null) seal();
    }

    private synchronized void sealIf(Open o) {
        if (open == o) seal();
    }

    private void seal() {
        Open o = open;
        open = null;
        o.lingerTimer.cancel(false);
        byte[] body = EventJson.array(o.encoded, o.bytes - 2 - (o.events.size() - 1));
        sending.execute(() -> {
            try {
                o.result.complete(sink.send(o.events, body));
            } catch (RuntimeException e) {
                o.result.completeExceptionally(e);
            } finally {
                pending.release(o.events.size());
            }
        });
    }

    /**
     * Sends what is waiting, waits until every batch is answered (up to a minute), and stops.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (open != null) seal();
        }
        timer.shutdownNow();
        sending.shutdown();
        try {
            if (!sending.awaitTermination(1, TimeUnit.MINUTES)) sending.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sending.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
