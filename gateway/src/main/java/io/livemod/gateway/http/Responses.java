package io.livemod.gateway.http;

import io.livemod.event.Json;
import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Writing a JSON answer, the one way every route does: a status, {@code application/json}, the body.
 * An answer is written once: a route that already answered (a 400 from {@link Requests}, a closed
 * connection) is left alone.
 */
public final class Responses {
    private Responses() {}

    /** A value as JSON: a JsonObject or JsonArray as is, anything else through the event schema's mapper. */
    public static void json(RoutingContext ctx, int status, Object value) {
        String text = value instanceof JsonObject o
                ? o.encode()
                : value instanceof JsonArray a ? a.encode() : Json.string(value);
        jsonText(ctx, status, text);
    }

    /** JSON text already encoded (a stored view, a computed report). */
    public static void jsonText(RoutingContext ctx, int status, String json) {
        if (ctx.response().ended()) return;
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    /** Answers a computed page: 400 naming the cursor when it was not one we issued, 500 on other failures. */
    public static <T> void page(RoutingContext ctx, AsyncResult<Paging.Page<T>> ar) {
        page(ctx, ar, Json::string);
    }

    /** The same, with each item's JSON text from {@code itemJson}. */
    public static <T> void page(RoutingContext ctx, AsyncResult<Paging.Page<T>> ar, Function<T, String> itemJson) {
        if (ar.failed() && ar.cause() instanceof IllegalArgumentException) {
            Errors.send(ctx, 400, "invalid_parameter", "cursor is not one this gateway issued", "cursor");
        } else if (ar.failed()) {
            ctx.fail(ar.cause());
        } else {
            page(ctx, ar.result(), itemJson);
        }
    }

    /** {@code {"items":[...],"next":cursor}}; no {@code next} on the last page. */
    public static <T> void page(RoutingContext ctx, Paging.Page<T> page, Function<T, String> itemJson) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < page.items().size(); i++)
            body.append(i == 0 ? "" : ",").append(itemJson.apply(page.items().get(i)));
        body.append(']');
        if (page.next() != null) body.append(",\"next\":\"").append(page.next()).append('"');
        jsonText(ctx, 200, body.append('}').toString());
    }
}
