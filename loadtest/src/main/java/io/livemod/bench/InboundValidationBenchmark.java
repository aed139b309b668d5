package io.livemod.bench;

import io.livemod.event.Comment;
import io.livemod.event.Topics;
import io.livemod.ingest.EventFields;
import io.livemod.ingest.Item;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Kafka-native ingest costs per record before Streams and Kafka: one inbound record's value
 * (a generated Vietnamese comment as the platform sends it) read and validated by the HTTP rules
 * ({@link EventFields#anyKind(String, byte[], long)}), then the comment serialized as the comments
 * topic's value. {@code kind=valid} is every record good; {@code invalid} every record missing its
 * text (the dead-letter path's validation half). Each iteration also prints the benchmark thread's
 * CPU time per record, which a busy machine disturbs less than the wall-clock score.
 * <pre>
 * mvn -o -q -B -pl loadtest -am package -DskipTests
 * java -jar loadtest/target/benchmarks.jar InboundValidationBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InboundValidationBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"valid", "invalid"})
    public String kind;

    private byte[][] records;
    private int next;
    private long ops;
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> texts = CommentGenerator.generate(10_000, 7);
        records = new byte[texts.size()][];
        for (int i = 0; i < records.length; i++) {
            String text = kind.equals("valid")
                    ? ",\"text\":\"" + texts.get(i).replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : "";
            records[i] = ("{\"kind\":\"comment\",\"id\":\"c-" + i + "\",\"streamId\":\"live-" + (i % 50)
                            + "\",\"userId\":\"u-" + (i % 3000) + "\",\"userName\":\"Người xem " + i + "\"" + text
                            + ",\"ts\":\"2026-11-28T19:00:00+07:00\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Setup(Level.Iteration)
    public void startCpu() {
        ops = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        System.out.printf(
                "%n  [cpu] %s: %.0f ns CPU per record over %,d records%n", kind, (double) cpu / Math.max(1, ops), ops);
    }

    @Benchmark
    public byte[] validate() {
        byte[] value = records[next];
        if (++next == records.length) next = 0;
        ops++;
        Item item = EventFields.anyKind("acme", value, 1_764_331_200_000L);
        if (item instanceof Item.Valid ok)
            return Topics.COMMENTS.value().serializer().serialize(Topics.COMMENTS.name(), (Comment) ok.event());
        return ((Item.Invalid) item).field().getBytes(StandardCharsets.UTF_8);
    }
}
