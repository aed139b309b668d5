package io.livemod.gateway.ingest;

import io.livemod.gateway.http.ApiError;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.livemod.ingest.EventFields;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform ingest over a WebSocket: each text frame is a JSON array of events of any kind, each
 * answered by one ack frame, in frame order, once its events are durably in Kafka:
 * {@code {"frame":n,"status":202,"accepted":..,"duplicates":..,"rejected":[..]}} or, for a refused
 * frame, {@code {"frame":n,"status":429,"error":..,"message":..,"retryAfter":s}}. Reads pause
 * while {@code framesInFlight} frames are being written or the client is not reading its acks.
 * Each frame uses the platform as it is now (quota changes apply at once), and a connection whose
 * secret has expired (rotated, grace over) is closed with 1008: reconnect with the current secret.
 */
public final class IngestSocket {
    private static final Logger LOG = LoggerFactory.getLogger(IngestSocket.class);
    public static final String PATH = "/v1/ingest/ws";
    private final BatchProcessor processor;
    private final Platforms platforms;
    private final InFlight inFlight;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int framesInFlight;

    public IngestSocket(
            BatchProcessor processor,
            Platforms platforms,
            InFlight inFlight,
            IngestMetrics metrics,
            Clock clock,
            int framesInFlight) {
        this.processor = processor;
        this.platforms = platforms;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.clock = clock;
        this.framesInFlight = framesInFlight;
    }

    public void upgrade(RoutingContext ctx) {
        Platform platform = ctx.get(PlatformAuth.PLATFORM);
        if (!ctx.request().canUpgradeToWebSocket()) {
            Errors.send(ctx, 400, "not_a_websocket", "this route takes a WebSocket upgrade");
            return;
        }
        ctx.request()
                .toWebSocket()
                .onSuccess(ws -> new Connection(
                                platform.id(),
                                ctx.get(PlatformAuth.SECRET),
                                ws,
                                ctx.vertx().getOrCreateContext())
                        .start())
                .onFailure(e -> LOG.debug("websocket upgrade failed for {}: {}", platform.id(), e.toString()));
    }

    /** One platform connection: frames numbered from 1, acks chained so they leave in frame order. */
    private final class Connection {
        private final String platformId;
        private final String secret;
        private final ServerWebSocket ws;
        private final Context context;
        private long frames;
        private int pending;
        private boolean paused;
        private Future<Void> lastAck = Future.succeededFuture();

        Connection(String platformId, String secret, ServerWebSocket ws, Context context) {
            this.platformId = platformId;
            this.secret = secret;
            this.ws = ws;
            this.context = context;
        }

        void start() {
            ws.textMessageHandler(this::frame);
            ws.binaryMessageHandler(b -> frame(null));
            ws.exceptionHandler(e -> LOG.debug("websocket of {}: {}", platformId, e.toString()));
        }

        private void frame(String text) {
            Platform platform = platforms.get(platformId).orElse(null);
            if (platform == null || !platform.validSecrets(clock.millis()).contains(secret)) {
                metrics.rejected(platformId, "credentials_expired");
                ws.close((short) 1008, "credentials expired: reconnect with the current secret");
                return;
            }
            long n = ++frames;
            long started = System.nanoTime();
            Future<BatchProcessor.Outcome> result = text == null
                    ? Future.failedFuture(
                            ApiError.body(400, "malformed_body", "frames must be text: a JSON array of events"))
                    : process(platform, text.getBytes(StandardCharsets.UTF_8));
            pending++;
            updateFlow();
            result.onComplete(ar -> {
                pending--;
                updateFlow();
            });
            Future<Void> previous = lastAck;
            lastAck = previous.transform(x -> result.transform(ar -> {
                ack(platform, n, started, ar);
                return Future.<Void>succeededFuture();
            }));
        }

        private Future<BatchProcessor.Outcome> process(Platform platform, byte[] bytes) {
            if (!inFlight.tryAcquire(platform.id(), bytes.length)) {
                metrics.rejected(platform.id(), "overloaded");
                return Future.failedFuture(ApiError.retryLater(
                        503, "overloaded", "this gateway is at its in-flight limit; resend the frame shortly", 1));
            }
            try {
                long receivedAt = clock.millis();
                List<Object> decoded = BatchDecoder.decode(bytes, false);
                return processor
                        .process(context, platform, decoded, EventFields::anyKind, receivedAt)
                        .onComplete(ar -> inFlight.release(platform.id(), bytes.length));
            } catch (ApiError e) {
                inFlight.release(platform.id(), bytes.length);
                metrics.rejected(platform.id(), e.code());
                return Future.failedFuture(e);
            }
        }

        private void ack(Platform platform, long n, long started, AsyncResult<BatchProcessor.Outcome> ar) {
            JsonObject out = new JsonObject().put("frame", n);
            if (ar.succeeded()) {
                metrics.ackTime(platform.id(), "websocket", Duration.ofNanos(System.nanoTime() - started));
                out.put("status", 202).mergeIn(ar.result().toJson());
            } else if (ar.cause() instanceof ApiError e) {
                out.put("status", e.status()).mergeIn(Errors.body(e.code(), e.getMessage(), e.field()));
                if (e.retryAfterSeconds() > 0) out.put("retryAfter", e.retryAfterSeconds());
                if (e.rejected() != null) out.put("rejected", e.rejected());
            } else {
                LOG.error("websocket ingest failed for {}", platform.id(), ar.cause());
                out.put("status", 500).mergeIn(Errors.body("internal", "internal error", null));
            }
            if (ws.isClosed()) return;
            ws.writeTextMessage(out.encode());
            if (ws.writeQueueFull()) {
                ws.drainHandler(v -> updateFlow());
            }
            updateFlow();
        }

        /** Pauses reads while too many frames are in flight or the client does not read its acks. */
        private void updateFlow() {
            boolean shouldPause = pending >= framesInFlight || (!ws.isClosed() && ws.writeQueueFull());
            if (shouldPause && !paused) {
                paused = true;
                ws.pause();
            } else if (!shouldPause && paused) {
                paused = false;
                ws.resume();
            }
        }
    }
}
