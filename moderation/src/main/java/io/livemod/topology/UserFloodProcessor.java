package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RateLimits;
import io.livemod.rules.Severity;
import io.livemod.rules.signal.CopyRisk;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * User flood: more than N comments from one user in one stream within T. Runs in the stream's own
 * task (comments are keyed platform/stream), its store keyed platform/stream/user. State per user is the receive stamps of the last N+1 comments (a bounded
 * bucket, not a hopping window); slot 0 says whether the current episode was already flagged, so a
 * flood yields one flag per episode, on the comment that crossed the threshold: low for ordinary
 * text, the worse of the text's copy risk and medium otherwise.
 */
final class UserFloodProcessor implements Processor<String, Screened, String, Flag> {
    static final String STORE = "user-flood-store";
    private final RuleBook rules;
    private final Clock clock;
    /** Entries read per purge (a second): a few milliseconds at most, whatever the store's size. */
    private static final int PURGE_BATCH = 10_000;

    private final ExpiryIndex<long[]> expiry = new ExpiryIndex<>(v -> v.length < 2 ? Long.MIN_VALUE : v[v.length - 1]);
    private ProcessorContext<String, Flag> ctx;
    private KeyValueStore<String, long[]> store;

    UserFloodProcessor(RuleBook rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    static StoreBuilder<KeyValueStore<String, long[]>> store() {
        // Cached: a user's stamps reach the changelog once per commit, not once per comment.
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), new LongArraySerde())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, Flag> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        expiry.seed(store);
        // Every second, only the users who may have gone quiet (ExpiryIndex), not a walk over the store.
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Screened> rec) {
        Comment c = rec.value().comment();
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        RateLimits limits = active.ruleSet().rates();
        int n = limits.userFloodCount();
        long window = limits.userFloodWindow().toMillis();
        long t = c.receivedAt();
        String key = c.platform() + "/" + c.streamId() + "/" + c.userId();
        long[] old = store.get(key);
        if (old == null) expiry.add(key, t);
        long[] stamps = insert(old == null ? new long[0] : Arrays.copyOfRange(old, 1, old.length), t, window, n + 1);
        boolean flagged = old != null && old[0] == 1 && stamps.length > n;
        if (stamps.length > n && !flagged) {
            // Enthusiasm ("chốt! chốt! chốt!") is low; a flood of risky text is the worse of its risk and medium.
            CopyRisk.Risk risk = rec.value().risk();
            Severity severity = risk.risky() ? Severity.max(risk.severity(), Severity.MEDIUM) : Severity.LOW;
            Flag f = Flags.behaviour(
                    Flag.Kind.USER_FLOOD,
                    c.id(),
                    c.platform(),
                    c.streamId(),
                    c.id(),
                    c.userId(),
                    c.text(),
                    "spam",
                    severity,
                    stamps.length + " comments within "
                            + limits.userFloodWindow().toSeconds() + " s (more than " + n + ")",
                    active.version(),
                    t,
                    clock.millis());
            ctx.forward(rec.withKey(f.flagId()).withValue(f));
            flagged = true;
        }
        long[] next = new long[stamps.length + 1];
        next[0] = flagged && stamps.length > n ? 1 : 0;
        System.arraycopy(stamps, 0, next, 1, stamps.length);
        store.put(key, next);
    }

    /** Sorted stamps within (newest − window, newest], at most {@code keep} of the newest, with {@code t} added. */
    static long[] insert(long[] sorted, long t, long window, int keep) {
        long[] all = Arrays.copyOf(sorted, sorted.length + 1);
        all[sorted.length] = t;
        Arrays.sort(all);
        long newest = all[all.length - 1];
        int from = 0;
        while (from < all.length && all[from] <= newest - window) from++;
        from = Math.max(from, all.length - keep);
        return Arrays.copyOfRange(all, from, all.length);
    }

    /** Users gone quiet for longer than the window hold nothing worth keeping. */
    private void purge() {
        long horizon = ctx.currentStreamTimeMs()
                - rules.current().ruleSet().rates().userFloodWindow().toMillis()
                - StateStores.LATE_MS;
        expiry.purge(store, horizon, v -> v.length < 2 || v[v.length - 1] <= horizon, PURGE_BATCH);
    }
}
