package io.livemod.loadtest;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Judges a run's alerts (see {@link Oracle}): an alert is right when one of its sample flags is on an
 * injected comment, wrong when all are on benign chat. Campaign alerts find their campaign through
 * the samples; a campaign alert whose samples are all another run's (the same text was said in an
 * earlier run's streams on this stack within the campaign window, and this run's streams joined it)
 * is judged by its text: a campaign's of this run, or one the rules flag, is right; else it is
 * benign chat. Spike flags are judged as their alert. Anything else without a sample of this run
 * is unjudged.
 */
final class Alerts {
    private final Tally t;
    private final String runId;
    private final List<Episode> episodes;
    private final boolean[] judged;
    private final LoadConfig.Thresholds thresholds;
    private final Map<String, long[]> byKind = new TreeMap<>(); // kind → [tp, fp]
    private final Map<String, Map<String, Long>> bySeverity = new TreeMap<>();
    private final Map<Integer, Long> campaignAlertAt = new HashMap<>(); // episode → first alert seen
    private final long[] spikeFlags = new long[2];
    private final List<String> benignExamples = new ArrayList<>();
    private final Predicate<String> flaggedByRules;
    private long benign, unjudged;

    Alerts(
            Tally t,
            String runId,
            List<Episode> episodes,
            boolean[] judged,
            LoadConfig.Thresholds thresholds,
            Predicate<String> flaggedByRules) {
        this.t = t;
        this.runId = runId;
        this.episodes = episodes;
        this.judged = judged;
        this.thresholds = thresholds;
        this.flaggedByRules = flaggedByRules;
    }

    void judge(Collection<Oracle.SeenAlert> alerts, List<Oracle.SpikeFlag> spikes) {
        Map<String, Boolean> spikeVerdict = new HashMap<>();
        for (Oracle.SeenAlert seen : alerts) {
            Alert a = seen.latest();
            bySeverity
                    .computeIfAbsent(a.kind().wire(), k -> new TreeMap<>())
                    .merge(seen.highest().wire(), 1L, Long::sum);
            List<Long> seqs = Judgement.seqs(a, runId, t);
            if (seqs.isEmpty() && a.kind() == Alert.Kind.CAMPAIGN) {
                judgeByText(a, seen.firstSeen());
                continue;
            }
            if (seqs.isEmpty()) {
                unjudged++;
                continue;
            }
            boolean bad = false;
            for (long s : seqs) {
                byte truth = t.truth[(int) s];
                bad |= truth != Truth.BENIGN;
                int ep = t.episode[(int) s];
                if (a.kind() == Alert.Kind.CAMPAIGN && truth == Truth.SPAM && ep >= 0)
                    campaignAlertAt.merge(ep, seen.firstSeen(), Math::min);
            }
            byKind.computeIfAbsent(a.kind().wire(), k -> new long[2])[bad ? 0 : 1]++;
            if (!bad) benign(a);
            if (a.kind() == Alert.Kind.STREAM_SPIKE)
                spikeVerdict.put(spikeKey(a.platform(), a.streamId(), a.firstSeen()), bad);
        }
        for (Oracle.SpikeFlag f : spikes) {
            Boolean bad = spikeVerdict.get(spikeKey(f.platform(), f.streamId(), f.receivedAt()));
            if (bad == null) unjudged++;
            else spikeFlags[bad ? 0 : 1]++;
        }
    }

    /** A campaign alert with no sample of this run, judged by the text its summary quotes. */
    private void judgeByText(Alert a, long firstSeen) {
        String summary = a.summary() == null ? "" : a.summary();
        int open = summary.lastIndexOf(": \""), close = summary.lastIndexOf('"');
        if (open < 0 || close <= open + 3) {
            unjudged++;
            return;
        }
        String quoted = summary.substring(open + 3, close);
        String prefix = quoted.endsWith("...") ? quoted.substring(0, quoted.length() - 3) : null;
        boolean bad = false;
        for (Episode e : episodes) {
            if (e.kind != Episode.Kind.CAMPAIGN
                    || !(prefix == null ? e.text.equals(quoted) : e.text.startsWith(prefix))) continue;
            bad = true;
            campaignAlertAt.merge(e.id, firstSeen, Math::min);
        }
        bad |= flaggedByRules.test(quoted);
        byKind.computeIfAbsent(a.kind().wire(), k -> new long[2])[bad ? 0 : 1]++;
        if (!bad) benign(a);
    }

    /** An alert on benign chat: counted, and the first few shown. */
    private void benign(Alert a) {
        benign++;
        if (benignExamples.size() < EXAMPLES)
            benignExamples.add(a.kind().wire() + " ("
                    + (a.severity() == null ? null : a.severity().wire()) + "): " + a.summary());
    }

    static final int EXAMPLES = 10;

    List<String> benignExamples() {
        return List.copyOf(benignExamples);
    }

    private static String spikeKey(String platform, String stream, long at) {
        return platform + "|" + stream + "|" + at;
    }

    /** The alert rows (and the spike-flag row), campaign recall against {@code campaigns} judged campaigns. */
    List<Signal.RuleRow> rows(long campaigns) {
        List<Signal.RuleRow> rows = new ArrayList<>();
        if (spikeFlags[0] + spikeFlags[1] > 0)
            rows.add(
                    Signal.RuleRow.of(Flag.Kind.STREAM_SPIKE.wire(), "flag", spikeFlags[0], spikeFlags[1], 0, 0, null));
        Set<String> kinds = new HashSet<>(byKind.keySet());
        kinds.add(Alert.Kind.CAMPAIGN.wire());
        for (String kind : kinds.stream().sorted().toList()) {
            long[] c = byKind.getOrDefault(kind, new long[2]);
            boolean campaign = Alert.Kind.CAMPAIGN.wire().equals(kind);
            long alerted = campaignsAlerted();
            rows.add(Signal.RuleRow.of(
                    kind,
                    "alert",
                    c[0],
                    c[1],
                    0,
                    campaign ? campaigns - alerted : 0,
                    campaign ? Signal.RuleRow.recall(alerted, campaigns) : null));
        }
        return rows;
    }

    private long campaignsAlerted() {
        return campaignAlertAt.keySet().stream().filter(ep -> judged[ep]).count();
    }

    Signal.Campaigns campaigns() {
        long within = thresholds.campaignAlertWithin().toMillis();
        long injected = 0, alerted = 0, inTime = 0, notJudged = 0;
        List<Long> latencies = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Episode e : episodes) {
            if (e.kind != Episode.Kind.CAMPAIGN) continue;
            if (!judged[e.id] || e.reachSeq < 0) {
                notJudged++;
                continue;
            }
            injected++;
            Long at = campaignAlertAt.get(e.id);
            if (at == null && missed.size() < EXAMPLES)
                missed.add(e.text + " (" + e.streams() + " streams, " + e.platforms() + " platforms)");
            if (at == null) continue;
            alerted++;
            long latency = Math.max(0, at - t.intendedAt[(int) e.reachSeq]);
            latencies.add(latency);
            if (latency <= within) inTime++;
        }
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Signal.Campaigns(
                injected,
                alerted,
                inTime,
                within,
                Judgement.percentile(l, 0.5),
                l.length == 0 ? 0 : java.util.Arrays.stream(l).max().getAsLong(),
                notJudged,
                List.copyOf(missed));
    }

    long benignAlerts() {
        return benign;
    }

    long unjudged() {
        return unjudged;
    }

    Map<String, Map<String, Long>> byKindSeverity() {
        return Judgement.sorted(bySeverity);
    }
}
