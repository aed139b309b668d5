package io.livemod.gateway.ministry;

import io.livemod.gateway.ministry.store.ProjectionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a period [from, to): flags by platform and category, decisions by platform and
 * action, the median time from a flag's detection to its decision, and the takedowns requested in
 * the period with how many were done within their 24-hour deadline, and the matches of registered
 * false claims per claim and platform. Reads may block.
 */
public final class SummaryReport {
    private final ProjectionStore store;
    private final TakedownBook takedowns;

    public SummaryReport(ProjectionStore store, TakedownBook takedowns) {
        this.store = store;
        this.takedowns = takedowns;
    }

    public record TakedownCounts(
            long requested, long done, long doneWithinDeadline, long doneLate, long open, long overdue) {}

    public record Report(
            String from,
            String to,
            long flags,
            Map<String, Map<String, Long>> flagsByPlatform,
            long decisions,
            Map<String, Map<String, Long>> decisionsByPlatform,
            Double medianSecondsToDecision,
            TakedownCounts takedowns,
            long falseClaimMatches,
            Map<String, Map<String, Long>> falseClaimsByClaim) {}

    public Report compute(long from, long to, long now) {
        Map<String, Map<String, Long>> flags = new TreeMap<>();
        long flagCount = countBy(ReportProjection.FLAGS, from, to, flags);
        Map<String, Map<String, Long>> decisions = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String m : store.rangeByTime(ReportProjection.DECISIONS, from, to)) {
            String[] p = m.split(String.valueOf(ReportProjection.SEP), -1);
            decisions.computeIfAbsent(p[2], k -> new TreeMap<>()).merge(p[3], 1L, Long::sum);
            rows.add(p);
        }
        Map<String, String> detected = store.getAll(
                ReportProjection.FLAG_DETECTED,
                rows.stream().map(p -> p[1]).distinct().toList());
        List<Long> latencies = new ArrayList<>();
        for (String[] p : rows) {
            String d = detected.get(p[1]);
            if (d != null) latencies.add(Math.max(0, Long.parseLong(p[4]) - Long.parseLong(d)));
        }
        Map<String, Map<String, Long>> claims = new TreeMap<>();
        long claimCount = countBy(ReportProjection.CLAIM_FLAGS, from, to, claims);
        return new Report(
                CapFeed.time(from),
                CapFeed.time(to),
                flagCount,
                flags,
                rows.size(),
                decisions,
                median(latencies),
                takedownCounts(from, to, now),
                claimCount,
                claims);
    }

    /** Counts members of a timed set (id, key, subkey, ...) into key → subkey → count; returns how many. */
    private long countBy(String set, long from, long to, Map<String, Map<String, Long>> out) {
        long n = 0;
        for (String m : store.rangeByTime(set, from, to)) {
            String[] p = m.split(String.valueOf(ReportProjection.SEP), -1);
            out.computeIfAbsent(p[1], k -> new TreeMap<>()).merge(p[2], 1L, Long::sum);
            n++;
        }
        return n;
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) return null;
        List<Long> s = values.stream().sorted().toList();
        int n = s.size();
        double ms = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
        return ms / 1000.0;
    }

    private TakedownCounts takedownCounts(long from, long to, long now) {
        long requested = 0, done = 0, within = 0, late = 0, open = 0, overdue = 0;
        for (Takedown t : takedowns.all(null)) {
            if (t.requestedAt() < from || t.requestedAt() >= to) continue;
            requested++;
            switch (t.status(now)) {
                case Takedown.DONE -> {
                    done++;
                    if (t.late()) late++;
                    else within++;
                }
                case Takedown.OVERDUE -> overdue++;
                default -> open++;
            }
        }
        return new TakedownCounts(requested, done, within, late, open, overdue);
    }
}
