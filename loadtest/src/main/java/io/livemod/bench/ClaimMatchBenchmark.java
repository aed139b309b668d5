package io.livemod.bench;

import io.livemod.claims.ClaimIndex;
import io.livemod.claims.ClaimTokens;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Scope;
import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.TextScratch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of false-claim matching per comment, beside the keyword engine it runs after, in one
 * JMH run: generated comments ({@link CommentGenerator}, one in 50 a paraphrase of a registered
 * claim) against a registry of {@link ClaimGenerator} claims, with the default rule pack.
 * <ul>
 *   <li>{@code keywords}: the rule engine alone ({@link CompiledRuleSet#evaluate}), the baseline;</li>
 *   <li>{@code claimsOnCanonical}: matching alone, on the canonical text that the topology already
 *       computes for duplicate detection (texts of 10 chars and more): what matching adds there;</li>
 *   <li>{@code canonicalAndClaims}: the canonical form and matching, what matching would cost alone;</li>
 *   <li>{@code keywordsAndClaims}: both, per comment, as the topology's comment task runs them.</li>
 * </ul>
 * One op is one comment. Build and run, in the same run as the keyword engine's benchmark:
 * <pre>
 * mvn -o -q -B -pl loadtest -am package -DskipTests
 * java -jar loadtest/target/benchmarks.jar 'RuleEngineBenchmark.livemod$|ClaimMatchBenchmark' -p terms=pack -f 1 -wi 2 -i 3 -w 2s -r 2s
 * java -cp loadtest/target/benchmarks.jar io.livemod.bench.ClaimMatchBenchmark     # thread CPU per comment
 * </pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClaimMatchBenchmark {
    static final int MIN_LENGTH = 10; // TopologySettings.duplicateMinLength: shorter texts get no canonical form

    @Param({"10000", "1000"})
    public int claims;

    private String[] comments;
    private String[] canonical;
    private CompiledRuleSet engine;
    private ClaimIndex index;
    private final ClaimIndex.Scratch scratch = new ClaimIndex.Scratch();
    private final TextScratch text = new TextScratch();
    private int next;
    public long matched;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> registry = ClaimGenerator.claims(claims, 42);
        List<String> list = ClaimGenerator.comments(registry, 20_000, 50, 7);
        comments = list.toArray(new String[0]);
        canonical = new String[comments.length];
        for (int i = 0; i < comments.length; i++)
            canonical[i] = comments[i].length() < MIN_LENGTH ? "" : ClaimTokens.canonical(comments[i]);
        engine = CompiledRuleSet.compile(RuleSetLoader.defaults());
        index = ClaimIndex.build(registry);
    }

    private int cursor() {
        int i = next++;
        if (next == comments.length) next = 0;
        return i;
    }

    @Benchmark
    public int keywords() {
        return engine.evaluate(comments[cursor()], Scope.ANY).matches().size();
    }

    @Benchmark
    public Object claimsOnCanonical() {
        int i = cursor();
        return index.match(comments[i], canonical[i], scratch);
    }

    @Benchmark
    public Object canonicalAndClaims() {
        String c = comments[cursor()];
        return c.length() < MIN_LENGTH
                ? null
                : index.match(c, Normalizer.standard().normalize(c, text).canonical(), scratch);
    }

    @Benchmark
    public int keywordsAndClaims() {
        int i = cursor();
        int n = engine.evaluate(comments[i], Scope.ANY).matches().size();
        return index.match(comments[i], canonical[i], scratch) == null ? n : n + 1;
    }

    /** Thread CPU time per comment, best of the later rounds: robust to other processes on a busy machine. */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String size : args.length == 0 ? new String[] {"10000"} : args) {
            ClaimMatchBenchmark b = new ClaimMatchBenchmark();
            b.claims = Integer.parseInt(size);
            b.setUp();
            int n = b.comments.length;
            double kw = Double.MAX_VALUE, cl = Double.MAX_VALUE, cc = Double.MAX_VALUE;
            long sink = 0, hits = 0;
            for (int round = 0; round < 25; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) sink += b.keywords();
                long t1 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) if (b.claimsOnCanonical() != null) hits++;
                long t2 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) if (b.canonicalAndClaims() != null) sink++;
                long t3 = mx.getCurrentThreadCpuTime();
                if (round >= 10) {
                    kw = Math.min(kw, (t1 - t0) / (double) n);
                    cl = Math.min(cl, (t2 - t1) / (double) n);
                    cc = Math.min(cc, (t3 - t2) / (double) n);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d claims (%d indexed): keywords %.0f ns/comment | claims on canonical %.0f ns/comment"
                            + " | canonical + claims %.0f ns/comment | matched %.2f%% of comments [%d]%n",
                    b.claims,
                    b.index.size(),
                    kw,
                    cl,
                    cc,
                    100.0 * hits / (25.0 * n),
                    sink);
        }
    }
}
