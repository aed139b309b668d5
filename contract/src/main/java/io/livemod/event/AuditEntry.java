package io.livemod.event;

/**
 * One change made by a person or a platform: who, when, what. {@code detail} is a JSON text of
 * the change (never a secret: rotated secrets are recorded as "rotated", not their value).
 */
public record AuditEntry(
        String auditId, String actor, String role, String action, String target, String detail, long at) {}
