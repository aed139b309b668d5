package io.livemod.gateway.testing;

import io.livemod.signing.RequestSignature;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs test requests as a platform does (v2). The gateway accepts each signature once, and tests
 * resend the same bytes on purpose (duplicates, retries) with a clock that may not move: like a real
 * client's retry, each request gets a timestamp of its own, stepping back through the window.
 */
public final class Signer {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Signer() {}

    /** A timestamp within the 300 s window, different from the previous 200 requests' at the same clock second. */
    public static long timestamp(Clock clock) {
        return clock.instant().getEpochSecond() - Math.floorMod(SEQ.getAndIncrement(), 200);
    }

    /** Adds the three signature headers for {@code method pathWithQuery body}. */
    public static HttpRequest.Builder sign(HttpRequest.Builder b, Clock clock, String platform, String secret, String method,
                                           String pathWithQuery, byte[] body) {
        long ts = timestamp(clock);
        return b.header("X-Livemod-Platform", platform).header("X-Livemod-Timestamp", Long.toString(ts))
                .header("X-Livemod-Signature", RequestSignature.v2(secret, ts, method, pathWithQuery, body));
    }
}
