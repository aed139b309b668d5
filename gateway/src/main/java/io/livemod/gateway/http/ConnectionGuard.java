package io.livemod.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one client from holding the gateway's connections or memory: at most
 * {@link ConnectionLimits#maxConnectionsPerIp} connections per remote address (more are closed as
 * they open), and a deadline on reading a request body ({@link #bodyDeadline}, in front of the body
 * handler): a body trickled in byte by byte is answered 408 and its connection closed.
 */
public final class ConnectionGuard {
    private final ConnectionLimits limits;
    private final MeterRegistry metrics;
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();

    public ConnectionGuard(ConnectionLimits limits, MeterRegistry metrics) {
        this.limits = limits;
        this.metrics = metrics;
    }

    /** The server's connection handler. */
    public void onConnection(HttpConnection conn) {
        String ip = conn.remoteAddress() == null ? "-" : conn.remoteAddress().hostAddress();
        int n = perIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
        conn.closeHandler(v -> perIp.computeIfPresent(ip, (k, c) -> c.decrementAndGet() <= 0 ? null : c));
        if (n > limits.maxConnectionsPerIp()) {
            metrics.counter("livemod_http_connections_refused_total", "reason", "per_ip_cap")
                    .increment();
            conn.close();
        }
    }

    /** Connections this address holds now. */
    public int connections(String ip) {
        AtomicInteger c = perIp.get(ip);
        return c == null ? 0 : c.get();
    }

    /**
     * A route handler first in line for every API request: the body must be in within the deadline,
     * else 408 and the connection is closed. A request refused before its body was read (401, 413,
     * 503) whose body is still trickling in when the deadline comes loses its connection too.
     */
    public void bodyDeadline(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (req.isEnded() || !hasBody(req)) {
            ctx.next();
            return;
        }
        long timer = ctx.vertx().setTimer(limits.bodyReadTimeout().toMillis(), id -> {
            if (req.isEnded()) return;
            metrics.counter("livemod_http_connections_refused_total", "reason", "body_timeout")
                    .increment();
            if (!ctx.response().ended()) {
                ctx.response().putHeader("Connection", "close");
                Errors.send(
                        ctx,
                        408,
                        "body_timeout",
                        "the body did not arrive within "
                                + limits.bodyReadTimeout().toSeconds() + " s");
            }
            req.connection().close();
        });
        // Answered with the body read: nothing left to watch (and the context, with its body, is not kept alive by the
        // timer).
        ctx.addEndHandler(v -> {
            if (req.isEnded()) ctx.vertx().cancelTimer(timer);
        });
        ctx.next();
    }

    /** A body is coming: a length above zero, or chunks (GET feeds and WebSocket upgrades have none). */
    private static boolean hasBody(HttpServerRequest req) {
        String length = req.getHeader("Content-Length");
        return (length != null && !length.trim().equals("0")) || req.getHeader("Transfer-Encoding") != null;
    }
}
