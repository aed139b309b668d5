package io.livemod.gateway.ministry;

import io.livemod.event.TakedownEvent;

/**
 * A takedown request as folded from its events. {@link #status} depends on the time: a request
 * not answered by its deadline is overdue even before the periodic check has marked it
 * ({@code overdueMarkedAt}); {@code late} says a done request was answered after its deadline.
 */
public record Takedown(
        String takedownId,
        String platform,
        String streamId,
        String commentId,
        String reason,
        String legalBasis,
        String requestedBy,
        long requestedAt,
        long deadline,
        Long doneAt,
        String doneNote,
        Long overdueMarkedAt) {
    public static final String OPEN = "open";
    public static final String DONE = "done";
    public static final String OVERDUE = "overdue";

    /** The first event must be the request; later ones without it are ignored (returns null). */
    public static Takedown fold(Takedown current, TakedownEvent e) {
        return switch (e.type()) {
            case REQUESTED ->
                current != null
                        ? current
                        : new Takedown(
                                e.takedownId(),
                                e.platform(),
                                e.streamId(),
                                e.commentId(),
                                e.reason(),
                                e.legalBasis(),
                                e.actor(),
                                e.at(),
                                e.deadline(),
                                null,
                                null,
                                null);
            case DONE ->
                current == null || current.doneAt() != null
                        ? current
                        : new Takedown(
                                current.takedownId,
                                current.platform,
                                current.streamId,
                                current.commentId,
                                current.reason,
                                current.legalBasis,
                                current.requestedBy,
                                current.requestedAt,
                                current.deadline,
                                e.at(),
                                e.note(),
                                current.overdueMarkedAt);
            case OVERDUE ->
                current == null || current.overdueMarkedAt() != null || current.doneAt() != null
                        ? current
                        : new Takedown(
                                current.takedownId,
                                current.platform,
                                current.streamId,
                                current.commentId,
                                current.reason,
                                current.legalBasis,
                                current.requestedBy,
                                current.requestedAt,
                                current.deadline,
                                null,
                                null,
                                e.at());
        };
    }

    public String status(long now) {
        if (doneAt != null) return DONE;
        return now > deadline ? OVERDUE : OPEN;
    }

    public boolean late() {
        return doneAt != null && doneAt > deadline;
    }

    /** What the API shows: the request plus its status at {@code now}. */
    public record View(
            String takedownId,
            String platform,
            String streamId,
            String commentId,
            String reason,
            String legalBasis,
            String requestedBy,
            long requestedAt,
            long deadline,
            String status,
            Long doneAt,
            String doneNote,
            Boolean late,
            Long overdueMarkedAt) {}

    public View view(long now) {
        return new View(
                takedownId,
                platform,
                streamId,
                commentId,
                reason,
                legalBasis,
                requestedBy,
                requestedAt,
                deadline,
                status(now),
                doneAt,
                doneNote,
                doneAt == null ? null : late(),
                overdueMarkedAt);
    }
}
