package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.RateLimits;
import io.livemod.rules.Scope;
import io.livemod.rules.Severity;
import io.livemod.rules.signal.CopyRisk;
import io.livemod.rules.signal.Questions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
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
 * Campaign: the same risky canonical text in S or more streams, or on 2 or more platforms, within T;
 * or any other text whose spread is anomalous for it: in at least {@code anomalyStreams} streams and
 * {@code anomalyFactor} times as many as in the window before (its background, remembered while the
 * text keeps being said), once the stage has watched for a whole window (no background, no anomaly).
 * Greetings, song requests and shopping questions are said in every stream every minute: as ordinary
 * chat they never get here, and a popular phrase outside that list has a background to compare with.
 * Only a national gateway sees every platform, so this is the ministry's alert, raised at once and
 * re-emitted (same alertId) each time the campaign reaches another stream; each sighting's comment
 * is also flagged for its own platform's moderators. Keyed by text; its input is a few sightings per
 * stream and window, not every comment. Closed by wall-clock punctuation once quiet for T.
 */
final class CampaignProcessor implements Processor<String, Sighting, String, Finding> {
    static final String STORE = "campaign-store";
    private final RuleBook rules;
    private final Clock clock;
    private final TopologySettings settings;
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, Watch> store;
    /** Texts with an open campaign: the tick visits these, not every text seen in the window. Rebuilt from the store at init. */
    private final Set<String> open = new HashSet<>();
    /** Entries read per purge (a second): a few milliseconds at most, whatever the store's size. */
    private static final int PURGE_BATCH = 10_000;

    private final ExpiryIndex<Watch> expiry = new ExpiryIndex<>(w -> w.newest);
    /** The store key of the stage's warm-up start; text keys are UUIDs. */
    static final String SINCE = "~since";

    private static final long SINCE_MARK = -1; // the warm-up record's windowStart: never purged
    private long since = SINCE_MARK;

    public static final class Watch {
        public LinkedHashMap<String, Sighting> streams = new LinkedHashMap<>();
        public long newest;
        /** Start of the text's current background window, and how many streams said it in the window before. */
        public long windowStart;

        public int background;
        /** The open campaign's alert, kept encoded: decoded only when a new stream grows it or it closes. */
        public JsonBlob<Alert> alert;

        public long updatedWall;
    }

    CampaignProcessor(RuleBook rules, Clock clock, TopologySettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
    }

    static final BinarySerde<Watch> SERDE =
            new BinarySerde<>(StateFormat.CAMPAIGN_WATCH, CampaignProcessor::write, CampaignProcessor::read);

    static StoreBuilder<KeyValueStore<String, Watch>> store() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), SERDE)
                .withCachingEnabled();
    }

    /**
     * Binary: most texts are seen once and never become a campaign; only an open campaign's alert is JSON.
     * Layout of {@link StateFormat#CAMPAIGN_WATCH} version 1 (big-endian):
     *
     * <pre>
     *   offset   field         type
     *   0        tag           byte 'C'
     *   1        version       byte 1
     *   2        newest        long, epoch ms
     *   10       windowStart   long, epoch ms (-1 in the warm-up record)
     *   18       background    int
     *   22       updatedWall   long, epoch ms
     *   30       streams       int n, then n sightings in {@link Sighting}'s layout without its header
     *   +        alert         int length (-1 or 0: none), then the open campaign alert's JSON
     * </pre>
     */
    static void write(DataOutputStream out, Watch w) throws IOException {
        out.writeLong(w.newest);
        out.writeLong(w.windowStart);
        out.writeInt(w.background);
        out.writeLong(w.updatedWall);
        out.writeInt(w.streams.size());
        for (Sighting s : w.streams.values()) s.write(out);
        JsonBlob.write(out, w.alert);
    }

    static Watch read(DataInputStream in) throws IOException {
        Watch w = new Watch();
        w.newest = in.readLong();
        w.windowStart = in.readLong();
        w.background = in.readInt();
        w.updatedWall = in.readLong();
        for (int i = in.readInt(); i > 0; i--) {
            Sighting s = Sighting.read(in);
            w.streams.put(s.streamKey(), s);
        }
        w.alert = JsonBlob.read(in, Alert.class);
        return w;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        open.clear();
        since = SINCE_MARK;
        try (KeyValueIterator<String, Watch> it = store.all()) { // after restoration: the store is the truth
            while (it.hasNext()) {
                KeyValue<String, Watch> kv = it.next();
                if (kv.value != null && kv.value.alert != null && !SINCE.equals(kv.key)) open.add(kv.key);
            }
        }
        expiry.seed(store);
        context.schedule(settings.alertInterval(), PunctuationType.WALL_CLOCK_TIME, now -> closeQuiet());
        // Every second, only the texts that may have gone quiet (ExpiryIndex): a whole-store purge once a
        // minute deleted tens of thousands of texts inside one transaction, a stall at each minute.
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Sighting> rec) {
        Sighting s = rec.value();
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        RateLimits limits = active.ruleSet().rates();
        long since = warmSince(s.receivedAt());
        Watch found = store.get(rec.key());
        if (found == null) expiry.add(rec.key(), s.receivedAt());
        Watch w = found == null ? new Watch() : found;
        w.newest = Math.max(w.newest, s.receivedAt());
        long horizon = w.newest - limits.campaignWindow().toMillis();
        if (w.windowStart == 0) w.windowStart = s.receivedAt();
        if (s.receivedAt() - w.windowStart >= limits.campaignWindow().toMillis()) { // the text's next window
            w.background = (int) w.streams.values().stream()
                    .filter(x -> x.receivedAt() >= w.windowStart)
                    .count();
            w.windowStart = s.receivedAt();
        }
        w.streams.values().removeIf(x -> x.receivedAt() <= horizon);
        if (s.receivedAt() <= horizon) {
            store.put(rec.key(), w);
            return;
        }
        boolean newStream = !w.streams.containsKey(s.streamKey());
        w.streams.put(s.streamKey(), s);
        if (w.streams.size() > settings.maxTrackedUsers())
            w.streams.remove(w.streams.keySet().iterator().next());
        long platforms =
                w.streams.values().stream().map(Sighting::platform).distinct().count();
        boolean risky = s.risk().risky();
        boolean over = risky
                ? w.streams.size() >= limits.campaignStreams() || platforms >= limits.campaignPlatforms()
                : anomalous(w, since, s.receivedAt(), limits, s);
        // Once alerted, the text is the campaign wherever it is said next: any new stream grows the alert. A
        // stream's first copy often carries no risk of its own (a new-account burst is risky only once the
        // accounts pile up, and the stream is then no longer new): judged by its own sighting it would join
        // the watch silently and never grow the alert.
        boolean raises = w.alert == null ? over : newStream;
        if (w.alert != null) w.updatedWall = clock.millis(); // still being said: not quiet yet
        if (raises) {
            Optional<Match> strongest = active.evaluate(s.text(), Scope.ANY).strongest();
            String category = strongest.map(m -> m.category().wire()).orElse("spam");
            Severity severity = w.alert == null
                    ? severity(s.risk(), platforms) // growing never lowers it
                    : Severity.max(severity(s.risk(), platforms), w.alert.get().severity());
            String why = !over // joined an open campaign without a reason of its own
                    ? "same text as the open campaign, now in " + w.streams.size() + " streams on " + platforms
                            + " platforms within " + limits.campaignWindow().toMinutes() + " min"
                    : risky
                            ? "same risky text (" + s.risk().describe() + ") in " + w.streams.size() + " streams on "
                                    + platforms
                                    + " platforms within "
                                    + limits.campaignWindow().toMinutes() + " min (thresholds "
                                    + limits.campaignStreams()
                                    + " streams or " + limits.campaignPlatforms() + " platforms)"
                            : "same text in " + w.streams.size() + " streams on " + platforms + " platforms within "
                                    + limits.campaignWindow().toMinutes() + " min, against " + w.background
                                    + " in the window before (thresholds "
                                    + settings.anomalyStreams() + " streams within "
                                    + settings.anomalyBurst().toSeconds() + " s and "
                                    + settings.anomalyFactor() + "x its background)";
            List<Flag> flags = new ArrayList<>();
            for (Sighting x : w.alert == null ? List.copyOf(w.streams.values()) : List.of(s)) {
                Flag f = Flags.behaviour(
                        Flag.Kind.CAMPAIGN,
                        x.commentId(),
                        x.platform(),
                        x.streamId(),
                        x.commentId(),
                        x.userId(),
                        x.text(),
                        category,
                        severity,
                        why,
                        active.version(),
                        x.receivedAt(),
                        clock.millis());
                flags.add(f);
                ctx.forward(new Record<>(f.flagId(), Finding.of(f), rec.timestamp()));
            }
            String id = w.alert == null
                    ? Flags.alertId("campaign", rec.key(), Long.toString(s.receivedAt()))
                    : w.alert.get().alertId();
            Alert grown = alert(id, w, category, severity, why, flags, active.version());
            w.alert = JsonBlob.of(Alert.class, grown);
            w.updatedWall = clock.millis();
            ctx.forward(new Record<>(id, Finding.of(grown), rec.timestamp()));
            open.add(rec.key());
        }
        store.put(rec.key(), w);
    }

    /**
     * Risky copy-paste: the worst of its risk, at least medium, one step up (to high at most, a rule's
     * critical stays) once it crosses platforms, which only the ministry sees. An anomalous spread of
     * text without risk is an early warning: low.
     */
    @SuppressWarnings("EnumOrdinal") // Severity is declared in rank order: the next ordinal is one step up
    static Severity severity(CopyRisk.Risk risk, long platforms) {
        if (!risk.risky()) return Severity.LOW;
        Severity s = Severity.max(risk.severity(), Severity.MEDIUM);
        if (platforms >= 2 && s.compareTo(Severity.HIGH) < 0) s = Severity.values()[s.ordinal() + 1];
        return s;
    }

    /**
     * Far above the text's background, in a burst, once the stage has watched for a whole window; and
     * not a question. A text first heard minutes ago has no background of its own yet, so a popular
     * sentence ("anh có kênh youtube không", "em ở Huế, ship về mất mấy ngày") reaches ten streams
     * over the window with "0 before": what sets a campaign apart is that its streams hear it within
     * {@code anomalyBurst} of each other. Viewers' questions to the streamer are chat, not a message
     * pushed to many lives (a question with a payload is copy risk and never gets here).
     */
    private boolean anomalous(Watch w, long since, long now, RateLimits limits, Sighting s) {
        // The text's own window must have begun after the stage had watched for a whole window: else its
        // "0 before" means "not measured yet" (a phrase said since the stage started), not "new".
        if (w.windowStart - since < limits.campaignWindow().toMillis()) return false;
        int streams = w.streams.size();
        if (streams < settings.anomalyStreams() || streams < settings.anomalyFactor() * w.background) return false;
        long burstFrom = now - settings.anomalyBurst().toMillis();
        long recent = w.streams.values().stream()
                .filter(x -> x.receivedAt() >= burstFrom)
                .count();
        return recent >= settings.anomalyStreams() && !Questions.asked(s.text(), CompiledRuleSet.canonical(s.text()));
    }

    /**
     * When this task started watching (stream time), kept in the store under a key no text hash can
     * take, so a restart or a move to another instance keeps its warm-up behind it.
     */
    private long warmSince(long receivedAt) {
        if (since != SINCE_MARK) return since;
        Watch w = store.get(SINCE);
        if (w == null) {
            w = new Watch();
            w.newest = receivedAt;
            w.windowStart = SINCE_MARK;
            store.put(SINCE, w);
        }
        since = w.newest;
        return since;
    }

    private Alert alert(
            String id,
            Watch w,
            String category,
            Severity severity,
            String why,
            List<Flag> newFlags,
            String rulesVersion) {
        TreeSet<String> platforms = new TreeSet<>(), users = new TreeSet<>();
        long first = Long.MAX_VALUE, last = 0;
        for (Sighting x : w.streams.values()) {
            platforms.add(x.platform());
            users.add(x.userId());
            first = Math.min(first, x.receivedAt());
            last = Math.max(last, x.receivedAt());
        }
        List<Flag> samples =
                new ArrayList<>(w.alert == null ? List.of() : w.alert.get().samples());
        for (Flag f : newFlags) if (samples.size() < settings.samples()) samples.add(f);
        String text = w.streams.values().iterator().next().text();
        return Alert.builder(id, Alert.Kind.CAMPAIGN)
                .platform(platforms.size() == 1 ? platforms.first() : null)
                .platforms(List.copyOf(platforms))
                .streams(List.copyOf(w.streams.keySet()))
                .category(category)
                .severity(severity)
                .summary(why + ": \"" + Incidents.abbreviate(text) + "\"")
                .count(w.streams.size())
                .distinctUsers(users.size())
                .seen(first, last)
                .userIds(List.copyOf(users))
                .samples(samples)
                .rulesVersion(rulesVersion)
                .state(Alert.State.OPEN)
                .detectedAt(clock.millis())
                .build();
    }

    /** Closes campaigns that went quiet for a whole window. */
    private void closeQuiet() {
        long now = clock.millis();
        long window = rules.current().ruleSet().rates().campaignWindow().toMillis();
        for (Iterator<String> i = open.iterator(); i.hasNext(); ) {
            String key = i.next();
            Watch w = store.get(key);
            if (w == null || w.alert == null) {
                i.remove();
            } else if (now - w.updatedWall >= window) {
                Alert closed = Incidents.withState(w.alert.get(), Alert.State.CLOSED, now);
                ctx.forward(new Record<>(closed.alertId(), Finding.of(closed), now));
                store.delete(key);
                i.remove();
            }
        }
    }

    /** Drops texts that never became a campaign and were not said for a whole window. */
    private void purge() {
        long horizon = ctx.currentStreamTimeMs()
                - rules.current().ruleSet().rates().campaignWindow().toMillis()
                - StateStores.LATE_MS;
        expiry.purge(
                store,
                horizon,
                w -> w.alert == null && w.newest <= horizon && w.windowStart != SINCE_MARK,
                PURGE_BATCH);
    }
}
