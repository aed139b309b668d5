package io.livemod.sdk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the gateway's webhooks, which follow Standard Webhooks: headers {@code webhook-id},
 * {@code webhook-timestamp} (unix seconds) and {@code webhook-signature} (space-separated
 * {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, several during a secret
 * rotation), the key being the base64 part of the platform's {@code whsec_} webhook secret. A
 * delivery verifies when any signature matches (compared in constant time) and its timestamp is
 * within the tolerance of this clock (5 minutes by default), so a captured delivery cannot be
 * replayed later. Verify the raw body bytes as received, before parsing them.
 */
public final class WebhookVerifier {
    /** Header with the delivery's id: the same on every retry, dedupe on it. */
    public static final String ID = "webhook-id";
    /** Header with the attempt's unix time in seconds. */
    public static final String TIMESTAMP = "webhook-timestamp";
    /** Header with the signatures. */
    public static final String SIGNATURE = "webhook-signature";

    private static final String PREFIX = "whsec_";
    private final List<byte[]> keys = new ArrayList<>();
    private final Clock clock;
    private final Duration tolerance;

    /**
     * @param secrets   the platform's webhook secrets ({@code whsec_...}); more than one while rotating
     * @param clock     the clock timestamps are checked against
     * @param tolerance how far a timestamp may be from the clock
     */
    public WebhookVerifier(List<String> secrets, Clock clock, Duration tolerance) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("secrets: at least one whsec_ secret");
        for (String s : secrets) keys.add(key(s));
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * @param secret the platform's webhook secret ({@code whsec_...})
     * @return a verifier with the system clock and 5 minutes' tolerance
     */
    public static WebhookVerifier of(String secret) {
        return new WebhookVerifier(List.of(secret), Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /**
     * Verifies a delivery and reads it.
     *
     * @param headers a header lookup by lower-case name (e.g. {@code request::getHeader}; names are case-insensitive)
     * @param body    the raw body
     * @return the event
     * @throws WebhookException when a header is missing, the timestamp is outside the tolerance, or no signature matches
     */
    public WebhookEvent verify(Function<String, String> headers, byte[] body) {
        String id = required(headers, ID);
        String ts = required(headers, TIMESTAMP);
        String signatures = required(headers, SIGNATURE);
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            throw new WebhookException(TIMESTAMP + ": not a unix time: " + ts);
        }
        long skew = Math.abs(clock.millis() / 1000 - seconds);
        if (skew > tolerance.toSeconds())
            throw new WebhookException(
                    TIMESTAMP + ": " + skew + " s from this clock, more than " + tolerance.toSeconds());
        byte[] content = signedContent(id, seconds, body);
        for (byte[] key : keys) {
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(key, content)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures.trim().split(" +", -1)) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    return WebhookEvent.parse(id, seconds, body);
                }
            }
        }
        throw new WebhookException(SIGNATURE + ": no signature matches this secret");
    }

    /**
     * The same, with headers in a map (names in any case).
     *
     * @param headers the request's headers
     * @param body    the raw body
     * @return the event
     */
    public WebhookEvent verify(Map<String, String> headers, byte[] body) {
        return verify(
                name -> headers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null),
                body);
    }

    /**
     * Signs as the gateway does: for tests of a receiver.
     *
     * @param secret    a {@code whsec_} secret
     * @param id        the delivery id
     * @param timestamp unix seconds
     * @param body      the body
     * @return the {@code webhook-signature} value
     */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signedContent(id, timestamp, body)));
    }

    private static byte[] signedContent(String id, long timestamp, byte[] body) {
        byte[] head = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX))
            throw new IllegalArgumentException("secret: a webhook secret starts with " + PREFIX);
        try {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret: not base64 after " + PREFIX, e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String required(Function<String, String> headers, String name) {
        String v = headers.apply(name);
        if (v == null || v.isBlank()) throw new WebhookException(name + ": missing header");
        return v;
    }
}
