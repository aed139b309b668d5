package io.livemod.gateway.testing;

import io.livemod.gateway.platform.Platform;

import java.util.List;

/**
 * Builds platforms for tests in one place: the {@link Platform} record belongs to the ingest
 * feature and its shape changes with it; only this method has to follow.
 */
public final class TestPlatforms {
    private TestPlatforms() {}

    /** @param secrets current first, then previous ones still in their grace period */
    public static Platform platform(String id, String webhookUrl, String... secrets) {
        return new Platform(id, id, List.of(secrets), webhookUrl);
    }
}
