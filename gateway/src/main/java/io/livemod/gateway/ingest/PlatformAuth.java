package io.livemod.gateway.ingest;

import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks the platform signature headers of the contract; on success stores the platform in the
 * routing context under {@link #PLATFORM}, otherwise answers 401 and the route stops. Secrets in a
 * rotation's grace period verify until they expire.
 */
public final class PlatformAuth {
    public static final String PLATFORM = "livemod.platform";
    /** The secret that verified: a WebSocket checks it is still valid on every frame. Never log it. */
    static final String SECRET = "livemod.platform.secret";
    private static final byte[] EMPTY = new byte[0];
    private final Platforms platforms;
    private final Clock clock;
    private final Duration window;
    private final IngestMetrics metrics;

    public PlatformAuth(Platforms platforms, Clock clock, Duration window, IngestMetrics metrics) {
        this.platforms = platforms;
        this.clock = clock;
        this.window = window;
        this.metrics = metrics;
    }

    /** For requests with a body (read by the BodyHandler before this runs). */
    public void handle(RoutingContext ctx) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? EMPTY : ctx.body().buffer().getBytes();
        check(ctx, body);
    }

    /** For the WebSocket upgrade, signed over an empty body. */
    public void handleUpgrade(RoutingContext ctx) {
        check(ctx, EMPTY);
    }

    private void check(RoutingContext ctx, byte[] body) {
        String id = ctx.request().getHeader("X-Livemod-Platform");
        String ts = ctx.request().getHeader("X-Livemod-Timestamp");
        String sig = ctx.request().getHeader("X-Livemod-Signature");
        if (id == null || ts == null || sig == null) {
            refuse(ctx, "unauthorized", "X-Livemod-Platform, X-Livemod-Timestamp and X-Livemod-Signature are required");
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, "unauthorized", "X-Livemod-Timestamp must be unix seconds");
            return;
        }
        long nowMs = clock.millis();
        if (Math.abs(nowMs / 1000 - seconds) > window.toSeconds()) {
            refuse(ctx, "stale_timestamp", "X-Livemod-Timestamp is more than " + window.toSeconds() + " s from the server clock");
            return;
        }
        Platform p = platforms.get(id).orElse(null);
        String secret = p == null ? null : Signatures.match(p.validSecrets(nowMs), seconds, body, sig);
        // Unknown platform and bad signature answer alike, so ids cannot be probed.
        if (secret == null) {
            refuse(ctx, "unauthorized", "signature does not verify for this platform");
            return;
        }
        ctx.put(PLATFORM, p);
        ctx.put(SECRET, secret);
        ctx.next();
    }

    private void refuse(RoutingContext ctx, String code, String message) {
        metrics.rejected("-", code);
        Errors.send(ctx, 401, code, message);
    }
}
