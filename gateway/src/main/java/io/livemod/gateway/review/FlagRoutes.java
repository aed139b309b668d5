package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.live.SseHub;
import io.livemod.rules.Severity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The moderators' read side: their platform's flags only, as a page or as a live feed; another
 * platform's flag is a 404, never a 403, so ids cannot be probed. Store reads may block (Redis)
 * and run on worker threads.
 */
public final class FlagRoutes {
    private static final Set<String> STATUSES = Set.of("open", "claimed", "decided");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private final Vertx vertx;
    private final FlagStore store;
    private final SseHub<FlagView> live;

    public FlagRoutes(Vertx vertx, FlagStore store, SseHub<FlagView> live) {
        this.vertx = vertx;
        this.store = store;
        this.live = live;
    }

    public void listFlags(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        FlagQuery q = query(ctx, true);
        if (q == null) return;
        vertx.executeBlocking(() -> store.list(who.platform(), q), false)
                .onComplete(ar -> Responses.page(ctx, ar, FlagView::json));
    }

    /** SSE of new and changed flags of the caller's platform; streamId, category and severity filter it too. */
    public void liveFlags(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        FlagQuery q = query(ctx, false);
        if (q == null) return;
        live.open(ctx, v -> v.platform().equals(who.platform()) && q.matches(v));
    }

    public void getFlag(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String id = ctx.pathParam("flagId");
        vertx.executeBlocking(() -> store.get(who.platform(), id), false).onComplete(ar -> {
            if (ar.failed()) ctx.fail(ar.cause());
            else if (ar.result().isEmpty()) Errors.send(ctx, 404, "not_found", "no such flag");
            else Responses.jsonText(ctx, 200, ar.result().get().json());
        });
    }

    /** The query's filters, or null after answering 400 naming the bad parameter. */
    private static FlagQuery query(RoutingContext ctx, boolean paged) {
        String status = ctx.request().getParam("status");
        String severity = ctx.request().getParam("severity");
        if (paged && status != null && !STATUSES.contains(status)) {
            Errors.send(ctx, 400, "invalid_parameter", "status must be open, claimed or decided", "status");
            return null;
        }
        if (severity != null && !SEVERITIES.contains(severity)) {
            Errors.send(ctx, 400, "invalid_parameter", "severity must be low, medium, high or critical", "severity");
            return null;
        }
        // A live feed has no pages: its limit, if any, is ignored.
        int limit = paged ? Requests.limit(ctx) : 1;
        if (limit < 0) return null;
        // Checked above against the wire names: parsed once here, typed from here on.
        return new FlagQuery(
                paged && status != null ? Flag.Status.fromWire(status) : null,
                ctx.request().getParam("streamId"),
                ctx.request().getParam("category"),
                severity == null ? null : Severity.fromWire(severity),
                limit,
                paged ? ctx.request().getParam("cursor") : null);
    }
}
