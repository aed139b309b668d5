package io.livemod.gateway.ingest;

import io.livemod.event.Comment;
import io.livemod.event.Topics;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platform;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Platform ingest: signed batches of comments in, durably in Kafka before the 202. */
public final class IngestRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
    public static final int MAX_EVENTS = 1000;
    private final EventWriter writer;
    private final Clock clock;
    private final MeterRegistry metrics;

    public IngestRoutes(EventWriter writer, Clock clock, MeterRegistry metrics) {
        this.writer = writer;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void mount(Router router, PlatformAuth auth) {
        router.post("/v1/ingest/comments").handler(auth::handle).handler(this::ingestComments);
    }

    private void ingestComments(RoutingContext ctx) {
        Platform platform = ctx.get(PlatformAuth.PLATFORM);
        List<Object> items = parseBatch(ctx);
        if (items == null) return;
        long receivedAt = clock.millis();
        List<Map.Entry<String, Comment>> valid = new ArrayList<>(items.size());
        JsonArray rejected = new JsonArray();
        for (int i = 0; i < items.size(); i++) {
            CommentParser.Result r = CommentParser.parse(platform.id(), items.get(i), receivedAt);
            if (r instanceof CommentParser.Ok ok) {
                valid.add(Map.entry(ok.comment().key(), ok.comment()));
            } else if (r instanceof CommentParser.Invalid bad) {
                rejected.add(new JsonObject().put("index", i).put("id", bad.id()).put("error", bad.error())
                        .put("message", bad.message()).put("field", "$[" + i + "]" + bad.field().substring(1)));
                metrics.counter("livemod_ingest_rejected", "platform", platform.id(), "reason", bad.error()).increment();
            }
        }
        if (valid.isEmpty()) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(Errors.body("no_valid_event", "no event of the batch is valid", "$").put("rejected", rejected).encode());
            return;
        }
        writer.write(ctx.vertx().getOrCreateContext(), Topics.COMMENTS, valid).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("kafka write failed for {}: {}", platform.id(), ar.cause().toString());
                metrics.counter("livemod_ingest_unavailable", "platform", platform.id()).increment();
                Errors.retryLater(ctx, 503, "kafka_unavailable", "Kafka cannot take writes now; nothing was accepted", 1);
                return;
            }
            metrics.counter("livemod_ingest_accepted", "platform", platform.id()).increment(valid.size());
            ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("accepted", valid.size()).put("duplicates", 0).put("rejected", rejected).encode());
        });
    }

    /** A JSON array, or NDJSON when the content type says so; null after answering 400/413. */
    private List<Object> parseBatch(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            Errors.send(ctx, 400, "malformed_body", "the body is empty", "$");
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            Errors.send(ctx, 400, "invalid_utf8", "the body is not valid UTF-8", "$");
            return null;
        }
        List<Object> items = new ArrayList<>();
        String type = ctx.request().getHeader("Content-Type");
        try {
            if (type != null && type.startsWith("application/x-ndjson")) {
                for (String l : text.split("\n")) {
                    if (!l.isBlank()) items.add(io.vertx.core.json.Json.decodeValue(l));
                }
            } else {
                Object v = io.vertx.core.json.Json.decodeValue(text);
                if (!(v instanceof JsonArray a)) {
                    Errors.send(ctx, 400, "malformed_body", "the body must be a JSON array of events", "$");
                    return null;
                }
                a.forEach(items::add);
            }
        } catch (DecodeException e) {
            Errors.send(ctx, 400, "malformed_body", "the body is not valid JSON: " + e.getMessage(), "$");
            return null;
        }
        if (items.size() > MAX_EVENTS) {
            Errors.send(ctx, 413, "too_many_events", "at most " + MAX_EVENTS + " events a batch, got " + items.size(), "$");
            return null;
        }
        if (items.isEmpty()) {
            Errors.send(ctx, 400, "no_valid_event", "the batch is empty", "$");
            return null;
        }
        return items;
    }
}
