package io.livemod.loadtest;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The end of a run's judgement (see {@link Oracle}): one pass over the comments, then the alerts. */
final class Judgement {
    private final Tally t;
    private final List<Episode> episodes;
    private final LoadConfig.Thresholds thresholds;
    private final String runId;
    private final boolean[] judged; // per episode: every comment accepted
    private final boolean[] flagged; // per episode: a flag of its own kind on one of its comments
    private final List<Signal.RuleRow> rows = new ArrayList<>();

    private final Predicate<String> flaggedByRules;

    Judgement(
            Tally t,
            List<Episode> episodes,
            LoadConfig.Thresholds thresholds,
            String runId,
            Predicate<String> flaggedByRules) {
        this.flaggedByRules = flaggedByRules;
        this.t = t;
        this.episodes = episodes;
        this.thresholds = thresholds;
        this.runId = runId;
        this.judged = new boolean[episodes.size()];
        this.flagged = new boolean[episodes.size()];
    }

    private static final int ANY_FLAG =
            Truth.KEYWORD | Truth.PATTERN | Tally.USER_FLOOD | Tally.DUPLICATE | Tally.CAMPAIGN | Tally.OTHER;
    /** Per-kind counts over accepted comments: [tp, fp, otherBad, fn]. */
    private final long[] keyword = new long[4],
            pattern = new long[4],
            flood = new long[4],
            duplicate = new long[4],
            campaign = new long[4],
            other = new long[4];

    Signal of(Collection<Oracle.SeenAlert> alerts, List<Oracle.SpikeFlag> spikeFlags, long unattributed) {
        int[] accepted = new int[episodes.size()];
        long benign = 0, benignFlags = 0, benignFlagged = 0, benignAboveLow = 0;
        for (int s = 1; s <= t.capacity && t.known(s); s++) {
            if (!t.isAcked(s)) continue;
            byte truth = t.truth[s], bits = t.flagBits[s];
            int ep = t.episode[s];
            if (ep >= 0) accepted[ep]++;
            expected(keyword, Truth.KEYWORD, t.expected[s], bits);
            expected(pattern, Truth.PATTERN, t.expected[s], bits);
            behaviour(flood, Tally.USER_FLOOD, Truth.FLOOD, truth, bits, ep);
            behaviour(duplicate, Tally.DUPLICATE, Truth.SPAM, truth, bits, -1);
            behaviour(campaign, Tally.CAMPAIGN, Truth.SPAM, truth, bits, ep);
            if ((bits & Tally.OTHER) != 0) other[truth == Truth.BENIGN ? 1 : 0]++;
            if (truth == Truth.BENIGN) {
                benign++;
                int n = Integer.bitCount(bits & ANY_FLAG);
                benignFlags += n;
                if (n > 0) benignFlagged++;
                if ((bits & Tally.ABOVE_LOW) != 0) benignAboveLow++;
            }
        }
        // Judged: every comment accepted, and a campaign only once it reached the spread that makes it one.
        for (Episode e : episodes)
            judged[e.id] = e.planned > 0
                    && accepted[e.id] == e.planned
                    && (e.kind != Episode.Kind.CAMPAIGN || e.reachSeq >= 0);
        Signal.Floods floods = floods();
        rows.add(Signal.RuleRow.of(
                "keyword",
                "flag",
                keyword[0],
                keyword[1],
                keyword[2],
                keyword[3],
                Signal.RuleRow.recall(keyword[0], keyword[0] + keyword[3])));
        rows.add(Signal.RuleRow.of(
                "pattern",
                "flag",
                pattern[0],
                pattern[1],
                pattern[2],
                pattern[3],
                Signal.RuleRow.recall(pattern[0], pattern[0] + pattern[3])));
        rows.add(Signal.RuleRow.of(
                "user_flood",
                "flag",
                flood[0],
                flood[1],
                flood[2],
                floods.injected() - floods.flagged(),
                Signal.RuleRow.recall(floods.flagged(), floods.injected())));
        rows.add(Signal.RuleRow.of("duplicate_flood", "flag", duplicate[0], duplicate[1], duplicate[2], 0, null));
        long campaigns = judgedCampaigns(), withFlag = campaignsWithFlag();
        rows.add(Signal.RuleRow.of(
                "campaign",
                "flag",
                campaign[0],
                campaign[1],
                campaign[2],
                campaigns - withFlag,
                Signal.RuleRow.recall(withFlag, campaigns)));
        Alerts a = new Alerts(t, runId, episodes, judged, thresholds, flaggedByRules);
        a.judge(alerts, spikeFlags);
        rows.addAll(a.rows(campaigns));
        if (other[0] + other[1] > 0) rows.add(Signal.RuleRow.of("other", "flag", other[0], other[1], 0, 0, null));
        return new Signal(
                List.copyOf(rows),
                benign,
                benignFlags,
                benignFlagged,
                benignAboveLow,
                Map.of(),
                a.benignAlerts(),
                a.benignExamples(),
                a.byKindSeverity(),
                a.campaigns(),
                floods,
                a.unjudged() + unattributed);
    }

    private static void expected(long[] c, byte kind, byte expected, byte bits) {
        boolean want = (expected & kind) != 0, got = (bits & kind) != 0;
        if (want && got) c[0]++;
        else if (got) c[1]++;
        else if (want) c[3]++;
    }

    /** A behaviour flag: right on its own kind of injected comment, wrong on benign, other-bad elsewhere. */
    private void behaviour(long[] c, byte bit, byte target, byte truth, byte bits, int episode) {
        if ((bits & bit) == 0) return;
        if (truth == target) {
            c[0]++;
            if (episode >= 0) flagged[episode] |= bitOf(episodes.get(episode)) == bit;
        } else {
            c[truth == Truth.BENIGN ? 1 : 2]++;
        }
    }

    private static byte bitOf(Episode e) {
        return e.kind == Episode.Kind.FLOOD ? Tally.USER_FLOOD : Tally.CAMPAIGN;
    }

    private Signal.Floods floods() {
        long injected = 0, hit = 0, notJudged = 0;
        for (Episode e : episodes) {
            if (e.kind != Episode.Kind.FLOOD) continue;
            if (!judged[e.id]) notJudged++;
            else {
                injected++;
                if (flagged[e.id]) hit++;
            }
        }
        return new Signal.Floods(injected, hit, notJudged);
    }

    private long judgedCampaigns() {
        return episodes.stream()
                .filter(e -> e.kind == Episode.Kind.CAMPAIGN && judged[e.id])
                .count();
    }

    private long campaignsWithFlag() {
        return episodes.stream()
                .filter(e -> e.kind == Episode.Kind.CAMPAIGN && judged[e.id] && flagged[e.id])
                .count();
    }

    static Map<String, Map<String, Long>> sorted(Map<String, Map<String, Long>> m) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    static long percentile(long[] values, double p) {
        if (values.length == 0) return 0;
        long[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.ceil(p * v.length) - 1)];
    }

    static List<Long> seqs(Alert a, String runId, Tally t) {
        List<Long> out = new ArrayList<>();
        for (Flag f : a.samples()) {
            long s = TrafficPlan.seqOf(runId, f.commentId());
            if (t.known(s)) out.add(s);
        }
        return out;
    }
}
