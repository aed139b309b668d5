package io.livemod.gateway.ingest;

import io.livemod.signing.RequestSignature;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies the platform signature of the contract ({@link RequestSignature}): v2 binds timestamp,
 * method, path with query and body; v1 (timestamp and body only) is accepted only from a platform
 * marked legacy. Verification compares in constant time against every valid secret (rotation grace).
 */
public final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {}

    /** A signature header as presented: its scheme and MAC. {@code value} is what the replay cache remembers. */
    @SuppressWarnings("ArrayRecordComponent") // the MAC is compared with MessageDigest.isEqual, never with equals
    public record Presented(int version, byte[] mac, String value) {}

    /** The parsed header, or null when it is not {@code v1=} or {@code v2=} followed by 64 hex digits. */
    public static Presented parse(String header) {
        if (header == null || header.length() != 67 || header.charAt(2) != '=' || header.charAt(0) != 'v') return null;
        int version = header.charAt(1) == '2' ? 2 : header.charAt(1) == '1' ? 1 : 0;
        if (version == 0) return null;
        try {
            return new Presented(version, HEX.parseHex(header, 3, 67), header.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The secret that signed this request, or null. Every secret is checked, so timing does not tell
     * which one matched.
     *
     * @param pathWithQuery the request target as received ({@code /v1/ingest/comments?x=1})
     */
    public static String match(
            List<String> secrets, Presented sig, long timestamp, String method, String pathWithQuery, byte[] body) {
        String prefix =
                sig.version() == 2 ? RequestSignature.v2Prefix(timestamp, method, pathWithQuery) : timestamp + ".";
        String matched = null;
        for (String secret : secrets) {
            if (MessageDigest.isEqual(RequestSignature.mac(secret, prefix, body), sig.mac())) matched = secret;
        }
        return matched;
    }
}
