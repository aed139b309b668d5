package io.livemod.sdk.signing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a platform's requests with the gateway's v2 scheme:
 * <pre>
 *   X-Livemod-Platform:  platform id
 *   X-Livemod-Timestamp: unix seconds
 *   X-Livemod-Signature: v2=hex(HMAC-SHA256(secret, timestamp + "." + METHOD + "." + path-with-query + "." + raw body))
 * </pre>
 * The method and the path (with its query, exactly as sent) are signed with the body, so a
 * signature opens only the request it was made for; the gateway accepts each signature once, so
 * a retry must be signed again with a new timestamp. The WebSocket upgrade is signed as
 * {@code GET /v1/ingest/ws} over an empty body.
 *
 * <p>One initialised {@link Mac} is kept and reused (initialising one costs more than signing a
 * small batch); calls are serialised on it, so one signer may be shared between threads.
 */
public final class RequestSigner {
    /** Header naming the platform. */
    public static final String PLATFORM_HEADER = "X-Livemod-Platform";
    /** Header carrying the unix time in seconds the signature was made at. */
    public static final String TIMESTAMP_HEADER = "X-Livemod-Timestamp";
    /** Header carrying the {@code v2=} signature. */
    public static final String SIGNATURE_HEADER = "X-Livemod-Signature";

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY = new byte[0];
    private final String platform;
    private final Mac mac;

    /**
     * @param platform the platform id the gateway knows
     * @param secret   the platform's request-signing secret (not its {@code whsec_} webhook secret)
     */
    public RequestSigner(String platform, String secret) {
        this.platform = requireText(platform, "platform");
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(requireText(secret, "secret").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** @return the platform id this signer signs for */
    public String platform() {
        return platform;
    }

    /**
     * The signature header's value for a request whose body is {@code body[offset, offset+length)}.
     *
     * @param timestamp     unix seconds, sent as {@link #TIMESTAMP_HEADER}
     * @param method        the HTTP method, upper case ({@code POST})
     * @param pathWithQuery the path and query exactly as sent ({@code /v1/platform/takedowns?status=open})
     * @param body          the raw body bytes
     * @param offset        where the body starts in {@code body}
     * @param length        how many bytes the body has
     * @return {@code v2=} followed by 64 hex digits
     */
    public String sign(long timestamp, String method, String pathWithQuery, byte[] body, int offset, int length) {
        byte[] prefix = (timestamp + "." + method + "." + pathWithQuery + ".").getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        synchronized (mac) {
            mac.update(prefix);
            mac.update(body, offset, length);
            digest = mac.doFinal(); // leaves the Mac initialised for the next request
        }
        return "v2=" + HEX.formatHex(digest);
    }

    /**
     * The signature header's value for a whole body.
     *
     * @param timestamp     unix seconds
     * @param method        the HTTP method, upper case
     * @param pathWithQuery the path and query exactly as sent
     * @param body          the raw body, or {@code null} for none
     * @return {@code v2=} followed by 64 hex digits
     */
    public String sign(long timestamp, String method, String pathWithQuery, byte[] body) {
        byte[] b = body == null ? EMPTY : body;
        return sign(timestamp, method, pathWithQuery, b, 0, b.length);
    }

    /**
     * Adds the three signature headers to a request being built.
     *
     * @param request       the builder, returned for chaining
     * @param timestamp     unix seconds
     * @param method        the HTTP method, upper case
     * @param pathWithQuery the path and query exactly as sent
     * @param body          the raw body, or {@code null} for none
     * @return {@code request}
     */
    public HttpRequest.Builder headers(
            HttpRequest.Builder request, long timestamp, String method, String pathWithQuery, byte[] body) {
        return request.header(PLATFORM_HEADER, platform)
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, sign(timestamp, method, pathWithQuery, body));
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + ": must not be blank");
        return value;
    }
}
