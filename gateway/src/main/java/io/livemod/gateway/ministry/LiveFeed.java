package io.livemod.gateway.ministry;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Events to every connected officer. A small private helper until the shared one of
 * the live package lands: each connection remembers its Vert.x context, and a broadcast (from any
 * thread, e.g. a projection's) writes on that context. Comment lines every 15 s keep proxies from
 * closing idle connections.
 */
final class LiveFeed {
    private record Conn(Context ctx, HttpServerResponse response) {}

    private final Map<HttpServerResponse, Conn> conns = new ConcurrentHashMap<>();

    void open(RoutingContext rc) {
        HttpServerResponse r = rc.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        r.write(": connected\n\n");
        Context ctx = rc.vertx().getOrCreateContext();
        Conn c = new Conn(ctx, r);
        conns.put(r, c);
        long timer = rc.vertx().setPeriodic(15_000, t -> r.write(": keep-alive\n\n"));
        r.closeHandler(v -> {
            conns.remove(r);
            rc.vertx().cancelTimer(timer);
        });
    }

    void broadcast(String event, String id, String json) {
        String frame = "event: " + event + "\nid: " + id + "\ndata: " + json + "\n\n";
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
