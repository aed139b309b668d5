package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RateLimits;
import io.livemod.rules.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Incidents and stream spikes, keyed platform/stream over the flags (a few per cent of comments,
 * but in a mega-live under attack, thousands a second on one key), in the stream's own task.
 * Flags aggregate into one incident per category. The ministry hears of an incident once it is
 * signal ({@link Incidents.Incident#reportable}: a critical flag at once, otherwise enough flags of
 * medium severity or worse from enough users); after that its growth is emitted on the next
 * wall-clock tick, and a tick closes incidents that had no flag for {@code incidentIdle}, even on a
 * stream that has gone silent. A stream spike (flags this minute ≥ factor × baseline and ≥ minimum)
 * alerts at once and flags the stream for its platform's moderators, once the stream has a baseline:
 * no spike within {@code spikeBaselineMinutes} of its first flag. Its severity is the worst open
 * incident's, at least medium.
 *
 * <p>Per flag the work is constant: the stream's {@link StreamWatch} holds counters and encoded
 * alerts, and distinct users are remembered one key each in {@link #USERS} (an incident's
 * users used to live inside the watch, decoded and re-encoded as JSON with every flag: a fifth of
 * the stream threads' CPU in the topology benchmark).
 */
final class IncidentProcessor implements Processor<String, Flag, String, Finding> {
    static final String STORE = "incident-watch-store";
    static final String USERS = "incident-user-store";
    private static final String SEP = "\u0000";
    private static final byte[] PRESENT = {1};
    private final RuleBook rules;
    private final Clock clock;
    private final TopologySettings settings;
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, StreamWatch> store;
    private KeyValueStore<String, byte[]> users;

    IncidentProcessor(RuleBook rules, Clock clock, TopologySettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
    }

    static StoreBuilder<KeyValueStore<String, StreamWatch>> store() {
        // Cached: a mega-live's watch changes with every flag; the changelog gets it once per commit.
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), StreamWatch.SERDE)
                .withCachingEnabled();
    }

    /** platform/stream, category, user → present: who was already counted in an open incident. */
    static StoreBuilder<KeyValueStore<String, byte[]>> userStore() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(USERS), Serdes.String(), Serdes.ByteArray());
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        this.users = context.getStateStore(USERS);
        context.schedule(settings.alertInterval(), PunctuationType.WALL_CLOCK_TIME, t -> tick());
    }

    @Override
    public void process(Record<String, Flag> rec) {
        Flag f = rec.value();
        long now = clock.millis();
        StreamWatch w = store.get(rec.key());
        if (w == null) {
            w = new StreamWatch(f.platform(), f.streamId());
            w.since = f.receivedAt();
        }
        w.updatedWall = now;
        Incidents.Incident inc = w.incidents.computeIfAbsent(f.category(), c -> new Incidents.Incident());
        if (inc.add(f, newUser(rec.key(), inc, f), settings, now)) { // critical: at once; the rest on the next tick
            inc.dirty = false;
            inc.reported = true;
            emit(inc.alert(w.platform, w.streamId, Alert.State.OPEN, now), rec.timestamp());
        }
        spike(w, f, now, rec.timestamp());
        store.put(rec.key(), w);
    }

    /** Counts a user once per incident while it tracks users; beyond {@code maxTrackedUsers} every flag of an unknown user counts. */
    private boolean newUser(String stream, Incidents.Incident inc, Flag f) {
        if (f.userId() == null) return false;
        String key = stream + SEP + f.category() + SEP + f.userId();
        if (users.get(key) != null) return false;
        if (inc.tracksMore(settings)) users.put(key, PRESENT);
        return true;
    }

    private void spike(StreamWatch w, Flag f, long now, long ts) {
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        RateLimits limits = active.ruleSet().rates();
        int size = SpikeCounter.size(settings.spikeBaselineMinutes());
        if (w.ring.length != size) w.ring = new long[size];
        w.newestBucket = SpikeCounter.add(w.ring, w.newestBucket, f.receivedAt());
        long minute = SpikeCounter.lastMinute(w.ring, w.newestBucket);
        double baseline = SpikeCounter.baseline(w.ring, w.newestBucket);
        boolean warm = f.receivedAt() - w.since >= 60_000L * settings.spikeBaselineMinutes();
        boolean over = warm && minute >= limits.spikeMinimum() && minute >= limits.spikeFactor() * baseline;
        if (!over || (w.spike != null && minute <= w.spikeCount)) return;
        String why =
                minute + " flags in the last minute, baseline " + String.format(java.util.Locale.ROOT, "%.1f", baseline)
                        + "/min (thresholds " + limits.spikeFactor() + "x and " + limits.spikeMinimum() + ")";
        boolean opening = w.spike == null;
        String id = opening
                ? Flags.alertId("stream_spike", w.platform, w.streamId, Long.toString(w.newestBucket))
                : w.spikeId;
        long first = opening ? f.receivedAt() : w.spikeFirst;
        Severity severity = w.incidents.values().stream().map(i -> i.severity).reduce(Severity.MEDIUM, Severity::max);
        if (opening) {
            Flag flag = Flags.behaviour(
                    Flag.Kind.STREAM_SPIKE,
                    w.streamId + "/" + w.newestBucket,
                    w.platform,
                    w.streamId,
                    null,
                    null,
                    null,
                    f.category(),
                    severity,
                    why,
                    active.version(),
                    f.receivedAt(),
                    now);
            ctx.forward(new Record<>(flag.flagId(), Finding.of(flag), ts));
        }
        Alert spike = Alert.builder(id, Alert.Kind.STREAM_SPIKE).stream(w.platform, w.streamId)
                .category(f.category())
                .severity(severity)
                .summary(why + " in stream " + w.streamId)
                .count(minute)
                .seen(first, f.receivedAt())
                .samples(List.of(f))
                .rulesVersion(active.version())
                .state(Alert.State.OPEN)
                .detectedAt(now)
                .build();
        w.openSpike(spike, now);
        if (opening) emit(spike, ts); // at once; growth waits for the next tick, like an incident's
        else w.spikeDirty = true;
    }

    private void emit(Alert a, long ts) {
        ctx.forward(new Record<>(a.alertId(), Finding.of(a), ts));
    }

    /** Wall-clock tick: emit grown incidents, close idle ones, forget streams with nothing left to remember. */
    private void tick() {
        long now = clock.millis();
        long idle = settings.incidentIdle().toMillis();
        long forget = idle + 60_000L * (settings.spikeBaselineMinutes() + 1);
        Map<String, StreamWatch> changed = new LinkedHashMap<>();
        List<String> doomed = new ArrayList<>(), closed = new ArrayList<>();
        try (KeyValueIterator<String, StreamWatch> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, StreamWatch> kv = it.next();
                StreamWatch w = kv.value;
                boolean touched = false;
                for (Iterator<Incidents.Incident> i = w.incidents.values().iterator(); i.hasNext(); ) {
                    Incidents.Incident inc = i.next();
                    if (now - inc.updatedWall >= idle) {
                        if (inc.reported) emit(inc.alert(w.platform, w.streamId, Alert.State.CLOSED, now), now);
                        closed.add(kv.key + SEP + inc.category + SEP);
                        i.remove();
                        touched = true;
                    } else if (inc.dirty && inc.reportable(settings)) {
                        inc.dirty = false;
                        inc.reported = true;
                        emit(inc.alert(w.platform, w.streamId, Alert.State.OPEN, now), now);
                        touched = true;
                    }
                }
                if (w.spike != null && now - w.spikeWall >= idle) {
                    emit(Incidents.withState(w.spike.get(), Alert.State.CLOSED, now), now);
                    w.closeSpike();
                    touched = true;
                } else if (w.spike != null && w.spikeDirty) {
                    emit(w.spike.get(), now);
                    w.spikeDirty = false;
                    touched = true;
                }
                if (w.incidents.isEmpty() && w.spike == null && now - w.updatedWall >= forget) doomed.add(kv.key);
                else if (touched) changed.put(kv.key, w);
            }
        }
        changed.forEach(store::put);
        doomed.forEach(store::delete);
        closed.forEach(this::forgetUsers);
    }

    /** A closed incident's users start from zero in the next one. */
    private void forgetUsers(String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = users.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(users::delete);
    }
}
