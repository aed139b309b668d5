package io.livemod.loadtest;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Counts every flag and alert of a run against what the generator knows each comment to be, at the
 * level of episodes, so the judgement does not depend on how a rule works inside:
 * <ul>
 *   <li>keyword/pattern flags: expected from the active rule set, per comment and kind;</li>
 *   <li>user_flood: right on a comment of an injected flood, wrong on benign chat; a flood without one is a miss;</li>
 *   <li>duplicate_flood and campaign: right on a copy of an injected spam campaign, wrong on benign chat;</li>
 *   <li>alerts: right when their sample flags are on injected comments, wrong when all are on benign
 *       chat; a campaign without a campaign alert is a miss, timed from the copy that made it reach
 *       3 streams or 2 platforms to the alert's first appearance on the alerts topic;</li>
 *   <li>stream_spike flags: judged as the spike alert raised with them.</li>
 * </ul>
 * A behaviour flag on an injected comment of another kind (a duplicate_flood on a violation) is
 * "other-bad": not benign, not what the rule is for, and not counted for or against it.
 * The flags tap calls {@link #flag}; the alerts tap {@link #alert}; {@link #judge} runs at the end.
 */
public final class Oracle {
    private final String runId;
    private final Tally tally;
    private final byte[] runBytes;
    private final Map<String, RawAlert> alerts = new HashMap<>();
    private final List<SpikeFlag> spikeFlags = new ArrayList<>();
    private long unattributed;

    /** An alert id: its latest record, when it first appeared, its highest severity. */
    record SeenAlert(Alert latest, long firstSeen, Severity highest) {}

    /** As seen during the run: the latest record kept encoded, parsed once at the end. */
    @SuppressWarnings(
            "ArrayRecordComponent") // the record as received, parsed once at the end; never compared with equals
    private record RawAlert(byte[] latest, long firstSeen, Severity highest) {}

    private static final byte[] ALERT_ID = JsonScan.key("alertId"), SEVERITY = JsonScan.key("severity");

    record SpikeFlag(String platform, String streamId, long receivedAt) {}

    private final Predicate<String> flaggedByRules;

    /** @param flaggedByRules whether the active rule set flags a text (to judge a campaign alert by its text) */
    public Oracle(String runId, Tally tally, Predicate<String> flaggedByRules) {
        this.flaggedByRules = flaggedByRules;
        this.runId = runId;
        this.tally = tally;
        this.runBytes = runId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A flag on one of this run's comments (flags tap thread). */
    void flag(long seq, String kind, String severity) {
        flag(seq, kind, severity, () -> null);
    }

    /**
     * A flag on one of this run's comments (flags tap thread); {@code text} reads the flagged text,
     * asked only for the first few flags of each kind on benign chat, which the report shows.
     */
    void flag(long seq, String kind, String severity, Supplier<String> text) {
        if (!tally.known(seq) || kind == null) return;
        if (tally.truth[(int) seq] == Truth.BENIGN) benignExample(kind, severity, text);
        int s = (int) seq;
        byte bit =
                switch (kind) {
                    case "keyword" -> Truth.KEYWORD;
                    case "pattern" -> Truth.PATTERN;
                    case "user_flood" -> Tally.USER_FLOOD;
                    case "duplicate_flood" -> Tally.DUPLICATE;
                    case "campaign" -> Tally.CAMPAIGN;
                    default -> Tally.OTHER;
                };
        if ((bit == Truth.KEYWORD || bit == Truth.PATTERN) && (tally.flagBits[s] & bit) != 0)
            tally.flagBits[s] |= Tally.TWICE;
        tally.flagBits[s] |= bit;
        if (severity != null && !"low".equals(severity)) tally.flagBits[s] |= Tally.ABOVE_LOW;
    }

    private void benignExample(String kind, String severity, Supplier<String> text) {
        List<String> examples = benignFlagTexts.get(kind);
        if (examples != null && examples.size() >= FLAG_EXAMPLES) return;
        String t = text.get();
        if (t == null) return;
        String shown = t + " (" + severity + ")";
        if (examples == null) {
            examples = new ArrayList<>();
            benignFlagTexts.put(kind, examples);
        }
        if (!examples.contains(shown)) examples.add(shown);
    }

    static final int FLAG_EXAMPLES = 5;
    /** Kind → the first flagged benign texts (flags tap thread; read after the tap stopped). */
    private final Map<String, List<String>> benignFlagTexts = new TreeMap<>();

    /** A flag about a stream of this run rather than a comment (a stream spike). */
    synchronized void streamFlag(Flag f) {
        if (f.kind() == Flag.Kind.STREAM_SPIKE)
            spikeFlags.add(new SpikeFlag(f.platform(), f.streamId(), f.receivedAt()));
        else unattributed++;
    }

    /**
     * An alert record of any run, as the alerts tap reads it: kept (encoded) when it names this run
     * (its streams and comment ids carry the run id); only its id and severity are read now.
     */
    synchronized void alert(JsonScan record, long seenAt) {
        if (!record.contains(runBytes)) return;
        String id = record.string(ALERT_ID);
        String severity = record.string(SEVERITY);
        if (id == null) return;
        Severity sev = severity == null ? Severity.LOW : Severity.fromWire(severity);
        byte[] bytes = record.bytes();
        alerts.merge(
                id,
                new RawAlert(bytes, seenAt, sev),
                (old, now) -> new RawAlert(bytes, old.firstSeen(), Severity.max(old.highest(), sev)));
    }

    void alert(Alert a, long seenAt) {
        alert(JsonScan.of(io.livemod.event.Json.bytes(a)), seenAt);
    }

    private boolean belongs(Alert a) {
        if (a.streamId() != null && a.streamId().contains(runId)) return true;
        for (String s : a.streams()) if (s.contains(runId)) return true;
        for (Flag f : a.samples()) if (TrafficPlan.seqOf(runId, f.commentId()) > 0) return true;
        return false;
    }

    /** Records alert-like events seen (for the run's wait for the pipeline to go quiet). */
    synchronized int alertsSeen() {
        return alerts.size();
    }

    synchronized Signal judge(List<Episode> episodes, LoadConfig.Thresholds thresholds) {
        List<SeenAlert> seen = new ArrayList<>(alerts.size());
        for (RawAlert r : alerts.values()) {
            Alert a = io.livemod.event.Json.read(r.latest(), Alert.class);
            if (belongs(a)) seen.add(new SeenAlert(a, r.firstSeen(), r.highest()));
        }
        Signal s = new Judgement(tally, episodes, thresholds, runId, flaggedByRules).of(seen, spikeFlags, unattributed);
        return s.withBenignFlagExamples(Map.copyOf(benignFlagTexts));
    }
}
