package io.livemod.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time spent while the topology works off its backlog, per comment: for the whole process
 * (broker, Streams, their producers, JIT and GC) and for the stream threads alone. On a shared
 * 2-core machine wall-clock throughput moves ±15% between runs of the same code; CPU per comment
 * moves much less and is the figure to compare changes by.
 */
final class CpuMeter {
    private static final String STREAM_THREAD = "StreamThread";
    private final long process0;
    private final Map<Long, Long> threads0;

    private CpuMeter(long process0, Map<Long, Long> threads0) {
        this.process0 = process0;
        this.threads0 = threads0;
    }

    static CpuMeter start() {
        return new CpuMeter(processCpuNanos(), streamThreadCpu());
    }

    String perItem(long n) {
        long process = processCpuNanos() - process0;
        long streams = 0;
        for (var e : streamThreadCpu().entrySet()) streams += e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
        return String.format(
                Locale.ROOT,
                "cpu: %.1f µs/comment for the process, %.1f µs/comment in stream threads",
                process / 1e3 / n,
                streams / 1e3 / n);
    }

    /**
     * CPU ticks per thread group of this process since {@link #threadGroups()} was last taken, from
     * /proc (JIT compiler and GC threads included, which the JVM's thread bean does not list): thread
     * names with their digits folded, as ops/scripts/thread-cpu.py groups them.
     */
    static Map<String, Long> threadGroups() {
        Map<String, Long> out = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return out;
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("\\d+", "N");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
                out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended between listing and reading: its ticks are gone either way
            }
        }
        return out;
    }

    /** The groups' share of one core between two {@link #threadGroups()} snapshots, largest first. */
    static String groupShares(Map<String, Long> before, Map<String, Long> after, double seconds, long n) {
        double hz = 100.0; // USER_HZ on Linux
        StringBuilder b = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .limit(10)
                .forEach(e -> b.append(String.format(
                        Locale.ROOT,
                        "%n    %-30s %5.1f %% of a core, %6.1f µs/comment",
                        e.getKey(),
                        100 * e.getValue() / hz / seconds,
                        e.getValue() / hz / n * 1e6)));
        return b.toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> streamThreadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null || !t.getThreadName().contains(STREAM_THREAD)) continue;
            long ns = mx.getThreadCpuTime(t.getThreadId());
            if (ns >= 0) cpu.put(t.getThreadId(), ns);
        }
        return cpu;
    }
}
