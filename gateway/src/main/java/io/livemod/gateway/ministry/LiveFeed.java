package io.livemod.gateway.ministry;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Events to every connected officer. A small private helper until the shared
 * {@code live.SseHub} of the moderators' work is merged (then: an {@code SseHub<AlertView>} with
 * unnamed events, id alertId, data the view): each connection remembers its Vert.x context, and a broadcast (from any
 * thread, e.g. a projection's) writes on that context. Comment lines every 15 s keep proxies from
 * closing idle connections.
 */
final class LiveFeed {
    private record Conn(Context ctx, HttpServerResponse response) {}

    private final Map<HttpServerResponse, Conn> conns = new ConcurrentHashMap<>();

    void open(RoutingContext rc) {
        HttpServerResponse r = rc.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        r.write("retry: 3000\n: connected\n\n");
        Context ctx = rc.vertx().getOrCreateContext();
        Conn c = new Conn(ctx, r);
        conns.put(r, c);
        long timer = rc.vertx().setPeriodic(15_000, t -> r.write(": keep-alive\n\n"));
        r.closeHandler(v -> {
            conns.remove(r);
            rc.vertx().cancelTimer(timer);
        });
        r.exceptionHandler(e -> conns.remove(r));
    }

    /**
     * Unnamed events (what EventSource's onmessage receives, as the console expects): the data is
     * the alert's whole current view, so a client upserts it whatever changed.
     */
    void broadcast(String id, String json) {
        String frame = "id: " + id + "\ndata: " + json + "\n\n";
        for (Conn c : conns.values()) {
            c.ctx().runOnContext(v -> {
                // A slow reader must not make the gateway buffer without bound: drop it, it reconnects.
                if (c.response().writeQueueFull()) {
                    conns.remove(c.response());
                    c.response().reset();
                } else if (!c.response().closed()) {
                    c.response().write(frame);
                }
            });
        }
    }

    int size() {
        return conns.size();
    }
}
