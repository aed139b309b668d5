package io.livemod.gateway.testing;

import io.livemod.event.PlatformRecord;
import io.livemod.gateway.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds platforms for tests in one place: the {@link Platform} record belongs to the ingest
 * feature and its shape changes with it; only this method has to follow.
 */
public final class TestPlatforms {
    private TestPlatforms() {}

    /**
     * @param secrets current first, then previous ones still in their grace period; each also gives a
     *                webhook secret, {@link #whsec} of it
     */
    public static Platform platform(String id, String webhookUrl, String... secrets) {
        List<PlatformRecord.Secret> keys = new ArrayList<>();
        List<PlatformRecord.Secret> hooks = new ArrayList<>();
        for (int i = 0; i < secrets.length; i++) {
            keys.add(new PlatformRecord.Secret(secrets[i], i == 0 ? null : Long.MAX_VALUE));
            hooks.add(new PlatformRecord.Secret(whsec(secrets[i]), i == 0 ? null : Long.MAX_VALUE));
        }
        return new Platform(id, id, keys, webhookUrl, null, 0, 0, hooks, false);
    }

    /** A Standard Webhooks secret whose key is the UTF-8 bytes of {@code text}. */
    public static String whsec(String text) {
        return "whsec_"
                + java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
