package io.livemod.topology;

import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Flags raised by behaviour rather than words (floods, campaigns, spikes, offenders, metadata). They
 * explain themselves like keyword flags: one match names the rate rule and, as its term, what was
 * counted against which threshold. Ids are derived from what was flagged, never random, so a record
 * reprocessed after a crash yields the same id.
 */
final class Flags {
    private Flags() {}

    static String id(String platform, String subject, Flag.Kind kind) {
        return KeywordFlagger.flagId(platform, subject, kind);
    }

    static String alertId(String... parts) {
        return "a-" + UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** A behaviour flag about one comment (or, with {@code subject}, a stream or user) with its explanation. */
    static Flag behaviour(
            Flag.Kind kind,
            String subject,
            String platform,
            String streamId,
            String commentId,
            String userId,
            String text,
            String category,
            Severity severity,
            String explanation,
            String rulesVersion,
            long receivedAt,
            long detectedAt) {
        FlagMatch why = new FlagMatch(kind.wire(), explanation, 0, 0, List.of());
        return Flag.builder(id(platform, subject, kind), kind)
                .comment(platform, streamId, commentId, userId, text)
                .category(category)
                .severity(severity)
                .matches(List.of(why))
                .rulesVersion(rulesVersion)
                .receivedAt(receivedAt)
                .detectedAt(detectedAt)
                .status(Flag.Status.OPEN)
                .build();
    }
}
