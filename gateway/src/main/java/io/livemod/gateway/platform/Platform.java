package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.gateway.quota.Quota;
import java.util.List;

/**
 * A connected social network. {@code keys} holds the current HMAC secret of its requests first
 * ({@code validUntil} null) and, during a rotation's grace period, previous ones: all of them verify
 * until they expire. {@code webhookKeys} are the separate secrets that sign what the gateway sends
 * it (Standard Webhooks {@code whsec_...}), rotated with the request secret.
 *
 * @param quota            null: the gateway's default quota
 * @param legacySignatures true: requests signed with the old v1 scheme are still accepted
 */
public record Platform(
        String id,
        String name,
        List<PlatformRecord.Secret> keys,
        String webhookUrl,
        Quota quota,
        long createdAt,
        long updatedAt,
        List<PlatformRecord.Secret> webhookKeys,
        boolean legacySignatures) {
    public Platform {
        keys = List.copyOf(keys);
        webhookKeys = webhookKeys == null ? List.of() : List.copyOf(webhookKeys);
    }

    /** Without webhook secrets, v2 signatures only. */
    public Platform(
            String id,
            String name,
            List<PlatformRecord.Secret> keys,
            String webhookUrl,
            Quota quota,
            long createdAt,
            long updatedAt) {
        this(id, name, keys, webhookUrl, quota, createdAt, updatedAt, List.of(), false);
    }

    /** A platform with a single current secret and the default quota. */
    public static Platform of(String id, String name, String secret, String webhookUrl) {
        return new Platform(id, name, List.of(new PlatformRecord.Secret(secret, null)), webhookUrl, null, 0, 0);
    }

    /** Every stored secret value, current first. */
    public List<String> secrets() {
        return keys.stream().map(PlatformRecord.Secret::value).toList();
    }

    /** The secrets that verify at {@code nowMs}: the current one and those still in their grace period. */
    public List<String> validSecrets(long nowMs) {
        return valid(keys, nowMs);
    }

    /** The webhook secrets that sign at {@code nowMs}, current first. */
    public List<String> validWebhookSecrets(long nowMs) {
        return valid(webhookKeys, nowMs);
    }

    private static List<String> valid(List<PlatformRecord.Secret> keys, long nowMs) {
        return keys.stream()
                .filter(k -> k.validUntil() == null || k.validUntil() > nowMs)
                .map(PlatformRecord.Secret::value)
                .toList();
    }

    public Platform withLegacySignatures(boolean legacy) {
        return new Platform(id, name, keys, webhookUrl, quota, createdAt, updatedAt, webhookKeys, legacy);
    }

    public Platform withWebhookKeys(List<PlatformRecord.Secret> w) {
        return new Platform(id, name, keys, webhookUrl, quota, createdAt, updatedAt, w, legacySignatures);
    }

    public PlatformRecord toRecord() {
        return new PlatformRecord(
                id,
                name,
                keys,
                webhookUrl,
                quota == null ? null : quota.eventsPerSecond(),
                quota == null ? null : quota.burst(),
                createdAt,
                updatedAt,
                webhookKeys,
                legacySignatures ? Boolean.TRUE : null);
    }

    public static Platform fromRecord(PlatformRecord r) {
        Quota q = r.eventsPerSecond() == null || r.burst() == null ? null : new Quota(r.eventsPerSecond(), r.burst());
        return new Platform(
                r.id(),
                r.name(),
                r.secrets(),
                r.webhookUrl(),
                q,
                r.createdAt(),
                r.updatedAt(),
                r.webhookSecrets(),
                Boolean.TRUE.equals(r.legacySignatures()));
    }

    /** Never log secrets: records print them by default. */
    @Override
    public String toString() {
        return "Platform[" + id + "]";
    }
}
