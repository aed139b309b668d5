package io.livemod.gateway.review;

import io.livemod.event.Json;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/** The moderators' read side: their platform's flags only; another platform's flag is a 404. */
public final class FlagRoutes {
    private static final Set<String> STATUSES = Set.of("open", "claimed", "decided");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private final FlagStore store;

    public FlagRoutes(FlagStore store) {
        this.store = store;
    }

    public void mount(Router router, Auth auth) {
        router.get("/v1/flags").handler(auth.require(Principal.Role.MODERATOR)).handler(this::listFlags);
        router.get("/v1/flags/:flagId").handler(auth.require(Principal.Role.MODERATOR)).handler(this::getFlag);
    }

    private void listFlags(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String status = ctx.request().getParam("status");
        String severity = ctx.request().getParam("severity");
        if (status != null && !STATUSES.contains(status)) {
            Errors.send(ctx, 400, "invalid_parameter", "status must be open, claimed or decided", "status");
            return;
        }
        if (severity != null && !SEVERITIES.contains(severity)) {
            Errors.send(ctx, 400, "invalid_parameter", "severity must be low, medium, high or critical", "severity");
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > FlagQuery.MAX_LIMIT) {
            Errors.send(ctx, 400, "invalid_parameter", "limit must be 1.." + FlagQuery.MAX_LIMIT, "limit");
            return;
        }
        FlagQuery q = new FlagQuery(status, ctx.request().getParam("streamId"), ctx.request().getParam("category"),
                severity, limit, ctx.request().getParam("cursor"));
        FlagStore.Page page;
        try {
            page = store.list(who.platform(), q);
        } catch (IllegalArgumentException e) {
            Errors.send(ctx, 400, "invalid_parameter", "cursor is not one this gateway issued", "cursor");
            return;
        }
        String body = "{\"items\":" + Json.string(page.items()) + (page.next() == null ? "" : ",\"next\":\"" + page.next() + "\"") + "}";
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }

    private void getFlag(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        store.get(who.platform(), ctx.pathParam("flagId")).ifPresentOrElse(
                f -> ctx.response().putHeader("Content-Type", "application/json").end(Json.string(f)),
                () -> Errors.send(ctx, 404, "not_found", "no such flag"));
    }

}
