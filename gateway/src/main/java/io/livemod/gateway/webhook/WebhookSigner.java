package io.livemod.gateway.webhook;

import io.livemod.gateway.platform.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>},
 * the key being the base64-decoded part of the platform's {@code whsec_} webhook secret (its own,
 * not the secret that signs its requests), so any Standard Webhooks library verifies them. During
 * a rotation's grace period every secret signs, space separated, so the platform verifies with
 * whichever it holds.
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    public static String signature(List<String> whsecSecrets, String id, long timestampSeconds, String body) {
        String content = id + "." + timestampSeconds + "." + body;
        return whsecSecrets.stream()
                .map(s -> "v1," + hmac(WebhookSecrets.key(s), content))
                .collect(Collectors.joining(" "));
    }

    static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
