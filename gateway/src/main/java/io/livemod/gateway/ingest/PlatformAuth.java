package io.livemod.gateway.ingest;

import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks the platform signature headers of the contract; on success stores the platform in the
 * routing context under {@link #PLATFORM}, otherwise answers 401 and the route stops.
 */
public final class PlatformAuth {
    public static final String PLATFORM = "livemod.platform";
    private final Platforms platforms;
    private final Clock clock;
    private final Duration window;

    public PlatformAuth(Platforms platforms, Clock clock, Duration window) {
        this.platforms = platforms;
        this.clock = clock;
        this.window = window;
    }

    public void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader("X-Livemod-Platform");
        String ts = ctx.request().getHeader("X-Livemod-Timestamp");
        String sig = ctx.request().getHeader("X-Livemod-Signature");
        if (id == null || ts == null || sig == null) {
            Errors.send(ctx, 401, "unauthorized", "X-Livemod-Platform, X-Livemod-Timestamp and X-Livemod-Signature are required");
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            Errors.send(ctx, 401, "unauthorized", "X-Livemod-Timestamp must be unix seconds");
            return;
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > window.toSeconds()) {
            Errors.send(ctx, 401, "stale_timestamp", "X-Livemod-Timestamp is more than " + window.toSeconds() + " s from the server clock");
            return;
        }
        Platform p = platforms.get(id).orElse(null);
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        // Unknown platform and bad signature answer alike, so ids cannot be probed.
        if (p == null || !Signatures.verify(p.secrets(), seconds, body, sig)) {
            Errors.send(ctx, 401, "unauthorized", "signature does not verify for this platform");
            return;
        }
        ctx.put(PLATFORM, p);
        ctx.next();
    }
}
