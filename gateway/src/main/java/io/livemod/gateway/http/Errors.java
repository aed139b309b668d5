package io.livemod.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The contract's one error shape: {"error":code,"message":text,"field":path?}. */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    /** The router's own refusals and failures, in the error shape: 404, 405, 408 and 413 before any route, 500 after one failed. */
    public static Router mount(Router router, int maxBody) {
        router.errorHandler(408, ctx -> send(ctx, 408, "body_timeout", "the body did not arrive in time"));
        router.errorHandler(413, ctx -> send(ctx, 413, "body_too_large", "the body is over " + maxBody + " bytes"));
        router.errorHandler(404, ctx -> send(ctx, 404, "not_found", "no such route"));
        router.errorHandler(405, ctx -> send(ctx, 405, "method_not_allowed", "method not allowed on this route"));
        router.errorHandler(500, ctx -> {
            LOG.error("unhandled error on {}", ctx.request().path(), ctx.failure());
            send(ctx, 500, "internal", "internal error");
        });
        return router;
    }

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
