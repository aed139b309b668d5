package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * One early-warning alert per false claim while it spreads, keyed by claim id over the
 * {@code false_claim} flags of every platform: where (platforms, streams), how fast (matches per
 * minute over the last hour), first and last seen, sample flags and the users (as platform/user;
 * the gateway pseudonymizes them for officers). The ministry hears of a claim at its first match;
 * after that its growth is emitted on the next wall-clock tick, and a claim not seen for
 * {@link #IDLE} is closed (a later match opens a new alert).
 */
final class ClaimAlertProcessor implements Processor<String, Flag, String, Finding> {
    static final String STORE = "claim-alert-store";
    static final Duration IDLE = Duration.ofHours(1);
    static final int MINUTES = 60;
    static final int MAX_STREAMS = 50;

    /** A claim's current spread; JSON in the store. */
    public static final class Watch {
        public String alertId;
        public String claimId;
        public String summary;
        public Severity severity;
        public long firstSeen;
        public long lastSeen;
        public long count;
        public long lastWall;
        public boolean dirty;
        public TreeMap<Long, Long> perMinute = new TreeMap<>();
        public TreeSet<String> platforms = new TreeSet<>();
        public LinkedHashSet<String> streams = new LinkedHashSet<>();
        public LinkedHashSet<String> users = new LinkedHashSet<>();
        public List<Flag> samples = new ArrayList<>();
    }

    private final RuleBook rules;
    private final Clock clock;
    private final TopologySettings settings;
    private final Set<String> open = new HashSet<>();
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, Watch> store;

    ClaimAlertProcessor(RuleBook rules, Clock clock, TopologySettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
    }

    static StoreBuilder<KeyValueStore<String, Watch>> store() {
        return Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(STORE),
                        Serdes.String(),
                        io.livemod.event.JsonSerde.of(Watch.class))
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        try (KeyValueIterator<String, Watch> it = store.all()) { // restored claims keep being ticked
            while (it.hasNext()) open.add(it.next().key);
        }
        context.schedule(settings.alertInterval(), PunctuationType.WALL_CLOCK_TIME, t -> tick());
    }

    @Override
    public void process(Record<String, Flag> rec) {
        Flag f = rec.value();
        if (f == null || f.claimId() == null) return;
        long now = clock.millis();
        Watch w = store.get(f.claimId());
        boolean fresh = w == null;
        if (fresh) w = open(f);
        add(w, f);
        w.lastWall = now;
        w.dirty = !fresh;
        if (fresh) emit(w, Alert.State.OPEN, now);
        store.put(f.claimId(), w);
        open.add(f.claimId());
    }

    private Watch open(Flag f) {
        Watch w = new Watch();
        w.claimId = f.claimId();
        w.alertId = Flags.alertId(ClaimFlagger.KIND.wire(), f.claimId(), Long.toString(f.receivedAt()));
        w.firstSeen = f.receivedAt();
        w.severity = f.severity();
        String claim = f.matches().isEmpty() ? f.claimId() : f.matches().get(0).term();
        w.summary = "false claim spreading: " + claim;
        return w;
    }

    private void add(Watch w, Flag f) {
        w.count++;
        w.firstSeen = Math.min(w.firstSeen, f.receivedAt());
        w.lastSeen = Math.max(w.lastSeen, f.receivedAt());
        long minute = f.receivedAt() - Math.floorMod(f.receivedAt(), 60_000L);
        w.perMinute.merge(minute, 1L, Long::sum);
        long oldest = w.perMinute.lastKey() - (MINUTES - 1) * 60_000L; // the hour up to the newest match
        while (w.perMinute.firstKey() < oldest) w.perMinute.pollFirstEntry();
        w.platforms.add(f.platform());
        if (w.streams.size() < MAX_STREAMS) w.streams.add(f.platform() + "/" + f.streamId());
        if (f.userId() != null && w.users.size() < settings.maxTrackedUsers())
            w.users.add(f.platform() + "/" + f.userId());
        if (w.samples.size() < settings.samples()) w.samples.add(f);
    }

    private void emit(Watch w, Alert.State state, long now) {
        List<Alert.MinuteCount> minutes = new ArrayList<>();
        for (Map.Entry<Long, Long> e : w.perMinute.entrySet())
            minutes.add(new Alert.MinuteCount(e.getKey(), e.getValue()));
        // platform null: the alert spans platforms, its user ids are platform/user (as campaigns' may be).
        Alert a = Alert.builder(w.alertId, Alert.Kind.FALSE_CLAIM)
                .platforms(List.copyOf(w.platforms))
                .streams(List.copyOf(w.streams))
                .category(ClaimFlagger.CATEGORY)
                .severity(w.severity)
                .summary(w.summary)
                .count(w.count)
                .distinctUsers(w.users.size())
                .seen(w.firstSeen, w.lastSeen)
                .userIds(List.copyOf(w.users))
                .samples(w.samples)
                .rulesVersion(rules.current().version())
                .state(state)
                .detectedAt(now)
                .claimId(w.claimId)
                .perMinute(minutes)
                .build();
        ctx.forward(new Record<>(a.alertId(), Finding.of(a), now));
    }

    /** Emits the claims that grew since the last tick; closes those idle for {@link #IDLE}. */
    private void tick() {
        long now = clock.millis();
        List<String> gone = new ArrayList<>();
        for (String claimId : open) {
            Watch w = store.get(claimId);
            if (w == null) {
                gone.add(claimId);
            } else if (now - w.lastWall >= IDLE.toMillis()) {
                emit(w, Alert.State.CLOSED, now);
                store.delete(claimId);
                gone.add(claimId);
            } else if (w.dirty) {
                w.dirty = false;
                emit(w, Alert.State.OPEN, now);
                store.put(claimId, w);
            }
        }
        gone.forEach(open::remove);
    }
}
