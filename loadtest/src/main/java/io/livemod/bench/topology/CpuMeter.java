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
        return String.format(Locale.ROOT, "cpu: %.1f µs/comment for the process, %.1f µs/comment in stream threads",
                process / 1e3 / n, streams / 1e3 / n);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
