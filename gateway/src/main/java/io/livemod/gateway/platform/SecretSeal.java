package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.settings.IngestCatalogue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals platforms' HMAC secrets (request and webhook secrets) before they go on the platforms topic, and opens them when a gateway
 * reads it: AES-256-GCM under a key from LIVEMOD_SECRETS_KEY, the platform id as associated data (a
 * sealed value copied onto another platform does not open). Whoever can read the topic, its
 * replicas or a backup of it no longer holds every platform's signing secret; only gateways, which
 * must verify signatures and so need the secret itself, hold the key. Values written before sealing
 * existed are read as they are and sealed at the platform's next save.
 */
public final class SecretSeal {
    static final String PREFIX = "sealed:v1:";
    /** The dev key: documented, fixed, and refused outside dev mode. */
    public static final String DEV_KEY = "livemod-dev-secrets-key-NOT-FOR-PRODUCTION-0123456789";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    private SecretSeal(String keyMaterial) {
        // The operator's secret is at least 32 bytes of their choosing; SHA-256 makes it an AES-256 key of uniform
        // length.
        try {
            this.key = new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(keyMaterial.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** LIVEMOD_SECRETS_KEY (at least 32 bytes); in dev mode the dev key when unset; the dev key is refused elsewhere. */
    public static SecretSeal fromEnv(Function<String, String> env, boolean devMode) {
        String k = IngestCatalogue.SECRETS_KEY.read(env, devMode ? DEV_KEY : null);
        if (k == null || k.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(
                    "LIVEMOD_SECRETS_KEY: a key of at least 32 bytes is required to seal platform secrets");
        }
        if (!devMode && DEV_KEY.equals(k))
            throw new IllegalArgumentException("LIVEMOD_SECRETS_KEY: the dev key is refused outside dev mode");
        return new SecretSeal(k);
    }

    public PlatformRecord seal(PlatformRecord r) {
        return withValues(r, v -> v.startsWith(PREFIX) ? v : seal(r.id(), v));
    }

    /** @throws IllegalArgumentException when a value does not open with this key (never with the value in the message) */
    public PlatformRecord open(PlatformRecord r) {
        return withValues(r, v -> open(r.id(), v));
    }

    private static PlatformRecord withValues(PlatformRecord r, Function<String, String> f) {
        return new PlatformRecord(
                r.id(),
                r.name(),
                map(r.secrets(), f),
                r.webhookUrl(),
                r.eventsPerSecond(),
                r.burst(),
                r.createdAt(),
                r.updatedAt(),
                map(r.webhookSecrets(), f),
                r.legacySignatures());
    }

    private static java.util.List<PlatformRecord.Secret> map(
            java.util.List<PlatformRecord.Secret> secrets, Function<String, String> f) {
        return secrets.stream()
                .map(s -> new PlatformRecord.Secret(f.apply(s.value()), s.validUntil()))
                .toList();
    }

    String seal(String platformId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, platformId, iv, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                                .put(iv)
                                .put(sealed)
                                .array());
    }

    String open(String platformId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) return stored; // written before sealing existed
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "secrets: a sealed value of platform " + platformId + " is not valid base64");
        }
        if (all.length <= IV_BYTES)
            throw new IllegalArgumentException("secrets: a sealed value of platform " + platformId + " is truncated");
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, platformId, iv, body), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, String platformId, byte[] iv, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(("livemod-platform-secret:" + platformId).getBytes(StandardCharsets.UTF_8));
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "secrets: platform " + platformId
                            + "'s secret does not open with this LIVEMOD_SECRETS_KEY (another key, or sealed for another platform)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }
}
