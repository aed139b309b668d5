package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.RuleKind;
import io.livemod.rules.Scope;
import io.livemod.rules.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a comment into keyword and pattern flags with the active rules. Pure: no Kafka types, so
 * the topology, the dry-run API and benchmarks share it.
 */
public final class KeywordFlagger {
    private final RuleBook rules;
    private final Clock clock;

    public KeywordFlagger(RuleBook rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** At most one flag per kind (keyword, pattern), carrying all of that kind's matches. */
    public List<Flag> flags(Comment c) {
        if (c.text() == null || c.text().isEmpty()) return List.of();
        CompiledRuleSet active = rules.current();
        return flags(c, active.evaluate(c.text(), new Scope(c.platform(), c.streamId())));
    }

    /** The flags of a verdict already computed for {@code c} (the topology evaluates each comment once). */
    public List<Flag> flags(Comment c, Verdict v) {
        if (v == null || !v.flagged()) return List.of();
        List<Flag> out = new ArrayList<>(2);
        for (RuleKind rule : RuleKind.values()) {
            List<Match> ms = v.matches().stream().filter(m -> m.kind() == rule).toList();
            if (ms.isEmpty()) continue;
            Match top = ms.stream()
                    .max((a, b) -> a.severity().compareTo(b.severity()))
                    .orElseThrow();
            List<FlagMatch> fm = ms.stream()
                    .map(m -> new FlagMatch(m.rule(), m.term(), m.start(), m.end(), m.steps()))
                    .toList();
            Flag.Kind kind = Flag.Kind.of(rule);
            out.add(Flag.builder(flagId(c.platform(), c.id(), kind), kind)
                    .comment(c.platform(), c.streamId(), c.id(), c.userId(), c.text())
                    .category(top.category().wire())
                    .severity(top.severity())
                    .matches(fm)
                    .rulesVersion(v.rulesVersion())
                    .receivedAt(c.receivedAt())
                    .detectedAt(clock.millis())
                    .status(Flag.Status.OPEN)
                    .build());
        }
        return out;
    }

    /** Deterministic, so a comment reprocessed after a crash produces the same flag id, never a second flag. */
    public static String flagId(String platform, String commentId, Flag.Kind kind) {
        return "f-"
                + UUID.nameUUIDFromBytes(
                        (platform + "\u0000" + commentId + "\u0000" + kind.wire()).getBytes(StandardCharsets.UTF_8));
    }
}
