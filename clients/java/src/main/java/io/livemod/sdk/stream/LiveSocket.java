package io.livemod.sdk.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.sdk.LivemodException;
import io.livemod.sdk.RetryPolicy;
import io.livemod.sdk.ingest.Event;
import io.livemod.sdk.ingest.EventJson;
import io.livemod.sdk.ingest.IngestResult;
import io.livemod.sdk.signing.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket ingest ({@code GET /v1/ingest/ws}): each frame is a JSON array of events, answered by
 * one ack frame, in order, once its events are durably stored. {@link #send} returns the frame's
 * future and waits while {@code maxUnacked} frames are unanswered: the gateway's own backpressure
 * (it stops reading while 8 frames of a connection are being written) reaches the caller instead
 * of a growing buffer. A frame refused with 429 or 503 is sent again after its {@code retryAfter},
 * with the same events and ids, as the retry policy allows; other refusals fail its future.
 * When the connection closes (the gateway closes with 1008 once a rotated secret's grace ends),
 * every unanswered frame fails with code {@code closed}: open a new socket and send them again;
 * events already stored come back as duplicates.
 */
public final class LiveSocket implements AutoCloseable {
    /** The ingest WebSocket's path. */
    public static final String PATH = "/v1/ingest/ws";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Semaphore window;
    private final RetryPolicy retry;
    private final Map<Long, Frame> unacked = new LinkedHashMap<>();
    private final Acks acks = new Acks();
    private WebSocket ws;
    private long sent;
    private CompletableFuture<WebSocket> lastSend;
    private LivemodException closedWith;

    private static final class Frame {
        final String text;
        final CompletableFuture<IngestResult> result = new CompletableFuture<>();
        int attempts;

        Frame(String text) {
            this.text = text;
        }
    }

    private LiveSocket(int maxUnacked, RetryPolicy retry) {
        if (maxUnacked < 1) throw new IllegalArgumentException("maxUnacked: at least 1");
        this.window = new Semaphore(maxUnacked);
        this.retry = retry;
    }

    /**
     * Connects, signing the upgrade request.
     *
     * @param http       the HTTP client
     * @param gateway    the gateway's base URL (http or https)
     * @param signer     the platform's signer
     * @param clock      the clock for the signature's timestamp
     * @param retry      how often a refused frame is sent again
     * @param maxUnacked frames unanswered before {@link #send} waits
     * @return the open socket
     * @throws LivemodException when the gateway refuses the upgrade (bad signature, unknown platform...)
     */
    public static LiveSocket connect(
            HttpClient http, URI gateway, RequestSigner signer, Clock clock, RetryPolicy retry, int maxUnacked) {
        LiveSocket s = new LiveSocket(maxUnacked, retry);
        long ts = clock.millis() / 1000;
        String scheme = "https".equals(gateway.getScheme()) ? "wss" : "ws";
        URI uri = URI.create(scheme + "://" + gateway.getRawAuthority() + PATH);
        try {
            s.ws = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .header(RequestSigner.PLATFORM_HEADER, signer.platform())
                    .header(RequestSigner.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(RequestSigner.SIGNATURE_HEADER, signer.sign(ts, "GET", PATH, null))
                    .buildAsync(uri, s.acks)
                    .join();
        } catch (CompletionException e) {
            throw new LivemodException(
                    0, "upgrade_refused", "WebSocket upgrade failed: " + e.getCause(), null, 0, 1, e.getCause());
        }
        return s;
    }

    /**
     * Sends events as one frame, waiting while {@code maxUnacked} frames are unanswered.
     *
     * @param events at most 1000 comments and stream events, mixed
     * @return the frame's answer; fails with a {@link LivemodException} when refused or the socket closed
     * @throws InterruptedException while waiting for the window
     */
    public CompletableFuture<IngestResult> send(List<? extends Event> events) throws InterruptedException {
        window.acquire();
        Frame f = new Frame(new String(EventJson.array(events, true), StandardCharsets.UTF_8));
        var unused = f.result.whenComplete((r, e) -> window.release()); // the caller gets f.result itself
        write(f);
        return f.result;
    }

    /** @return frames sent and not answered yet */
    public synchronized int unacked() {
        return unacked.size();
    }

    private synchronized void write(Frame f) {
        if (closedWith != null) {
            f.result.completeExceptionally(closedWith);
            return;
        }
        f.attempts++;
        unacked.put(++sent, f); // the gateway numbers frames from 1 in the order it reads them
        // java.net.http allows one outstanding send: chain each after the previous one.
        CompletableFuture<WebSocket> previous = lastSend == null ? CompletableFuture.completedFuture(ws) : lastSend;
        lastSend = previous.handle((w, e) -> null).thenCompose(x -> ws.sendText(f.text, true));
        lastSend.exceptionally(e -> {
            fail(new LivemodException(0, "closed", "send failed: " + e, null, 0, f.attempts, e));
            return null;
        });
    }

    private void ack(String text) {
        JsonNode a;
        try {
            a = JSON.readTree(text);
        } catch (IOException e) {
            fail(new LivemodException(0, "malformed_answer", "ack is not JSON: " + text, null, 0, 1, e));
            return;
        }
        Frame f;
        synchronized (this) {
            f = unacked.remove(a.path("frame").asLong());
        }
        if (f == null) return;
        int status = a.path("status").asInt();
        if (status == 202) {
            f.result.complete(IngestResult.from(a));
            return;
        }
        int retryAfter = a.path("retryAfter").asInt(0);
        LivemodException e = new LivemodException(
                status,
                a.path("error").asText("http_" + status),
                a.path("message").asText(""),
                a.hasNonNull("field") ? a.get("field").asText() : null,
                retryAfter,
                f.attempts,
                null);
        if (!e.retryable() || f.attempts >= retry.maxAttempts()) {
            f.result.completeExceptionally(e);
            return;
        }
        long wait = retry.delay(f.attempts, retryAfter).toMillis();
        CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> write(f));
    }

    private void fail(LivemodException e) {
        List<Frame> lost;
        synchronized (this) {
            if (closedWith == null) closedWith = e;
            lost = new ArrayList<>(unacked.values());
            unacked.clear();
        }
        for (Frame f : lost) f.result.completeExceptionally(e);
    }

    /** Reads the gateway's acks, one message at a time. */
    private final class Acks implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                ack(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            fail(new LivemodException(
                    0, "closed", "the gateway closed the socket: " + statusCode + " " + reason, null, 0, 1, null));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            fail(new LivemodException(0, "closed", "socket error: " + error, null, 0, 1, error));
        }
    }

    /** Waits (up to 10 s) for unanswered frames, then closes the socket. */
    @Override
    public void close() {
        CompletableFuture<?>[] all;
        synchronized (this) {
            all = unacked.values().stream().map(f -> f.result).toArray(CompletableFuture[]::new);
        }
        try {
            CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway: what is unanswered fails below
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        fail(new LivemodException(0, "closed", "socket closed by the client", null, 0, 1, null));
    }
}
