package io.livemod.gateway.ministry;

import io.livemod.event.Json;
import io.livemod.gateway.http.Errors;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/** Small request and answer helpers shared by the ministry and admin routes. */
public final class Requests {
    private Requests() {}

    /** The body as a JSON object ({} when empty); null after answering 400. */
    public static JsonObject object(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) return new JsonObject();
        try {
            Object v = io.vertx.core.json.Json.decodeValue(text);
            if (v instanceof JsonObject o) return o;
        } catch (DecodeException e) {
            Errors.send(ctx, 400, "malformed_body", "the body is not valid JSON: " + e.getMessage(), "$");
            return null;
        }
        Errors.send(ctx, 400, "malformed_body", "the body must be a JSON object", "$");
        return null;
    }

    /**
     * A string field: null when absent and optional; after answering 400 (naming the field) when
     * required and missing, not a string, blank, or longer than {@code max}, returns {@link #INVALID}.
     */
    public static String text(RoutingContext ctx, JsonObject body, String field, boolean required, int max) {
        Object v = body.getValue(field);
        // An optional field left empty (a form's blank textarea) is the same as absent.
        if (!required && (v == null || v instanceof String b && b.isBlank())) return null;
        if (!(v instanceof String s) || s.isBlank()) {
            Errors.send(ctx, 400, "invalid_field", field + " is required and must be a non-empty string", "$." + field);
            return INVALID;
        }
        if (s.length() > max) {
            Errors.send(ctx, 400, "invalid_field", field + " is longer than " + max + " characters", "$." + field);
            return INVALID;
        }
        return s.trim();
    }

    /** Marker returned by {@link #text} after it answered 400. Compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String INVALID = new String("<invalid>");

    /** The limit parameter (default 50, 1..{@link Paging#MAX_LIMIT}); -1 after answering 400. */
    public static int limit(RoutingContext ctx) {
        int limit;
        try {
            limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > Paging.MAX_LIMIT) {
            Errors.send(ctx, 400, "invalid_parameter", "limit must be 1.." + Paging.MAX_LIMIT, "limit");
            return -1;
        }
        return limit;
    }

    /** A query parameter restricted to a set of values: null when absent, INVALID after answering 400. */
    public static String oneOf(RoutingContext ctx, String param, java.util.Set<String> allowed) {
        String v = ctx.request().getParam(param);
        if (v == null || allowed.contains(v)) return v;
        Errors.send(ctx, 400, "invalid_parameter", param + " must be one of " + new java.util.TreeSet<>(allowed), param);
        return INVALID;
    }

    public static void json(RoutingContext ctx, int status, Object value) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.string(value));
    }

    /** Answers a computed page: 400 naming the cursor when it was not one we issued, 500 on other failures. */
    public static <T> void page(RoutingContext ctx, io.vertx.core.AsyncResult<Paging.Page<T>> ar) {
        if (ar.failed() && ar.cause() instanceof IllegalArgumentException) {
            Errors.send(ctx, 400, "invalid_parameter", "cursor is not one this gateway issued", "cursor");
        } else if (ar.failed()) {
            ctx.fail(ar.cause());
        } else {
            page(ctx, ar.result());
        }
    }

    public static <T> void page(RoutingContext ctx, Paging.Page<T> page) {
        String body = "{\"items\":" + Json.string(page.items()) + (page.next() == null ? "" : ",\"next\":\"" + page.next() + "\"") + "}";
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }

    /** scheme://host[:port] as the caller reached this gateway, for links in feeds. */
    public static String baseUrl(RoutingContext ctx) {
        URI u = URI.create(ctx.request().absoluteURI());
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
