package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.StreamEvent;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.Scope;
import io.livemod.rules.Severity;
import io.livemod.rules.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stream metadata, keyed platform/stream on the stream-events topic itself (metadata is small):
 * a title that the keyword rules flag; a commercial livestream by an unverified streamer; a sudden
 * viewer jump (at least {@code viewerJumpFactor} × the lowest count of the last window, and at
 * least {@code viewerJumpMinimum}). Each finding is one flag for the platform's moderators and one
 * alert for the ministry, raised once per title, once per stream, once per jump window.
 */
final class MetadataProcessor implements Processor<String, StreamEvent, String, Finding> {
    static final String STORE = "metadata-store";
    private static final int MAX_SAMPLES = 120;
    private final RuleBook rules;
    private final Clock clock;
    private final TopologySettings settings;
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, Watch> store;

    public static final class Watch {
        public String checkedTitle;
        public String checkedVersion;
        public String flaggedTitle;
        public boolean commercialFlagged;
        public List<long[]> viewers = new ArrayList<>(); // {receivedAt, viewers}
        public long lastJumpAt;
        public long lastSeen;
    }

    MetadataProcessor(RuleBook rules, Clock clock, TopologySettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
    }

    static StoreBuilder<KeyValueStore<String, Watch>> store() {
        return StateStores.inMemoryJson(STORE, Watch.class);
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        // A platform that never sends "ended" must not leave its streams here forever.
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, t -> {
            long horizon = ctx.currentStreamTimeMs() - Duration.ofDays(1).toMillis();
            StateStores.deleteWhere(store, w -> w.lastSeen <= horizon);
        });
    }

    @Override
    public void process(Record<String, StreamEvent> rec) {
        StreamEvent e = rec.value();
        String key = e.key();
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        if (e.type() == StreamEvent.Type.ENDED) {
            store.delete(key); // the stream is over: nothing of it is needed any more
            return;
        }
        Watch w = store.get(key);
        if (w == null) w = new Watch();
        w.lastSeen = Math.max(w.lastSeen, e.receivedAt());
        title(w, e, rec, active);
        if (Boolean.TRUE.equals(e.commercial()) && !Boolean.TRUE.equals(e.streamerVerified()) && !w.commercialFlagged) {
            w.commercialFlagged = true;
            raise(
                    rec,
                    e,
                    active.version(),
                    "commercial",
                    settings.commercialCategory(),
                    Severity.MEDIUM,
                    List.of(),
                    "commercial livestream by an unverified streamer " + e.streamerId());
        }
        if (e.viewers() != null) viewers(w, e, rec, active.version());
        store.put(key, w);
    }

    private void title(Watch w, StreamEvent e, Record<String, StreamEvent> rec, CompiledRuleSet active) {
        // Re-checked when the title or the rule set changes, not on every viewer-count update.
        if (e.title() == null
                || (e.title().equals(w.checkedTitle) && active.version().equals(w.checkedVersion))) return;
        w.checkedTitle = e.title();
        w.checkedVersion = active.version();
        Verdict v = active.evaluate(e.title(), new Scope(e.platform(), e.streamId()));
        Match top = v.strongest().orElse(null);
        if (top == null || e.title().equals(w.flaggedTitle)) return; // one flag per title, whatever the version
        w.flaggedTitle = e.title();
        List<FlagMatch> matches = v.matches().stream()
                .map(m -> new FlagMatch(m.rule(), m.term(), m.start(), m.end(), m.steps()))
                .toList();
        raise(
                rec,
                e,
                active.version(),
                "title/" + e.title(),
                top.category().wire(),
                top.severity(),
                matches,
                "stream title: " + e.title());
    }

    private void viewers(Watch w, StreamEvent e, Record<String, StreamEvent> rec, String version) {
        long at = e.receivedAt(), now = e.viewers();
        long window = settings.viewerJumpWindow().toMillis();
        w.viewers.removeIf(s -> s[0] <= at - window);
        long lowest = w.viewers.stream().mapToLong(s -> s[1]).min().orElse(0);
        boolean jump = lowest > 0
                && now >= settings.viewerJumpFactor() * lowest
                && now >= settings.viewerJumpMinimum()
                && (w.lastJumpAt == 0 || at - w.lastJumpAt >= window);
        if (jump) {
            w.lastJumpAt = at;
            raise(
                    rec,
                    e,
                    version,
                    "viewers/" + at,
                    "spam",
                    Severity.MEDIUM,
                    List.of(),
                    "viewers jumped from " + lowest + " to " + now + " within "
                            + settings.viewerJumpWindow().toMinutes() + " min (threshold " + settings.viewerJumpFactor()
                            + "x)");
        }
        w.viewers.add(new long[] {at, now});
        if (w.viewers.size() > MAX_SAMPLES) w.viewers.remove(0);
    }

    private void raise(
            Record<String, StreamEvent> rec,
            StreamEvent e,
            String version,
            String what,
            String category,
            Severity severity,
            List<FlagMatch> matches,
            String why) {
        long now = clock.millis();
        String subject = e.streamId() + "/" + what;
        Flag f = Flags.behaviour(
                Flag.Kind.METADATA,
                subject,
                e.platform(),
                e.streamId(),
                null,
                e.streamerId(),
                e.title(),
                category,
                severity,
                why,
                version,
                e.receivedAt(),
                now);
        if (!matches.isEmpty()) {
            f = f.toBuilder().matches(matches).build();
        }
        ctx.forward(rec.withKey(f.flagId()).withValue(Finding.of(f)));
        Alert a = Alert.builder(Flags.alertId("metadata", e.platform(), subject), Alert.Kind.METADATA).stream(
                        e.platform(), e.streamId())
                .category(category)
                .severity(severity)
                .summary(why)
                .count(1)
                .distinctUsers(1)
                .seen(e.receivedAt(), e.receivedAt())
                .userIds(e.streamerId() == null ? List.of() : List.of(e.streamerId()))
                .samples(List.of(f))
                .rulesVersion(version)
                .state(Alert.State.OPEN)
                .detectedAt(now)
                .build();
        ctx.forward(rec.withKey(a.alertId()).withValue(Finding.of(a)));
    }
}
