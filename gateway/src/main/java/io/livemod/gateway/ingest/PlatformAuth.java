package io.livemod.gateway.ingest;

import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks the platform signature headers of the contract in two steps, so that nothing is booked for
 * a caller who cannot be a platform: {@link #checkHeaders} before the body is read (headers present,
 * timestamp within the window, platform known, signature scheme allowed), {@link #verify} once it is
 * (the MAC over timestamp, method, path with query and body, then the replay cache: each signature
 * is accepted once). On success the platform is in the routing context under {@link #PLATFORM};
 * otherwise the answer is 401 and the route stops. Secrets in a rotation's grace period verify until
 * they expire.
 */
public final class PlatformAuth {
    public static final String PLATFORM = "livemod.platform";
    /** The secret that verified: a WebSocket checks it is still valid on every frame. Never log it. */
    static final String SECRET = "livemod.platform.secret";

    private static final String CLAIM = "livemod.platform.claim";
    private static final byte[] EMPTY = new byte[0];
    private final Platforms platforms;
    private final Clock clock;
    private final Duration window;
    private final IngestMetrics metrics;
    private final ReplayGuard replays;

    /** What the headers say, before the body is there to verify it. */
    record Claim(Platform platform, long timestamp, Signatures.Presented signature) {}

    public PlatformAuth(Platforms platforms, Clock clock, Duration window, IngestMetrics metrics, ReplayGuard replays) {
        this.platforms = platforms;
        this.clock = clock;
        this.window = window;
        this.metrics = metrics;
        this.replays = replays;
    }

    /** Step one, before the body is read: the claim is kept for {@link #verify}. */
    public void checkHeaders(RoutingContext ctx) {
        Claim c = claim(ctx);
        if (c == null) return;
        ctx.put(CLAIM, c);
        ctx.next();
    }

    /** Step two, after the BodyHandler read the body. */
    public void verify(RoutingContext ctx) {
        Claim c = ctx.get(CLAIM);
        if (c == null) c = claim(ctx);
        if (c != null) verify(ctx, c, body(ctx));
    }

    /** Both steps, for small signed routes whose body the BodyHandler already read (takedown answers). */
    public void handle(RoutingContext ctx) {
        Claim c = claim(ctx);
        if (c != null) verify(ctx, c, body(ctx));
    }

    /** For the WebSocket upgrade, signed over an empty body. */
    public void handleUpgrade(RoutingContext ctx) {
        Claim c = claim(ctx);
        if (c != null) verify(ctx, c, EMPTY);
    }

    /** Also the platform known to an admission check that runs before the body is read. */
    static Platform claimed(RoutingContext ctx) {
        Claim c = ctx.get(CLAIM);
        return c == null ? null : c.platform();
    }

    private static byte[] body(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null
                ? EMPTY
                : ctx.body().buffer().getBytes();
    }

    private Claim claim(RoutingContext ctx) {
        String id = ctx.request().getHeader("X-Livemod-Platform");
        String ts = ctx.request().getHeader("X-Livemod-Timestamp");
        String header = ctx.request().getHeader("X-Livemod-Signature");
        if (id == null || ts == null || header == null) {
            return refuse(
                    ctx,
                    "unauthorized",
                    "X-Livemod-Platform, X-Livemod-Timestamp and X-Livemod-Signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            return refuse(ctx, "unauthorized", "X-Livemod-Timestamp must be unix seconds");
        }
        if (Math.abs(clock.millis() / 1000 - seconds) > window.toSeconds()) {
            return refuse(
                    ctx,
                    "stale_timestamp",
                    "X-Livemod-Timestamp is more than " + window.toSeconds() + " s from the server clock");
        }
        Signatures.Presented sig = Signatures.parse(header);
        if (sig == null) return refuse(ctx, "unauthorized", "X-Livemod-Signature must be v2=<64 hex digits>");
        Platform p = platforms.get(id).orElse(null);
        // Unknown and non-legacy platforms answer alike, so ids cannot be probed.
        if (sig.version() == 1 && (p == null || !p.legacySignatures())) {
            return refuse(
                    ctx,
                    "unsupported_signature",
                    "v1 signatures are accepted only from platforms marked legacy; sign with "
                            + "v2=hex(HMAC-SHA256(secret, timestamp + \".\" + METHOD + \".\" + path-with-query + \".\" + body))");
        }
        if (p == null) return refuse(ctx, "unauthorized", "signature does not verify for this platform");
        return new Claim(p, seconds, sig);
    }

    private void verify(RoutingContext ctx, Claim c, byte[] body) {
        Platform p = c.platform();
        String secret = Signatures.match(
                p.validSecrets(clock.millis()),
                c.signature(),
                c.timestamp(),
                ctx.request().method().name(),
                ctx.request().uri(),
                body);
        if (secret == null) {
            refuse(ctx, "unauthorized", "signature does not verify for this platform");
            return;
        }
        replays.firstUse(p.id(), c.signature().value()).onComplete(ar -> {
            if (ar.failed()) {
                metrics.rejected(p.id(), "unavailable");
                Errors.retryLater(
                        ctx, 503, "unavailable", "the replay cache cannot be reached now; nothing was accepted", 1);
            } else if (!ar.result()) {
                refuse(
                        ctx,
                        "replayed_signature",
                        "this signature was already used; sign every request afresh (a retry with a new timestamp)");
            } else {
                ctx.put(PLATFORM, p);
                ctx.put(SECRET, secret);
                ctx.next();
            }
        });
    }

    private Claim refuse(RoutingContext ctx, String code, String message) {
        metrics.rejected("-", code);
        Errors.send(ctx, 401, code, message);
        return null;
    }
}
