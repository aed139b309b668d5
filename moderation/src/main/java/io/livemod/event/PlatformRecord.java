package io.livemod.event;

import java.util.List;

/**
 * A connected platform as stored on the compacted platforms topic (key = id, last record wins),
 * so every gateway sees the same platforms, secrets and quotas. {@code secrets} lists the current
 * HMAC secret ({@code validUntil} null) and, after a rotation, previous ones until their grace
 * period ends. Quota fields null: the gateway's default quota.
 */
public record PlatformRecord(String id, String name, List<Secret> secrets, String webhookUrl,
                             Long eventsPerSecond, Long burst, long createdAt, long updatedAt) {

    public PlatformRecord {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** @param validUntil epoch ms after which the secret stops verifying; null for the current one */
    public record Secret(String value, Long validUntil) {
        @Override
        public String toString() {
            return "Secret[validUntil=" + validUntil + "]";
        }
    }

    /** Never print secrets. */
    @Override
    public String toString() {
        return "PlatformRecord[" + id + "]";
    }
}
