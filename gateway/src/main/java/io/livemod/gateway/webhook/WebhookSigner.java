package io.livemod.gateway.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}.
 * The key is the UTF-8 bytes of the platform's secret (the one it signs ingest with), not a
 * {@code whsec_} base64 secret. During a rotation's grace period every secret signs, space
 * separated, so the platform verifies with whichever it holds.
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    public static String signature(List<String> secrets, String id, long timestampSeconds, String body) {
        String content = id + "." + timestampSeconds + "." + body;
        return secrets.stream().map(s -> "v1," + hmac(s, content)).collect(Collectors.joining(" "));
    }

    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
