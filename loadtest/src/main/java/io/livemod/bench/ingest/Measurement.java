package io.livemod.bench.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Counts events acknowledged inside the measured window (after warm-up) and their time to ack.
 * Timing here is the benchmark's own, so it reads the JVM's monotonic clock directly.
 */
final class Measurement {
    private final long start;
    private final long end;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Recorder latency = new Recorder(3);

    Measurement(double warmupSeconds, double seconds) {
        this.start = System.nanoTime() + (long) (warmupSeconds * 1e9);
        this.end = start + (long) (seconds * 1e9);
    }

    boolean running() {
        return System.nanoTime() < end;
    }

    void acked(int n, long sentAtNanos) {
        long now = System.nanoTime();
        if (now < start || now > end) return;
        events.addAndGet(n);
        latency.recordValue(Math.max(1, (now - sentAtNanos) / 1000));
    }

    void failed() {
        failures.incrementAndGet();
    }

    Result result(String name) {
        var h = latency.getIntervalHistogram();
        double seconds = (end - start) / 1e9;
        return new Result(
                name,
                events.get() / seconds,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                failures.get());
    }

    record Result(String name, double eventsPerSecond, double p50Ms, double p99Ms, long failures) {
        String row() {
            return String.format(
                    "| %s | %,.0f | %s | %s | %d |", name, eventsPerSecond, ms(p50Ms), ms(p99Ms), failures);
        }

        private static String ms(double v) {
            return Double.isNaN(v) ? "–" : String.format("%.1f", v);
        }
    }
}
