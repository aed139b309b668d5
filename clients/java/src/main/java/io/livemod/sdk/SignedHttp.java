package io.livemod.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.sdk.signing.RequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed requests with retries: each attempt is signed again with a fresh timestamp (the gateway
 * accepts a signature once, and the same bytes in the same second sign the same, so a retry waits
 * for the next second at least), waits as {@link RetryPolicy} and {@code Retry-After} say, and
 * sends the very same body, so ids inside it keep the retry idempotent.
 */
public final class SignedHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLAYED = "replayed_signature";
    private final URI base;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration timeout;
    /** The second each recent request (method, path, body digest) was last signed in; a few thousand are plenty. */
    private final Map<String, Long> lastSigned = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 4096;
        }
    };

    /**
     * A 2xx answer.
     *
     * @param status the HTTP status
     * @param body   the body bytes
     */
    @SuppressWarnings("ArrayRecordComponent") // the body as received; never compared with equals
    public record Response(int status, byte[] body) {
        /** @return the body parsed as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new LivemodException(
                        status,
                        "malformed_answer",
                        "the gateway's answer is not JSON: " + e.getMessage(),
                        null,
                        0,
                        1,
                        e);
            }
        }
    }

    SignedHttp(URI base, RequestSigner signer, HttpClient http, Clock clock, RetryPolicy retry, Duration timeout) {
        this.base = base;
        this.signer = signer;
        this.http = http;
        this.clock = clock;
        this.retry = retry;
        this.timeout = timeout;
    }

    /**
     * Sends a signed request, retrying as the policy says.
     *
     * @param method        GET or POST
     * @param pathWithQuery the path and query, exactly as they will be sent
     * @param body          the body, or {@code null} for none (signed as empty)
     * @param contentType   the body's type, or {@code null}
     * @return the 2xx answer
     * @throws LivemodException for any other answer once retries are spent
     */
    public Response send(String method, String pathWithQuery, byte[] body, String contentType) {
        String key =
                method + " " + pathWithQuery + " " + (body == null ? 0 : body.length + ":" + Arrays.hashCode(body));
        boolean resigned = false;
        for (int attempt = 1; ; attempt++) {
            long ts = timestampFor(key);
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(base.resolve(pathWithQuery)).timeout(timeout);
            signer.headers(b, ts, method, pathWithQuery, body);
            if (contentType != null) b.header("Content-Type", contentType);
            b.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            LivemodException failure;
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() / 100 == 2) return new Response(r.statusCode(), r.body());
                failure = error(
                        r.statusCode(),
                        r.body(),
                        r.headers().firstValue("Retry-After").orElse(null),
                        attempt);
            } catch (IOException e) {
                failure = new LivemodException(0, "network", String.valueOf(e.getMessage()), null, 0, attempt, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LivemodException(0, "interrupted", "interrupted while sending", null, 0, attempt, e);
            }
            if (REPLAYED.equals(failure.code()) && !resigned) {
                // The same bytes to the same route in the same second sign the same, and the gateway takes a
                // signature once: an idempotent resend made within the second. Sign again in the next second.
                resigned = true;
                attempt--;
                continue;
            }
            if (!failure.retryable() || attempt >= retry.maxAttempts()) throw failure;
            sleep(retry.delay(attempt, failure.retryAfterSeconds()));
        }
    }

    /** The gateway's error shape, {@code {"error","message","field"?}}, as an exception. */
    static LivemodException error(int status, byte[] body, String retryAfter, int attempts) {
        String code = "http_" + status;
        String message = new String(body, StandardCharsets.UTF_8);
        String field = null;
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                code = n.get("error").asText();
                message = n.path("message").asText("");
                field = n.hasNonNull("field") ? n.get("field").asText() : null;
            }
        } catch (IOException notJson) {
            // keep the raw text as the message
        }
        return new LivemodException(status, code, message, field, seconds(retryAfter), attempts, null);
    }

    private static int seconds(String retryAfter) {
        if (retryAfter == null) return 0;
        try {
            return Math.max(0, Integer.parseInt(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return 1; // the gateway sends seconds; an HTTP date from a proxy: wait a little
        }
    }

    /**
     * Now in unix seconds, but later than the last second this client signed the same request in
     * (a retry, an idempotent resend, a poll more often than once a second): waits for that second.
     */
    private long timestampFor(String key) {
        long ts;
        synchronized (lastSigned) {
            Long last = lastSigned.get(key);
            ts = Math.max(clock.millis() / 1000, last == null ? Long.MIN_VALUE : last + 1);
            lastSigned.put(key, ts);
        }
        sleep(Duration.ofMillis(ts * 1000 - clock.millis()));
        return ts;
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) return;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LivemodException(0, "interrupted", "interrupted while waiting to retry", null, 0, 0, e);
        }
    }
}
