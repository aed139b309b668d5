package io.livemod.gateway.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The platform signature of the contract: {@code v1=hex(HMAC-SHA256(secret, timestamp + "." + body))}.
 * Verification compares in constant time against every valid secret (rotation grace period).
 */
public final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {}

    public static String sign(String secret, long timestamp, byte[] body) {
        return "v1=" + HEX.formatHex(mac(secret, timestamp, body));
    }

    public static boolean verify(List<String> secrets, long timestamp, byte[] body, String header) {
        return match(secrets, timestamp, body, header) != null;
    }

    /** The secret that signed this request, or null; every secret is checked, so timing does not tell which. */
    public static String match(List<String> secrets, long timestamp, byte[] body, String header) {
        if (header == null || !header.startsWith("v1=")) return null;
        byte[] given;
        try {
            given = HEX.parseHex(header.substring(3));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String matched = null;
        for (String secret : secrets) {
            // No early exit: every secret is checked, so timing does not tell which one matched.
            if (MessageDigest.isEqual(mac(secret, timestamp, body), given)) matched = secret;
        }
        return matched;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
