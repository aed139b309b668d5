package io.livemod.event;

/**
 * A claim judged false, as registered on the compacted claims topic, keyed by {@code id}. Each change
 * is a new record with {@code version} one higher; the last one is the claim. {@code origin} is
 * {@code officer} (registered through {@code POST /v1/claims}) or {@code import} (a fact-checking
 * centre's batch, approved by the admin named in {@code approvedBy}). {@code date} is when the claim
 * was judged false (ISO date); {@code category} and {@code severity} use the rule engine's words.
 */
public record ClaimRecord(String id, int version, String text, String source, String verdict, String date,
                          String category, String severity, String origin, String externalId, String createdBy,
                          String approvedBy, long createdAt) {
}
