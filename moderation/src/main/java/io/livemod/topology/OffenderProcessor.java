package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RateLimits;
import io.livemod.rules.Severity;
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
 * Repeat offender (Decree 147/2024): a user with 5 confirmed violations (moderators' {@code remove}
 * decisions) in 30 days, or 10 in 90, gets a lock recommendation: a flag for the platform's
 * moderators and an alert for the ministry. Keyed platform/user on the decisions topic itself.
 * The 90-day history is in RocksDB (persistent, memory bounded by {@link BoundedRocksDb}); each
 * strike keeps its decisionId, so a replayed decision is not counted twice. A recommendation is
 * raised by the strike that reaches a threshold, not again while the user stays above it.
 */
final class OffenderProcessor implements Processor<String, Decision, String, Finding> {
    static final String STORE = "offender-store";
    private static final int MAX_STRIKES = 1000;
    private final RuleBook rules;
    private final Clock clock;
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, Watch> store;

    public static final class Watch {
        public List<Strike> strikes = new ArrayList<>();
    }

    public record Strike(String decisionId, String flagId, long at) {}

    OffenderProcessor(RuleBook rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    static StoreBuilder<KeyValueStore<String, Watch>> store() {
        return StateStores.persistentJson(STORE, Watch.class);
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, t -> purge());
    }

    @Override
    public void process(Record<String, Decision> rec) {
        Decision d = rec.value();
        if (d.action() != Decision.Action.REMOVE || d.userId() == null) return;
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        RateLimits limits = active.ruleSet().rates();
        String key = d.key();
        Watch w = store.get(key);
        if (w == null) w = new Watch();
        if (w.strikes.stream().anyMatch(s -> s.decisionId().equals(d.decisionId()))) return; // a replay
        long newest = Math.max(
                d.decidedAt(), w.strikes.stream().mapToLong(Strike::at).max().orElse(0));
        w.strikes.removeIf(s -> s.at() <= newest - limits.offenderLongWindow().toMillis());
        w.strikes.add(new Strike(d.decisionId(), d.flagId(), d.decidedAt()));
        if (w.strikes.size() > MAX_STRIKES) w.strikes.remove(0);
        long shortFrom = newest - limits.offenderShortWindow().toMillis();
        long inShort = w.strikes.stream().filter(s -> s.at() > shortFrom).count();
        long inLong = w.strikes.size();
        // A threshold is crossed when this strike is the one that reaches it; above it, nothing new is said.
        boolean crossShort = d.decidedAt() > shortFrom && inShort == limits.offenderShortCount();
        boolean crossLong = inLong == limits.offenderLongCount();
        if (crossShort || crossLong) {
            String why = crossShort
                    ? inShort + " confirmed violations within "
                            + limits.offenderShortWindow().toDays() + " days (threshold " + limits.offenderShortCount()
                            + ")"
                    : inLong + " confirmed violations within "
                            + limits.offenderLongWindow().toDays() + " days (threshold " + limits.offenderLongCount()
                            + ")";
            recommend(rec, d, active.version(), "lock recommended: " + why);
        }
        store.put(key, w);
    }

    private void recommend(Record<String, Decision> rec, Decision d, String rulesVersion, String why) {
        long now = clock.millis();
        Flag f = Flags.behaviour(
                Flag.Kind.REPEAT_OFFENDER,
                "user/" + d.userId() + "/" + d.decisionId(),
                d.platform(),
                d.streamId(),
                null,
                d.userId(),
                null,
                "repeat_offender",
                Severity.HIGH,
                why,
                rulesVersion,
                d.decidedAt(),
                now);
        ctx.forward(rec.withKey(f.flagId()).withValue(Finding.of(f)));
        Alert a = Alert.builder(
                        Flags.alertId("repeat_offender", d.platform(), d.userId(), d.decisionId()),
                        Alert.Kind.REPEAT_OFFENDER)
                .stream(d.platform(), d.streamId())
                .category("repeat_offender")
                .severity(Severity.HIGH)
                .summary(why + " (user " + d.userId() + ")")
                .count(1)
                .distinctUsers(1)
                .seen(d.decidedAt(), d.decidedAt())
                .userIds(List.of(d.userId()))
                .samples(List.of(f))
                .rulesVersion(rulesVersion)
                .state(Alert.State.OPEN)
                .detectedAt(now)
                .build();
        ctx.forward(rec.withKey(a.alertId()).withValue(Finding.of(a)));
    }

    /** Users whose last strike left the long window hold nothing worth keeping. */
    private void purge() {
        long horizon = ctx.currentStreamTimeMs()
                - rules.current().ruleSet().rates().offenderLongWindow().toMillis();
        StateStores.deleteWhere(store, w -> w.strikes.stream().allMatch(s -> s.at() <= horizon));
    }
}
