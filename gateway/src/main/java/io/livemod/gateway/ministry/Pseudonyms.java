package io.livemod.gateway.ministry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * User ids as officers see them: HMAC-SHA256(server secret, platform|userId), 96 bits in base64url.
 * Stable per platform (the same user is recognisable across alerts of one platform), different
 * across platforms (ids cannot be linked between networks), and not reversible without the secret.
 */
public final class Pseudonyms {
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    public Pseudonyms(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public String of(String platform, String userId) {
        if (userId == null) return null;
        byte[] h =
                mac.get().doFinal(((platform == null ? "" : platform) + "|" + userId).getBytes(StandardCharsets.UTF_8));
        return "anon-" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 12));
    }
}
