package io.livemod.topology;

import io.livemod.event.Flag;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RateLimits;
import io.livemod.rules.Severity;
import io.livemod.rules.signal.CopyRisk;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Duplicate flood: the same risky canonical text from K or more distinct users in one stream within T.
 * Live chat repeats itself ("chốt đơn" from hundreds of viewers), so only copy-paste that carries
 * risk ({@link io.livemod.rules.signal.CopyRisk}: a rule hit, money, a prize, a call to contact) is a
 * flood; other long texts are remembered only to pass sightings on. Runs in the stream's own task
 * (comments are keyed by stream), keyed platform/stream/text in its store. Once the K-th user is
 * seen, every copy in the window is flagged (moderators remove each), then each new copy as it comes,
 * at the severity of the text's risk (at least medium). It also passes a {@link Sighting} of the text
 * to the campaign stage, at most four times per campaign window, which keeps that text-keyed stage small.
 */
final class DuplicateProcessor implements Processor<String, Probe, String, Finding> {
    static final String STORE = "duplicate-store";
    private final RuleBook rules;
    private final Clock clock;
    private final TopologySettings settings;
    /** Keys visited per purge: a store of tens of thousands of keys is visited whole every few seconds. */
    /** Entries read per purge (a second): a few milliseconds at most, whatever the store's size. */
    private static final int PURGE_BATCH = 10_000;

    private final ExpiryIndex<Watch> expiry = new ExpiryIndex<>(w -> w.newest);
    private ProcessorContext<String, Finding> ctx;
    private KeyValueStore<String, Watch> store;

    /**
     * Recent authors of one text in one stream. Mutable, binary in the store. The authors stay encoded
     * until a copy of the text needs them: the purge, which visits every text, reads only the header.
     *
     * <p>Layout of {@link StateFormat#DUPLICATE_WATCH} version 1 (big-endian; UTF as {@link DataOutputStream#writeUTF}):
     *
     * <pre>
     *   offset   field          type
     *   0        tag            byte 'D'
     *   1        version        byte 1
     *   2        flooding       boolean (1 byte)
     *   3        lastSighting   long, epoch ms
     *   11       newest         long, epoch ms
     *   19       authors        int: ~n (complement) for n authors with the new-account bit; a
     *                           positive n (written before that bit) for n authors without it
     *   23       author i       userId UTF, commentId UTF, at long, [newAccount boolean]
     * </pre>
     */
    static final class Watch {
        private LinkedHashMap<String, Seen> users;
        private byte[] encodedUsers;
        boolean flooding;
        long lastSighting;
        long newest;

        @SuppressWarnings(
                "NonApiType") // the order is the point: eldest copy first, for eviction (Java 17 has no SequencedMap)
        LinkedHashMap<String, Seen> users() {
            if (users == null) {
                users = new LinkedHashMap<>();
                if (encodedUsers != null) {
                    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encodedUsers))) {
                        // A negative count (its complement) marks authors written with their new-account bit.
                        int n = in.readInt();
                        boolean withAge = n < 0;
                        for (int i = withAge ? ~n : n; i > 0; i--) {
                            String user = in.readUTF();
                            users.put(user, new Seen(in.readUTF(), in.readLong(), withAge && in.readBoolean()));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    encodedUsers = null;
                }
            }
            return users;
        }
    }

    /** One author's latest copy; {@code newAccount}: the account was younger than the setting then. */
    public record Seen(String commentId, long at, boolean newAccount) {}

    DuplicateProcessor(RuleBook rules, Clock clock, TopologySettings settings) {
        this.rules = rules;
        this.clock = clock;
        this.settings = settings;
    }

    static final BinarySerde<Watch> SERDE =
            new BinarySerde<>(StateFormat.DUPLICATE_WATCH, DuplicateProcessor::write, DuplicateProcessor::read);

    static StoreBuilder<KeyValueStore<String, Watch>> store() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), SERDE)
                .withCachingEnabled(); // a flooding text is one hot key
    }

    static void write(DataOutputStream out, Watch w) throws IOException {
        out.writeBoolean(w.flooding);
        out.writeLong(w.lastSighting);
        out.writeLong(w.newest);
        if (w.users == null && w.encodedUsers != null) { // untouched since read: copy, don't re-encode
            out.write(w.encodedUsers);
            return;
        }
        out.writeInt(~w.users().size());
        for (Map.Entry<String, Seen> e : w.users().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().commentId());
            out.writeLong(e.getValue().at());
            out.writeBoolean(e.getValue().newAccount());
        }
    }

    static Watch read(DataInputStream in) throws IOException {
        Watch w = new Watch();
        w.flooding = in.readBoolean();
        w.lastSighting = in.readLong();
        w.newest = in.readLong();
        w.encodedUsers = in.readAllBytes();
        return w;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.ctx = context;
        this.store = context.getStateStore(STORE);
        expiry.seed(store);
        // Every second, only the texts that may have left their window (ExpiryIndex), not a walk over the store.
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Probe> rec) {
        Probe p = rec.value();
        CompiledRuleSet active = rules.current(); // once per record: a swap mid-record must not mix versions
        RateLimits limits = active.ruleSet().rates();
        long window = limits.duplicateWindow().toMillis();
        Watch w = store.get(rec.key());
        if (w == null) {
            w = new Watch();
            expiry.add(rec.key(), p.receivedAt());
        }
        w.newest = Math.max(w.newest, p.receivedAt());
        long horizon = w.newest - window;
        w.users().values().removeIf(s -> s.at() <= horizon);
        int tracked = tracked(limits);
        if (p.receivedAt() > horizon) remember(w, p, tracked);
        // A burst is new accounts as most of the text's authors, not the few percent of new viewers in
        // any crowd: in a mega-live five new accounts ask the popular question within a minute too.
        long fresh = w.users().values().stream().filter(Seen::newAccount).count();
        boolean burst =
                fresh >= limits.duplicateUsers() && 2 * fresh >= w.users().size();
        CopyRisk.Risk risk = burst ? p.risk().with(CopyRisk.Feature.NEW_ACCOUNTS, Severity.MEDIUM) : p.risk();
        boolean started = false;
        if (p.risk().risky() && w.users().size() >= limits.duplicateUsers()) {
            String why = (w.users().size() >= tracked ? "at least " : "")
                    + w.users().size() + " users sent the same text within "
                    + limits.duplicateWindow().toSeconds() + " s (threshold " + limits.duplicateUsers()
                    + "); risky copy: "
                    + risk.describe();
            if (!w.flooding) {
                for (Map.Entry<String, Seen> e : w.users().entrySet())
                    flag(rec, p, active.version(), risk, e.getKey(), e.getValue(), why);
            } else {
                flag(
                        rec,
                        p,
                        active.version(),
                        risk,
                        p.userId(),
                        new Seen(p.commentId(), p.receivedAt(), p.newAccount()),
                        why);
            }
            started = !w.flooding;
            w.flooding = true;
        } else if (burst) {
            // Text without risk, from accounts created days ago: only the new accounts' copies are the campaign's.
            String why = (fresh >= tracked ? "at least " : "") + fresh + " accounts created within "
                    + settings.newAccountAge().toDays() + " days sent the same text within "
                    + limits.duplicateWindow().toSeconds()
                    + " s (threshold " + limits.duplicateUsers() + ")";
            if (!w.flooding) {
                for (Map.Entry<String, Seen> e : w.users().entrySet()) {
                    if (e.getValue().newAccount()) flag(rec, p, active.version(), risk, e.getKey(), e.getValue(), why);
                }
            } else if (p.newAccount()) {
                flag(rec, p, active.version(), risk, p.userId(), new Seen(p.commentId(), p.receivedAt(), true), why);
            }
            started = !w.flooding;
            w.flooding = true;
        } else {
            w.flooding = false;
        }
        long campaignWindow = limits.campaignWindow().toMillis();
        // A burst of new accounts makes the text risky from now on: the campaign stage hears it at once.
        if (w.lastSighting == 0 || p.receivedAt() - w.lastSighting >= campaignWindow / 4 || (started && burst)) {
            w.lastSighting = p.receivedAt();
            Sighting s = new Sighting(
                    p.textHash(),
                    p.text(),
                    p.platform(),
                    p.streamId(),
                    p.commentId(),
                    p.userId(),
                    p.receivedAt(),
                    active.version(),
                    risk);
            ctx.forward(rec.withKey(p.textHash()).withValue(Finding.of(s)));
        }
        store.put(rec.key(), w);
    }

    /**
     * Authors kept per text: the decision only needs to know whether K of them are in the window, and
     * the map is read and written whole with every copy, so a flooding text keeps its latest few dozen
     * authors, not hundreds. Keeping the latest (the map is in order of each user's latest copy) keeps
     * the count exact up to this number.
     */
    private int tracked(RateLimits limits) {
        return Math.min(settings.maxTrackedUsers(), Math.max(4 * limits.duplicateUsers(), 32));
    }

    private void remember(Watch w, Probe p, int tracked) {
        LinkedHashMap<String, Seen> users = w.users();
        users.remove(p.userId()); // re-insert: the map's order is by each user's latest copy
        users.put(p.userId(), new Seen(p.commentId(), p.receivedAt(), p.newAccount()));
        Iterator<String> eldest = users.keySet().iterator();
        while (users.size() > tracked && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private void flag(
            Record<String, Probe> rec,
            Probe p,
            String rulesVersion,
            CopyRisk.Risk risk,
            String user,
            Seen seen,
            String why) {
        Flag f = Flags.behaviour(
                Flag.Kind.DUPLICATE_FLOOD,
                seen.commentId(),
                p.platform(),
                p.streamId(),
                seen.commentId(),
                user,
                p.text(),
                "spam",
                Severity.max(risk.severity(), Severity.MEDIUM),
                why,
                rulesVersion,
                seen.at(),
                clock.millis());
        ctx.forward(rec.withKey(f.flagId()).withValue(Finding.of(f)));
    }

    private void purge() {
        RateLimits limits = rules.current().ruleSet().rates();
        long keep = Math.max(
                limits.duplicateWindow().toMillis(), limits.campaignWindow().toMillis() / 4);
        long horizon = ctx.currentStreamTimeMs() - keep - StateStores.LATE_MS;
        expiry.purge(store, horizon, w -> w.newest <= horizon, PURGE_BATCH);
    }
}
