package io.livemod.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Evaluator;
import io.livemod.rules.Scope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A cross-check for {@link RuleEngineBenchmark} on a busy shared machine: livemod and the plain
 * Aho–Corasick library measured alternately in one JVM by thread CPU time (not wall time, which
 * other processes inflate), best of the later rounds. Not a substitute for JMH, a sanity check:
 * <pre>
 * java -cp loadtest/target/benchmarks.jar io.livemod.bench.CpuTimeComparison 1000 10000 100000
 * </pre>
 */
public final class CpuTimeComparison {
    private CpuTimeComparison() {}

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] comments = CommentGenerator.generate(20_000, 7).toArray(new String[0]);
        long bytes = 0;
        for (String c : comments) bytes += c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (String arg : args.length == 0 ? new String[] {"1000", "10000", "100000"} : args) {
            List<String> terms = TermGenerator.terms(Integer.parseInt(arg), 42);
            CompiledRuleSet engine = CompiledRuleSet.compile(TermGenerator.ruleSet(terms));
            Evaluator own = engine.evaluator(); // a caller's own scratch: what a stream task holds
            TreeMap<String, String> map = new TreeMap<>();
            for (String t : terms) map.put(plain(t), t);
            AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(map);
            long sink = 0;
            double bestLivemod = Double.MAX_VALUE, bestPlain = Double.MAX_VALUE, bestOwn = Double.MAX_VALUE;
            for (int round = 0; round < 25; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (String c : comments)
                    sink += engine.evaluate(c, Scope.ANY).matches().size();
                long t1 = mx.getCurrentThreadCpuTime();
                for (String c : comments) {
                    int[] hits = new int[1];
                    AhoCorasickDoubleArrayTrie.IHit<String> count = (b, e, v) -> hits[0]++;
                    trie.parseText(plain(c), count);
                    sink += hits[0];
                }
                long t2 = mx.getCurrentThreadCpuTime();
                if (round >= 10) { // after warm-up
                    bestLivemod = Math.min(bestLivemod, (t1 - t0) / (double) comments.length);
                    bestPlain = Math.min(bestPlain, (t2 - t1) / (double) comments.length);
                }
            }
            // Separate rounds, after the alternating ones, so the livemod/hankcs rounds above are
            // exactly those of earlier versions of this comparison.
            for (int round = 0; round < 15; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (String c : comments)
                    sink += own.evaluate(c, Scope.ANY).matches().size();
                long t1 = mx.getCurrentThreadCpuTime();
                if (round >= 5) bestOwn = Math.min(bestOwn, (t1 - t0) / (double) comments.length);
            }
            double bestRegex = regexNanos(terms, comments, mx);
            double avgBytes = bytes / (double) comments.length;
            System.out.printf(
                    Locale.ROOT,
                    "%6d terms: livemod %5.0f ns/comment (%.2fM comments/s, %.1f MB/s) | "
                            + "hankcs AC %5.0f ns/comment (%.2fM comments/s, %.1f MB/s) | ratio %.2f | "
                            + "regex (%d terms) %.0f ns/comment, livemod is %.0fx faster  [%d]%n",
                    terms.size(),
                    bestLivemod,
                    1e3 / bestLivemod,
                    avgBytes * 1e3 / bestLivemod,
                    bestPlain,
                    1e3 / bestPlain,
                    avgBytes * 1e3 / bestPlain,
                    bestLivemod / bestPlain,
                    Math.min(terms.size(), RuleEngineBenchmark.REGEX_CAP),
                    bestRegex,
                    bestRegex / bestLivemod,
                    sink);
            System.out.printf(
                    Locale.ROOT,
                    "%6d terms: livemod with its own Evaluator %5.0f ns/comment | ratio %.2f%n",
                    terms.size(),
                    bestOwn,
                    bestOwn / bestPlain);
        }
    }

    /** The regex baseline, capped like the JMH one, on the first 2,000 comments (it is slow). */
    private static double regexNanos(List<String> terms, String[] comments, ThreadMXBean mx) {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(
                terms.subList(0, Math.min(terms.size(), RuleEngineBenchmark.REGEX_CAP)).stream()
                        .map(CpuTimeComparison::plain)
                        .map(java.util.regex.Pattern::quote)
                        .collect(java.util.stream.Collectors.joining("|")));
        int n = Math.min(2_000, comments.length);
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                java.util.regex.Matcher m = regex.matcher(plain(comments[i]));
                while (m.find()) sink++;
            }
            if (round >= 2) best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / (double) n);
        }
        return sink < 0 ? -1 : best;
    }

    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
