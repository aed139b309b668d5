package io.livemod.gateway.webhook;

import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * GET /v1/webhooks/deliveries?status=&limit= (an addition to contract v1): the delivery log of the
 * caller's platform for its moderators; admins name the platform with {@code ?platform=}.
 */
public final class DeliveryRoutes {
    private static final Set<String> STATUSES =
            Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED, Delivery.NO_ENDPOINT);
    private final Vertx vertx;
    private final DeliveryLog log;

    public DeliveryRoutes(Vertx vertx, DeliveryLog log) {
        this.vertx = vertx;
        this.log = log;
    }

    public void list(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String platform = who.role() == Principal.Role.MODERATOR
                ? who.platform()
                : ctx.request().getParam("platform");
        if (platform == null || platform.isBlank()) {
            Errors.send(ctx, 400, "invalid_parameter", "platform is required for admins", "platform");
            return;
        }
        String status = ctx.request().getParam("status");
        if (status != null && !STATUSES.contains(status)) {
            Errors.send(
                    ctx, 400, "invalid_parameter", "status must be one of " + String.join(", ", STATUSES), "status");
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 500) {
            Errors.send(ctx, 400, "invalid_parameter", "limit must be 1..500", "limit");
            return;
        }
        int n = limit;
        vertx.executeBlocking(() -> log.list(platform, status, n), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            JsonArray items = new JsonArray();
            ar.result().forEach(d -> items.add(d.summary()));
            Responses.json(ctx, 200, new JsonObject().put("items", items));
        });
    }
}
