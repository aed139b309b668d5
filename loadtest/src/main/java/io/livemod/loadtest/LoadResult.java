package io.livemod.loadtest;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run found: offered and accepted rates, latency percentiles, the no-loss and
 * exactly-once checks, and a per-second series for the plots.
 */
public record LoadResult(String runId, LoadConfig config, long sent, long accepted, long throttled, long unavailable,
                         long failed, long generatorDropped, double acceptedPerSecond,
                         Percentiles ackMillis, Percentiles endToEndMillis, Percentiles liveFeedMillis, String liveFeedProblem,
                         long violationsExpected, long violationsFlaggedOnce, long violationsMissed, long violationsFlaggedTwice,
                         long unexpectedFlags, long lostComments, long duplicatedComments, List<Point> series) {

    public record Percentiles(double p50, double p99, double p999, double max, long count) {
        static Percentiles of(Histogram h, double scale) {
            return new Percentiles(h.getValueAtPercentile(50) / scale, h.getValueAtPercentile(99) / scale,
                    h.getValueAtPercentile(99.9) / scale, h.getMaxValue() / scale, h.getTotalCount());
        }
    }

    /** One second of the run: accepted events, ack p99 (ms), end-to-end p99 (ms). */
    public record Point(int second, long accepted, double ackP99, double e2eP99) {}

    /** Passed: nothing lost, nothing duplicated, every accepted violation flagged exactly once. */
    public boolean clean() {
        return lostComments == 0 && duplicatedComments == 0 && violationsMissed == 0 && violationsFlaggedTwice == 0;
    }

    static LoadResult of(LoadConfig c, String runId, Tally t, int seconds) {
        long expected = 0, once = 0, missed = 0, twice = 0, unexpected = 0, lost = 0, dup = 0;
        for (int seq = 1; seq <= t.capacity; seq++) {
            if (!t.isAcked(seq)) continue;
            long stored = t.stored.get(seq);
            if (stored == 0) lost++;
            if (stored > 1) dup++;
            long flags = t.flagged.get(seq);
            int want = t.expectedFlags(seq);
            if (want > 0) {
                // "Once" is per kind: a comment with a keyword and a phone number has two flags.
                expected++;
                if (flags < want) missed++;
                else if (flags == want) once++;
                else twice++;
            } else if (flags > 0) {
                unexpected++;
            }
        }
        List<Point> series = new ArrayList<>();
        for (int s = 0; s < t.seconds.size() - 1; s++) {
            Tally.Second sec = t.seconds.get(s);
            Histogram ack = sec.ack.getIntervalHistogram();
            Histogram e2e = sec.e2e.getIntervalHistogram();
            series.add(new Point(s, sec.accepted.get(), ack.getValueAtPercentile(99) / 1000.0, e2e.getValueAtPercentile(99)));
        }
        long measuredAccepted = series.stream().skip(c.warmup().toSeconds()).mapToLong(Point::accepted).sum();
        double rate = measuredAccepted / (double) Math.max(1, c.duration().toSeconds());
        return new LoadResult(runId, c, t.sent.get(), t.accepted.get(), t.throttled.get(), t.unavailable.get(), t.failed.get(),
                t.generatorDropped.get(), rate, Percentiles.of(t.ackMicros, 1000.0), Percentiles.of(t.e2eMillis, 1.0),
                Percentiles.of(t.liveFeedMillis, 1.0), t.liveFeedProblem,
                expected, once, missed, twice, unexpected, lost, dup, series);
    }

    public String summary() {
        return String.format("""
                run %s against %s
                  offered        %d comments/s for %d s (%d sent, %d dropped by the generator's in-flight cap)
                  accepted       %.0f comments/s (%d in all; throttled %d, unavailable %d, failed %d)
                  time to ack    p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms
                  end to end     p50 %.0f ms  p99 %.0f ms  p99.9 %.0f ms  max %.0f ms  (send → flag on the flags topic, %d flags)
                  live feed      %s
                  violations     %d accepted, %d flagged once, %d missed, %d flagged twice; %d other comments flagged
                  no loss        %d accepted comments missing from Kafka, %d stored twice
                  verdict        %s""",
                runId, config.target(), config.rate(), config.duration().toSeconds(), sent, generatorDropped,
                acceptedPerSecond, accepted, throttled, unavailable, failed,
                ackMillis.p50(), ackMillis.p99(), ackMillis.p999(), ackMillis.max(),
                endToEndMillis.p50(), endToEndMillis.p99(), endToEndMillis.p999(), endToEndMillis.max(), endToEndMillis.count(),
                liveFeedProblem != null ? "not measured: " + liveFeedProblem
                        : String.format("p50 %.0f ms  p99 %.0f ms  p99.9 %.0f ms  max %.0f ms  (send → flag on the moderators' SSE feed, %d flags)",
                        liveFeedMillis.p50(), liveFeedMillis.p99(), liveFeedMillis.p999(), liveFeedMillis.max(), liveFeedMillis.count()),
                violationsExpected, violationsFlaggedOnce, violationsMissed, violationsFlaggedTwice, unexpectedFlags,
                lostComments, duplicatedComments,
                clean() ? "CLEAN: nothing lost, nothing duplicated, every violation flagged once" : "PROBLEMS: see the counts above");
    }
}
