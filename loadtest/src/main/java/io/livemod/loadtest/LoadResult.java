package io.livemod.loadtest;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a run found: offered and accepted rates, latency percentiles, the no-loss and
 * exactly-once checks, the oracle's {@link Signal} (per-rule table, benign flag rate, alerts),
 * what the generator cost, the verdict, and a per-second series for the plots.
 */
public record LoadResult(
        String runId,
        LoadConfig config,
        long sent,
        long accepted,
        long throttled,
        long unavailable,
        long failed,
        long generatorDropped,
        double acceptedPerSecond,
        Percentiles ackMillis,
        Percentiles endToEndMillis,
        Percentiles liveFeedMillis,
        String liveFeedProblem,
        long violationsExpected,
        long violationsFlaggedOnce,
        long violationsMissed,
        long violationsFlaggedTwice,
        long unexpectedFlags,
        long lostComments,
        long duplicatedComments,
        Signal signal,
        Cost cost,
        List<String> failures,
        List<Point> series) {

    public record Percentiles(double p50, double p99, double p999, double max, long count) {
        static Percentiles of(Histogram h, double scale) {
            return new Percentiles(
                    h.getValueAtPercentile(50) / scale,
                    h.getValueAtPercentile(99) / scale,
                    h.getValueAtPercentile(99.9) / scale,
                    h.getMaxValue() / scale,
                    h.getTotalCount());
        }
    }

    /** One second of the run: accepted events, ack p99 (ms), end-to-end p99 (ms). */
    public record Point(int second, long accepted, double ackP99, double e2eP99) {}

    /** Delivered: nothing lost, nothing duplicated, every accepted violation flagged exactly once. */
    public boolean clean() {
        return lostComments == 0 && duplicatedComments == 0 && violationsMissed == 0 && violationsFlaggedTwice == 0;
    }

    /** The verdict: delivered, and the pipeline's judgement within the thresholds (see {@link Verdict}). */
    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean passed() {
        return failures.isEmpty();
    }

    static LoadResult of(LoadConfig c, String runId, Tally t, int seconds, Signal signal, Cost cost) {
        long expected = 0, once = 0, missed = 0, twice = 0, unexpected = 0, lost = 0, dup = 0;
        byte words = Truth.KEYWORD | Truth.PATTERN;
        for (int seq = 1; seq <= t.capacity && t.known(seq); seq++) {
            if (!t.isAcked(seq)) continue;
            int stored = t.stored[seq];
            if (stored == 0) lost++;
            if (stored > 1) dup++;
            byte got = (byte) (t.flagBits[seq] & words), want = t.expected[seq];
            if (want != 0) {
                // "Once" is per kind: a comment with a keyword and a phone number has two flags.
                expected++;
                if ((got & want) != want) missed++;
                else if ((t.flagBits[seq] & Tally.TWICE) != 0) twice++;
                else once++;
            }
            if ((got & ~want) != 0) unexpected++;
        }
        List<Point> series = new ArrayList<>();
        for (int s = 0; s < t.seconds.size() - 1; s++) {
            Tally.Second sec = t.seconds.get(s);
            Histogram ack = sec.ack.getIntervalHistogram();
            Histogram e2e = sec.e2e.getIntervalHistogram();
            series.add(new Point(
                    s, sec.accepted.get(), ack.getValueAtPercentile(99) / 1000.0, e2e.getValueAtPercentile(99)));
        }
        long measuredAccepted = series.stream()
                .skip(c.warmup().toSeconds())
                .mapToLong(Point::accepted)
                .sum();
        double rate = measuredAccepted / (double) Math.max(1, c.duration().toSeconds());
        List<String> failures = Verdict.failures(lost, dup, missed, twice, signal, c.thresholds());
        return new LoadResult(
                runId,
                c,
                t.sent.get(),
                t.accepted.get(),
                t.throttled.get(),
                t.unavailable.get(),
                t.failed.get(),
                t.generatorDropped.get(),
                rate,
                Percentiles.of(t.ackMicros, 1000.0),
                Percentiles.of(t.e2eMillis, 1.0),
                Percentiles.of(t.liveFeedMillis, 1.0),
                t.liveFeedProblem,
                expected,
                once,
                missed,
                twice,
                unexpected,
                lost,
                dup,
                signal,
                cost,
                failures,
                series);
    }

    private double megaLiveShare() {
        return 100 * new Zipf(config.platforms().size() * config.streamsPerPlatform(), config.zipf()).share(0);
    }

    public String summary() {
        return String.format(
                """
                run %s against %s
                  offered        %d comments/s for %d s (%d sent, %d dropped by the generator's in-flight cap)
                  accepted       %.0f comments/s (%d in all; throttled %d, unavailable %d, failed %d)
                  time to ack    p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms
                  end to end     p50 %.0f ms  p99 %.0f ms  p99.9 %.0f ms  max %.0f ms  (send → flag on the flags topic, %d flags)
                  live feed      %s
                  traffic        %s, %d streams (mega-live %.0f%% of comments), %d user floods and %d spam campaigns injected
                  violations     %d accepted, %d flagged once, %d missed, %d flagged twice; %d others got a keyword/pattern flag
                  no loss        %d accepted comments missing from Kafka, %d stored twice
                  generator CPU  %s
                signal (every flag and alert of the run judged against what each comment is)
                %s
                  verdict        %s""",
                runId,
                config.target(),
                config.rate(),
                config.duration().toSeconds(),
                sent,
                generatorDropped,
                acceptedPerSecond,
                accepted,
                throttled,
                unavailable,
                failed,
                ackMillis.p50(),
                ackMillis.p99(),
                ackMillis.p999(),
                ackMillis.max(),
                endToEndMillis.p50(),
                endToEndMillis.p99(),
                endToEndMillis.p999(),
                endToEndMillis.max(),
                endToEndMillis.count(),
                liveFeedProblem != null
                        ? "not measured: " + liveFeedProblem
                        : String.format(
                                "p50 %.0f ms  p99 %.0f ms  p99.9 %.0f ms  max %.0f ms  (send → flag on the moderators' SSE feed, %d flags)",
                                liveFeedMillis.p50(),
                                liveFeedMillis.p99(),
                                liveFeedMillis.p999(),
                                liveFeedMillis.max(),
                                liveFeedMillis.count()),
                config.traffic().mode().name().toLowerCase(java.util.Locale.ROOT),
                config.platforms().size() * config.streamsPerPlatform(),
                megaLiveShare(),
                signal.floods().injected() + signal.floods().notJudged(),
                signal.campaigns().injected() + signal.campaigns().notJudged(),
                violationsExpected,
                violationsFlaggedOnce,
                violationsMissed,
                violationsFlaggedTwice,
                unexpectedFlags,
                lostComments,
                duplicatedComments,
                cost.summary(),
                signal.table(),
                passed()
                        ? "PASSED: nothing lost or duplicated, violations flagged once, benign chat and spam judged within the thresholds"
                        : "FAILED: " + String.join("; ", failures));
    }
}
