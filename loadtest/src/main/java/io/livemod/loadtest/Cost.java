package io.livemod.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator itself cost over the measured window: this JVM's CPU time (user + system, every
 * thread: sending, encoding, the Kafka taps, the live-feed tap, GC and JIT) per comment sent, where it
 * went by thread group (what Java threads do not account for is the JVM's own: GC, JIT), and the
 * machine's load average, which says how much else ran beside it.
 */
public record Cost(
        long cpuNanos,
        long comments,
        double seconds,
        double loadAverageStart,
        double loadAverageEnd,
        int cores,
        Map<String, Double> microsPerCommentByThread) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public double microsPerComment() {
        return comments == 0 ? 0 : cpuNanos / 1000.0 / comments;
    }

    /** The share of one core the generator used. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public double coresUsed() {
        return seconds == 0 ? 0 : cpuNanos / 1e9 / seconds;
    }

    /** A reading taken at the start of the window. */
    record Mark(
            long cpuNanos,
            long nanoTime,
            double loadAverage,
            Map<Long, Long> threadNanos,
            Map<Long, String> threadNames,
            long jitMillis,
            long gcMillis) {
        static Mark now() {
            Map<Long, Long> cpu = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) continue;
                long ns = threads.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) cpu.put(t.getThreadId(), ns);
                names.put(t.getThreadId(), t.getThreadName());
            }
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(b -> Math.max(0, b.getCollectionTime()))
                    .sum();
            return new Mark(
                    processCpuNanos(),
                    System.nanoTime(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    cpu,
                    names,
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                    gc);
        }

        Cost until(long comments) {
            Mark end = now();
            long total = end.cpuNanos - cpuNanos;
            Map<String, Double> byGroup = new TreeMap<>();
            long javaThreads = 0;
            for (Map.Entry<Long, Long> e : end.threadNanos.entrySet()) {
                long used = e.getValue() - threadNanos.getOrDefault(e.getKey(), 0L);
                javaThreads += used;
                byGroup.merge(group(end.threadNames.get(e.getKey())), perComment(used, comments), Double::sum);
            }
            // The JVM's own threads are not Java threads: what the process used beyond them. JIT and GC
            // report elapsed milliseconds, an upper bound of their CPU on a loaded machine, shown beside it.
            byGroup.merge(
                    "JVM threads (GC, JIT) and exited ones",
                    perComment(Math.max(0, total - javaThreads), comments),
                    Double::sum);
            byGroup.put(
                    "(of which JIT compiling, elapsed)", perComment((end.jitMillis - jitMillis) * 1_000_000, comments));
            byGroup.put("(of which GC, elapsed)", perComment((end.gcMillis - gcMillis) * 1_000_000, comments));
            byGroup.values().removeIf(v -> v < 0.05);
            return new Cost(
                    total,
                    comments,
                    (end.nanoTime - nanoTime) / 1e9,
                    loadAverage,
                    end.loadAverage,
                    Runtime.getRuntime().availableProcessors(),
                    byGroup);
        }

        private static double perComment(long nanos, long comments) {
            return comments == 0 ? 0 : Math.round(nanos / 100.0 / comments) / 10.0;
        }

        /** Thread names without their numbers: "vert.x-eventloop-thread-3" → "vert.x-eventloop-thread". */
        private static String group(String name) {
            return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "");
        }
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            return os.getProcessCpuTime();
        throw new IllegalStateException("this JVM does not report process CPU time");
    }

    public String summary() {
        return String.format(
                "%.1f µs of CPU per comment (%.2f s of process CPU for %d comments in %.0f s, %.2f cores; load average %.1f → %.1f on %d cores)%n"
                        + "                 by thread, µs/comment: %s",
                microsPerComment(),
                cpuNanos / 1e9,
                comments,
                seconds,
                coresUsed(),
                loadAverageStart,
                loadAverageEnd,
                cores,
                microsPerCommentByThread);
    }
}
