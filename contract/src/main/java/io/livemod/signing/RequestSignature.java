package io.livemod.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform request signature of the contract, in one place for the gateway (which verifies it)
 * and every client the project ships (load test, tests, CLI), so none of them drifts:
 * <pre>
 *   v2=hex(HMAC-SHA256(secret, timestamp + "." + METHOD + "." + path-with-query + "." + raw body))
 *   v1=hex(HMAC-SHA256(secret, timestamp + "." + raw body))      legacy platforms only
 * </pre>
 * v2 binds the method and the path: a signature made for one route opens no other.
 */
public final class RequestSignature {
    private static final HexFormat HEX = HexFormat.of();

    private RequestSignature() {}

    /** The {@code X-Livemod-Signature} value for a request; {@code pathWithQuery} exactly as sent ({@code /v1/x?a=1}). */
    public static String v2(String secret, long timestamp, String method, String pathWithQuery, byte[] body) {
        return "v2=" + HEX.formatHex(mac(secret, v2Prefix(timestamp, method, pathWithQuery), body));
    }

    /** The legacy scheme, accepted only from platforms marked legacy. */
    public static String v1(String secret, long timestamp, byte[] body) {
        return "v1=" + HEX.formatHex(mac(secret, timestamp + ".", body));
    }

    /** What v2 signs before the body. */
    public static String v2Prefix(long timestamp, String method, String pathWithQuery) {
        return timestamp + "." + method + "." + pathWithQuery + ".";
    }

    /** HMAC-SHA256 of {@code prefix} (UTF-8) followed by {@code body}. */
    public static byte[] mac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
