package io.livemod.event;

/**
 * One step of a takedown request (Decree 147/2024: the platform has 24 hours): {@code type}
 * requested (by an officer: platform, streamId or commentId, reason, legalBasis, deadline),
 * done (by the platform, with its note) or overdue (marked by the gateway once the deadline passed
 * without an answer). Keyed by takedownId; the gateway folds the steps into the request's state.
 */
public record TakedownEvent(String eventId, String takedownId, String type, String platform, String streamId,
                            String commentId, String reason, String legalBasis, String actor, String note,
                            long at, long deadline) {
}
