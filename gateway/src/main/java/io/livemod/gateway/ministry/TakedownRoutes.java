package io.livemod.gateway.ministry;

import io.livemod.event.Json;
import io.livemod.event.TakedownEvent;
import io.livemod.event.Topics;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.ingest.PlatformAuth;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.webhook.Webhooks;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takedown requests: officers file them (deadline now + 24 h, Decree 147/2024) and list them; the
 * platform is told by webhook ({@code takedown.requested}), can list its own by API, and answers
 * with a signed {@code POST /v1/takedowns/{id}/done}. Another platform's request is a 404 to it.
 */
public final class TakedownRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TakedownRoutes.class);
    private static final Set<String> STATUSES = Set.of(Takedown.OPEN, Takedown.DONE, Takedown.OVERDUE);
    private final TakedownBook book;
    private final Platforms platforms;
    private final Webhooks webhooks;
    private final Changes changes;
    private final Duration deadline;

    TakedownRoutes(TakedownBook book, Platforms platforms, Webhooks webhooks, Changes changes, Duration deadline) {
        this.changes = changes;
        this.book = book;
        this.platforms = platforms;
        this.webhooks = webhooks;
        this.deadline = deadline;
    }

    public void request(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String platform = Requests.text(ctx, body, "platform", true, 128);
        if (Requests.invalid(platform)) return;
        if (platforms.get(platform).isEmpty()) {
            Errors.send(ctx, 400, "invalid_field", "no platform " + platform + " is connected", "$.platform");
            return;
        }
        String streamId = Requests.text(ctx, body, "streamId", false, 128);
        String commentId = Requests.invalid(streamId) ? null : Requests.text(ctx, body, "commentId", false, 128);
        if (Requests.invalid(streamId) || Requests.invalid(commentId)) return;
        if (streamId == null && commentId == null) {
            Errors.send(ctx, 400, "invalid_field", "a takedown names a streamId or a commentId", "$.streamId");
            return;
        }
        String reason = Requests.text(ctx, body, "reason", true, 2000);
        String legalBasis = Requests.invalid(reason) ? null : Requests.text(ctx, body, "legalBasis", true, 500);
        if (Requests.invalid(reason) || Requests.invalid(legalBasis)) return;
        long now = changes.clock().millis();
        String id = "td-" + UUID.randomUUID();
        TakedownEvent e = TakedownEvent.builder(UUID.randomUUID().toString(), id, TakedownEvent.Type.REQUESTED)
                .platform(platform)
                .streamId(streamId)
                .commentId(commentId)
                .reason(reason)
                .legalBasis(legalBasis)
                .actor(who.sub())
                .at(now)
                .deadline(now + deadline.toMillis())
                .build();
        ctx.response().putHeader("Location", "/v1/takedowns/" + id);
        record(
                ctx,
                e,
                changes.audit().record(who, "takedown.requested", "takedown/" + id, Json.string(e)),
                201,
                t ->
                        // Durable first, then the platform is told; the request stays listable by API if delivery
                        // fails.
                        webhooks.deliver(
                                        platform,
                                        "takedown.requested",
                                        new JsonObject(Json.string(
                                                t.view(changes.clock().millis()))))
                                .onFailure(err -> {
                                    LOG.warn("takedown {} not queued for webhook delivery: {}", id, err.toString());
                                    changes.metrics()
                                            .counter("livemod_takedown_webhook_failures", "platform", platform)
                                            .increment();
                                }));
    }

    public void done(RoutingContext ctx) {
        Platform p = ctx.get(PlatformAuth.PLATFORM);
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String note = Requests.text(ctx, body, "note", false, 2000);
        if (Requests.invalid(note)) return;
        String id = ctx.pathParam("id");
        ctx.vertx().executeBlocking(() -> book.get(id), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty() || !p.id().equals(ar.result().get().platform())) {
                Errors.send(ctx, 404, "not_found", "no such takedown for this platform");
            } else if (ar.result().get().doneAt() != null) {
                Responses.json(
                        ctx, 200, ar.result().get().view(changes.clock().millis())); // answered twice: same outcome
            } else {
                TakedownEvent e = TakedownEvent.builder(UUID.randomUUID().toString(), id, TakedownEvent.Type.DONE)
                        .platform(p.id())
                        .actor(p.id())
                        .note(note)
                        .at(changes.clock().millis())
                        .build();
                record(
                        ctx,
                        e,
                        changes.audit().record(p.id(), "platform", "takedown.done", "takedown/" + id, Json.string(e)),
                        200,
                        t -> changes.metrics()
                                .counter(
                                        "livemod_takedowns_done",
                                        "platform",
                                        p.id(),
                                        "late",
                                        Boolean.toString(t.late()))
                                .increment());
            }
        });
    }

    /** Writes the event with its audit entry, waits until the projection shows it, answers with the takedown. */
    private void record(
            RoutingContext ctx,
            TakedownEvent e,
            Future<?> audited,
            int status,
            java.util.function.Consumer<Takedown> after) {
        Context c = ctx.vertx().getOrCreateContext();
        Future<Void> shown = changes.applied().await(c, e.eventId());
        Future.all(changes.writer().send(Topics.TAKEDOWNS, e.takedownId(), e), audited)
                .onFailure(err -> {
                    changes.applied().forget(e.eventId());
                    changes.metrics()
                            .counter(
                                    "livemod_ministry_write_failures",
                                    "what",
                                    "takedown." + e.type().wire())
                            .increment();
                    Errors.retryLater(
                            ctx, 503, "kafka_unavailable", "Kafka cannot take writes now; nothing was recorded", 1);
                })
                .onSuccess(v -> shown.compose(x -> ctx.vertx().executeBlocking(() -> book.get(e.takedownId()), false))
                        .onComplete(ar -> {
                            Takedown t = ar.succeeded() && ar.result().isPresent()
                                    ? ar.result().get()
                                    : null;
                            if (t == null) {
                                // Durable, not projected yet (or the read failed): accepted, look it up later.
                                Responses.json(ctx, 202, Map.of("takedownId", e.takedownId()));
                                return;
                            }
                            after.accept(t);
                            Responses.json(ctx, status, t.view(changes.clock().millis()));
                        }));
    }

    /** Officers: every platform's requests. */
    public void listAll(RoutingContext ctx) {
        list(ctx, null);
    }

    /** A platform (signed): its own requests only. */
    public void listOwn(RoutingContext ctx) {
        list(ctx, ctx.<Platform>get(PlatformAuth.PLATFORM).id());
    }

    public void getAny(RoutingContext ctx) {
        one(ctx, null);
    }

    public void getOwn(RoutingContext ctx) {
        one(ctx, ctx.<Platform>get(PlatformAuth.PLATFORM).id());
    }

    private void list(RoutingContext ctx, String platform) {
        String status = Requests.oneOf(ctx, "status", STATUSES);
        if (Requests.invalid(status)) return;
        int limit = Requests.limit(ctx);
        if (limit < 0) return;
        String onlyPlatform = platform != null ? platform : ctx.request().getParam("platform");
        String cursor = ctx.request().getParam("cursor");
        long now = changes.clock().millis();
        ctx.vertx()
                .executeBlocking(
                        () -> Paging.page(
                                book.all(onlyPlatform).stream()
                                        .map(t -> t.view(now))
                                        .filter(v -> status == null || status.equals(v.status()))
                                        .toList(),
                                TakedownBook::sortKey,
                                cursor,
                                limit),
                        false)
                .onComplete(ar -> Responses.page(ctx, ar));
    }

    private void one(RoutingContext ctx, String platform) {
        String id = ctx.pathParam("id");
        ctx.vertx().executeBlocking(() -> book.get(id), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()
                    || (platform != null && !platform.equals(ar.result().get().platform()))) {
                Errors.send(ctx, 404, "not_found", "no such takedown");
            } else {
                Responses.json(ctx, 200, ar.result().get().view(changes.clock().millis()));
            }
        });
    }
}
