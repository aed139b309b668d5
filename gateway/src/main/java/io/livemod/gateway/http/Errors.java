package io.livemod.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The contract's one error shape: {"error":code,"message":text,"field":path?}. */
public final class Errors {
    private Errors() {}

    public static JsonObject body(String code, String message, String field) {
        JsonObject o = new JsonObject().put("error", code).put("message", message);
        if (field != null) o.put("field", field);
        return o;
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, code, message, null);
    }

    public static void send(RoutingContext ctx, int status, String code, String message, String field) {
        if (ctx.response().ended()) return;
        Responses.json(ctx, status, body(code, message, field));
    }

    /** Answers a refused request: its status, the error body (with {@code rejected} when there is one), Retry-After when set. */
    public static void send(RoutingContext ctx, ApiError e) {
        if (ctx.response().ended()) return;
        JsonObject body = body(e.code(), e.getMessage(), e.field());
        if (e.rejected() != null) body.put("rejected", e.rejected());
        if (e.retryAfterSeconds() > 0) ctx.response().putHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
        Responses.json(ctx, e.status(), body);
    }

    public static void retryLater(RoutingContext ctx, int status, String code, String message, int retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Integer.toString(retryAfterSeconds));
        send(ctx, status, code, message);
    }
}
