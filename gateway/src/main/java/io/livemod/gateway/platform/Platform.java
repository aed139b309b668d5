package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.gateway.quota.Quota;

import java.util.List;

/**
 * A connected social network. {@code keys} holds the current HMAC secret first ({@code validUntil}
 * null) and, during a rotation's grace period, previous ones: all of them verify until they expire.
 *
 * @param quota null: the gateway's default quota
 */
public record Platform(String id, String name, List<PlatformRecord.Secret> keys, String webhookUrl, Quota quota,
                       long createdAt, long updatedAt) {
    public Platform {
        keys = List.copyOf(keys);
    }

    /** A platform with a single current secret and the default quota. */
    public static Platform of(String id, String name, String secret, String webhookUrl) {
        return new Platform(id, name, List.of(new PlatformRecord.Secret(secret, null)), webhookUrl, null, 0, 0);
    }

    /** Every stored secret value, current first (webhook signing uses the first). */
    public List<String> secrets() {
        return keys.stream().map(PlatformRecord.Secret::value).toList();
    }

    /** The secrets that verify at {@code nowMs}: the current one and those still in their grace period. */
    public List<String> validSecrets(long nowMs) {
        return keys.stream().filter(k -> k.validUntil() == null || k.validUntil() > nowMs).map(PlatformRecord.Secret::value).toList();
    }

    public PlatformRecord toRecord() {
        return new PlatformRecord(id, name, keys, webhookUrl, quota == null ? null : quota.eventsPerSecond(),
                quota == null ? null : quota.burst(), createdAt, updatedAt);
    }

    public static Platform fromRecord(PlatformRecord r) {
        Quota q = r.eventsPerSecond() == null || r.burst() == null ? null : new Quota(r.eventsPerSecond(), r.burst());
        return new Platform(r.id(), r.name(), r.secrets(), r.webhookUrl(), q, r.createdAt(), r.updatedAt());
    }

    /** Never log secrets: records print them by default. */
    @Override
    public String toString() {
        return "Platform[" + id + "]";
    }
}
