package io.livemod.gateway.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets in the Standard Webhooks form, {@code whsec_<base64 of 32 random bytes>},
 * which every Standard Webhooks library takes as it is: the key is the base64-decoded part.
 */
public final class WebhookSecrets {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a {@code whsec_} secret. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) throw new IllegalArgumentException("not a whsec_ secret");
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
