package io.livemod.gateway.testing;

import io.livemod.signing.RequestSignature;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs test requests as a platform does (v2). The gateway accepts each signature once, and tests
 * resend the same bytes on purpose (duplicates, retries) with a clock that may not move: like a real
 * client's retry, each request gets a timestamp of its own. A request is signed at the clock's second
 * unless the same method, path and body were already signed at that second; then one second earlier,
 * and so on, up to 200 s back (the gateway's window is 300 s). Stepping back by a request counter instead collided
 * whenever the clock moved on by as many seconds as requests were signed in between: a retry after a
 * broker restart then reused its first attempt's signature and was refused as a replay (401).
 */
public final class Signer {
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();

    private Signer() {}

    /** The newest second at or before the clock's at which this request was not signed yet. */
    public static long timestamp(Clock clock, String method, String pathWithQuery, byte[] body) {
        String what = "|" + method + " " + pathWithQuery + " " + body.length + " " + Arrays.hashCode(body);
        long now = clock.instant().getEpochSecond();
        for (long ts = now; ts > now - 200; ts--) {
            if (SIGNED.add(ts + what)) return ts;
        }
        // The same request signed 200 times at one clock second (a test polling with it): start over at
        // the clock's second, as a client whose earlier signatures have left the replay window would.
        SIGNED.removeIf(e -> e.endsWith(what));
        SIGNED.add(now + what);
        return now;
    }

    /** Adds the three signature headers for {@code method pathWithQuery body}. */
    public static HttpRequest.Builder sign(
            HttpRequest.Builder b,
            Clock clock,
            String platform,
            String secret,
            String method,
            String pathWithQuery,
            byte[] body) {
        long ts = timestamp(clock, method, pathWithQuery, body);
        return b.header("X-Livemod-Platform", platform)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header("X-Livemod-Signature", RequestSignature.v2(secret, ts, method, pathWithQuery, body));
    }
}
