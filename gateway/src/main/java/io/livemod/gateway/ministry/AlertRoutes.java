package io.livemod.gateway.ministry;

import io.livemod.event.AlertAction;
import io.livemod.event.Topics;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.live.SseHub;
import io.livemod.rules.Severity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duty officers' alert routes: list, read, live feed, CAP feed, and ack / assign / resolve. An
 * action answers 200 only once it is durably in Kafka with its audit entry, and shows in this
 * gateway's projection. Only officers: moderators and admins get 403.
 */
public final class AlertRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);
    private static final Set<String> STATUSES = Set.of(AlertState.OPEN, AlertState.ACKED, AlertState.RESOLVED);
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private final AlertBoard board;
    private final SseHub<AlertView> live;
    private final CapFeed cap;
    private final Changes changes;

    AlertRoutes(AlertBoard board, SseHub<AlertView> live, CapFeed cap, Changes changes) {
        this.changes = changes;
        this.board = board;
        this.live = live;
        this.cap = cap;
    }

    public void listAlerts(RoutingContext ctx) {
        String status = Requests.oneOf(ctx, "status", STATUSES);
        String severity = Requests.invalid(status) ? null : Requests.oneOf(ctx, "severity", SEVERITIES);
        if (Requests.invalid(status) || Requests.invalid(severity)) return;
        int limit = Requests.limit(ctx);
        if (limit < 0) return;
        AlertBoard.Filter f = new AlertBoard.Filter(
                status,
                ctx.request().getParam("platform"),
                severity == null ? null : Severity.fromWire(severity)); // checked against SEVERITIES above
        String cursor = ctx.request().getParam("cursor");
        ctx.vertx()
                .executeBlocking(() -> board.list(f, limit, cursor), false)
                .onComplete(ar -> Responses.page(ctx, ar));
    }

    public void getAlert(RoutingContext ctx) {
        withAlert(ctx, v -> Responses.json(ctx, 200, v));
    }

    public void capMessage(RoutingContext ctx) {
        withAlert(ctx, v -> ctx.response()
                .putHeader("Content-Type", "application/cap+xml; charset=utf-8")
                .end(cap.message(v, Requests.baseUrl(ctx))));
    }

    public void capFeed(RoutingContext ctx) {
        int limit = Requests.limit(ctx);
        if (limit < 0) return;
        ctx.vertx().executeBlocking(() -> board.newest(limit), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            // Subscribers poll: an unchanged feed answers 304 to If-None-Match, without a body.
            String feed =
                    cap.feed(ar.result(), Requests.baseUrl(ctx), changes.clock().millis());
            String etag = "\"" + CapFeed.digest(feed) + "\"";
            ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache");
            if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).end();
            } else {
                ctx.response()
                        .putHeader("Content-Type", "application/atom+xml; charset=utf-8")
                        .end(feed);
            }
        });
    }

    private void withAlert(RoutingContext ctx, java.util.function.Consumer<AlertView> then) {
        String id = ctx.pathParam("alertId");
        ctx.vertx().executeBlocking(() -> board.get(id), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                Errors.send(ctx, 404, "not_found", "no such alert");
            } else {
                then.accept(ar.result().get());
            }
        });
    }

    /** Officers see every platform: no per-subscriber filter. Unnamed events (EventSource's onmessage), data = the view. */
    public void liveFeed(RoutingContext ctx) {
        live.open(ctx, a -> true);
    }

    public void ack(RoutingContext ctx) {
        act(ctx, AlertAction.Action.ACK);
    }

    public void assign(RoutingContext ctx) {
        act(ctx, AlertAction.Action.ASSIGN);
    }

    public void resolve(RoutingContext ctx) {
        act(ctx, AlertAction.Action.RESOLVE);
    }

    private void act(RoutingContext ctx, AlertAction.Action action) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String note = Requests.text(ctx, body, "note", action == AlertAction.Action.RESOLVE, 2000);
        if (Requests.invalid(note)) return;
        String to = action == AlertAction.Action.ASSIGN ? Requests.text(ctx, body, "to", true, 128) : null;
        if (Requests.invalid(to)) return;
        withAlert(ctx, current -> {
            Optional<String> refusal = refusal(action, current);
            if (refusal.isPresent()) {
                Errors.send(ctx, 409, "conflict", refusal.get(), "status");
                return;
            }
            AlertAction a = new AlertAction(
                    UUID.randomUUID().toString(),
                    current.alertId(),
                    action,
                    who.sub(),
                    to,
                    note,
                    changes.clock().millis());
            var vctx = ctx.vertx().getOrCreateContext();
            Future<Void> shown = changes.applied().await(vctx, a.actionId());
            String detail = new JsonObject()
                    .put("alertId", a.alertId())
                    .put("assignee", to)
                    .put("note", note)
                    .encode();
            Future.all(
                            changes.writer().send(Topics.ALERT_ACTIONS, a.alertId(), a),
                            changes.audit().record(who, "alert." + action.wire(), "alert/" + a.alertId(), detail))
                    .onFailure(err -> {
                        changes.applied().forget(a.actionId());
                        LOG.warn("alert {} {} not recorded: {}", a.alertId(), action.wire(), err.toString());
                        changes.metrics()
                                .counter("livemod_ministry_write_failures", "what", "alert." + action.wire())
                                .increment();
                        Errors.retryLater(
                                ctx, 503, "kafka_unavailable", "Kafka cannot take writes now; nothing was recorded", 1);
                    })
                    .onSuccess(v -> shown.onComplete(x -> {
                        changes.metrics()
                                .counter("livemod_alert_actions", "action", action.wire())
                                .increment();
                        withAlert(ctx, after -> Responses.json(ctx, 200, after));
                    }));
        });
    }

    /** Why this action does not apply to the alert in its current status, if it does not. */
    static Optional<String> refusal(AlertAction.Action action, AlertView v) {
        if (AlertState.RESOLVED.equals(v.status())) return Optional.of("the alert is already resolved");
        if (action == AlertAction.Action.ACK && AlertState.ACKED.equals(v.status()))
            return Optional.of("the alert is already acknowledged by " + v.ackedBy());
        return Optional.empty();
    }

    /** A moderator escalated a flag or user: the alerts that now show ids in clear go out again. Projection thread. */
    void revealed(io.livemod.event.Decision d) {
        if (live.subscribers() == 0) return;
        board.rows().stream()
                .filter(r -> r.alert().samples().stream()
                        .anyMatch(f -> f.flagId().equals(d.flagId())
                                || (d.userId() != null
                                        && d.userId().equals(f.userId())
                                        && java.util.Objects.equals(d.platform(), f.platform()))))
                .forEach(r -> publish(r.alert().alertId(), "alert.revealed"));
    }

    /** Renders an alert for the live feed; runs on the projection's thread, where blocking reads are fine. */
    void publish(String alertId, String change) {
        if (live.subscribers() == 0) return;
        board.get(alertId).ifPresent(live::publish);
    }
}
