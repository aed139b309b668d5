package io.livemod.gateway.ingest;

import io.livemod.gateway.Gateway;
import io.livemod.gateway.http.ApiError;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.platform.Platform;
import io.livemod.ingest.EventFields;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Platform ingest over HTTP: signed batches (JSON array or NDJSON) in, durably in Kafka before the 202. */
public final class IngestRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
    public static final String COMMENTS = "/v1/ingest/comments";
    public static final String STREAM_EVENTS = "/v1/ingest/stream-events";
    private final BatchProcessor processor;
    private final InFlight inFlight;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestRoutes(BatchProcessor processor, InFlight inFlight, IngestMetrics metrics, Clock clock) {
        this.processor = processor;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reserves the body's size in the platform's and the gateway's in-flight budget until the response ends; 413/503 early otherwise. */
    public void admit(RoutingContext ctx) {
        String platform = PlatformAuth.claimed(ctx).id();
        long declared = contentLength(ctx);
        if (declared > Gateway.MAX_BODY) {
            metrics.rejected(platform, "body_too_large");
            Errors.send(ctx, 413, "body_too_large", "the body is over " + Gateway.MAX_BODY + " bytes", "$");
            return;
        }
        long bytes = declared < 0 ? Gateway.MAX_BODY : declared;
        if (!inFlight.tryAcquire(platform, bytes)) {
            metrics.rejected(platform, "overloaded");
            Errors.retryLater(
                    ctx,
                    503,
                    "overloaded",
                    "this gateway is at its in-flight limit for this platform; retry shortly",
                    1);
            return;
        }
        ctx.addEndHandler(ar -> inFlight.release(platform, bytes));
        ctx.next();
    }

    public void ingestComments(RoutingContext ctx) {
        ingest(ctx, EventFields::comment);
    }

    public void ingestStreamEvents(RoutingContext ctx) {
        ingest(ctx, EventFields::streamEvent);
    }

    private void ingest(RoutingContext ctx, BatchProcessor.ItemParser parser) {
        Platform platform = ctx.get(PlatformAuth.PLATFORM);
        long started = System.nanoTime();
        long receivedAt = clock.millis();
        Buffer body = ctx.body().buffer();
        List<Object> decoded;
        try {
            decoded = BatchDecoder.decode(body == null ? new byte[0] : body.getBytes(), isNdjson(ctx));
        } catch (ApiError e) {
            metrics.rejected(platform.id(), e.code());
            Errors.send(ctx, e);
            return;
        }
        processor
                .process(ctx.vertx().getOrCreateContext(), platform, decoded, parser, receivedAt)
                .onComplete(ar -> answer(ctx, platform, started, ar));
    }

    private void answer(RoutingContext ctx, Platform platform, long started, AsyncResult<BatchProcessor.Outcome> ar) {
        if (ar.succeeded()) {
            metrics.ackTime(platform.id(), "http", Duration.ofNanos(System.nanoTime() - started));
            Responses.json(ctx, 202, ar.result().toJson());
        } else if (ar.cause() instanceof ApiError e) {
            Errors.send(ctx, e);
        } else {
            LOG.error("ingest failed for {}", platform.id(), ar.cause());
            Errors.send(ctx, 500, "internal", "internal error");
        }
    }

    private static boolean isNdjson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson"));
    }

    private static long contentLength(RoutingContext ctx) {
        String v = ctx.request().getHeader("Content-Length");
        if (v == null) return -1;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
