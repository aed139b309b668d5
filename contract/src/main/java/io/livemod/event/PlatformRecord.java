package io.livemod.event;

import java.util.List;

/**
 * A connected platform as stored on the compacted platforms topic (key = id, last record wins),
 * so every gateway sees the same platforms, secrets and quotas. {@code secrets} lists the current
 * HMAC secret ({@code validUntil} null) and, after a rotation, previous ones until their grace
 * period ends. Quota fields null: the gateway's default quota. {@code webhookSecrets} are the
 * Standard Webhooks signing secrets ({@code whsec_...}, current first), apart from the ingest
 * secrets; {@code legacySignatures} true lets the platform still sign requests with v1.
 */
public record PlatformRecord(
        String id,
        String name,
        List<Secret> secrets,
        String webhookUrl,
        Long eventsPerSecond,
        Long burst,
        long createdAt,
        long updatedAt,
        List<Secret> webhookSecrets,
        Boolean legacySignatures) {
    /** What a platform id may be: it names Kafka topics and metric tags, so lower-case letters, digits and '-'. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public PlatformRecord {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
    }

    /** A record without webhook secrets that signs requests with v2 only. */
    public PlatformRecord(
            String id,
            String name,
            List<Secret> secrets,
            String webhookUrl,
            Long eventsPerSecond,
            Long burst,
            long createdAt,
            long updatedAt) {
        this(id, name, secrets, webhookUrl, eventsPerSecond, burst, createdAt, updatedAt, List.of(), null);
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
