package io.livemod.topology;

import io.livemod.claims.ClaimIndex;
import io.livemod.claims.ClaimMatch;
import io.livemod.claims.ClaimTokens;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.StreamEvent;
import io.livemod.rules.Severity;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Matches comments (and stream titles) against the registry of false claims and turns a match into
 * a {@code false_claim} flag for the platform's moderators, carrying the claim's id and the score.
 * Comments arrive {@link Screened}: their canonical text is computed once for duplicate detection
 * and reused here, so matching adds only the registry lookup (texts shorter than
 * {@code duplicateMinLength} have none, and are too short to carry a claim anyway).
 */
final class ClaimFlagger<V> implements Processor<String, V, String, Flag> {
    static final Flag.Kind KIND = Flag.Kind.FALSE_CLAIM;
    /** The rule category false claims are reported under. */
    static final String CATEGORY = "fake_news";

    private static final ThreadLocal<ClaimIndex.Scratch> SCRATCH = ThreadLocal.withInitial(ClaimIndex.Scratch::new);

    /** What a comment or a title offers for matching; {@code subject} makes the flag id. */
    record Text(
            String platform,
            String streamId,
            String commentId,
            String userId,
            String text,
            String canonical,
            String subject,
            long receivedAt) {}

    private final ClaimRegistry registry;
    private final RuleBook rules;
    private final Clock clock;
    private final Function<V, List<Text>> read;
    private ProcessorContext<String, Flag> ctx;
    private ReadOnlyKeyValueStore<String, ClaimRecord> store;

    private ClaimFlagger(ClaimRegistry registry, RuleBook rules, Clock clock, Function<V, List<Text>> read) {
        this.registry = registry;
        this.rules = rules;
        this.clock = clock;
        this.read = read;
    }

    static ClaimFlagger<Screened> comments(ClaimRegistry registry, RuleBook rules, Clock clock) {
        return new ClaimFlagger<>(registry, rules, clock, s -> {
            var c = s.comment();
            return List.of(new Text(
                    c.platform(), c.streamId(), c.id(), c.userId(), c.text(), s.canonical(), c.id(), c.receivedAt()));
        });
    }

    /**
     * Titles and descriptions as a stream starts or changes them, each matched on its own (a
     * description's everyday "không" must not veto its title); viewer counts and ends carry nothing to match.
     */
    static ClaimFlagger<StreamEvent> titles(ClaimRegistry registry, RuleBook rules, Clock clock) {
        return new ClaimFlagger<>(registry, rules, clock, e -> {
            if (e.type() == StreamEvent.Type.VIEWERS || e.type() == StreamEvent.Type.ENDED) return List.of();
            List<Text> out = new java.util.ArrayList<>(2);
            if (e.title() != null) out.add(metadata(e, "title", e.title()));
            if (e.description() != null) out.add(metadata(e, "description", e.description()));
            return out;
        });
    }

    private static Text metadata(StreamEvent e, String field, String text) {
        return new Text(
                e.platform(),
                e.streamId(),
                null,
                e.streamerId(),
                text,
                ClaimTokens.canonical(text),
                e.streamId() + "/" + field + "/" + text,
                e.receivedAt());
    }

    @Override
    public void init(ProcessorContext<String, Flag> context) {
        this.ctx = context;
        this.store = context.getStateStore(ClaimRegistry.STORE);
    }

    @Override
    public void process(Record<String, V> rec) {
        if (rec.value() == null) return;
        String version = rules.current().version(); // once per record, whatever its texts
        for (Text t : read.apply(rec.value())) {
            if (t.canonical() == null || t.canonical().isEmpty()) continue;
            ClaimRegistry.Snapshot snap = registry.snapshot(store);
            ClaimMatch m = snap.index().match(t.text(), t.canonical(), SCRATCH.get());
            if (m == null) continue;
            Flag f = flag(t, m, snap.claims().get(m.claimId()), version, clock.millis());
            ctx.forward(rec.withKey(f.flagId()).withValue(f));
        }
    }

    static Flag flag(Text t, ClaimMatch m, ClaimRecord claim, String rulesVersion, long now) {
        Severity severity = claim == null || claim.severity() == null ? Severity.HIGH : claim.severity();
        String claimText = claim == null ? m.claimId() : claim.text();
        double score = Math.round(m.score() * 1000) / 1000.0;
        FlagMatch why = new FlagMatch(
                KIND.wire(),
                "claim " + m.claimId() + " (score " + score + "): " + Incidents.abbreviate(claimText),
                0,
                t.text().length(),
                List.of());
        return Flag.builder(Flags.id(t.platform(), t.subject(), KIND), KIND)
                .comment(t.platform(), t.streamId(), t.commentId(), t.userId(), t.text())
                .category(CATEGORY)
                .severity(severity)
                .matches(List.of(why))
                .rulesVersion(rulesVersion)
                .receivedAt(t.receivedAt())
                .detectedAt(now)
                .status(Flag.Status.OPEN)
                .claim(m.claimId(), score)
                .build();
    }
}
