package io.livemod.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetLoader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rule-engine throughput on generated Vietnamese livestream comments ({@link CommentGenerator}),
 * with 1k, 10k and 100k terms ({@link TermGenerator}) in one phrase rule, and with the default pack as
 * shipped ({@code terms=pack}: every rule, allow-list, context rule and pattern), against two
 * baselines in the same run (for {@code pack} they get the pack's keyword terms):
 * <ul>
 *   <li>{@code livemod}: {@link CompiledRuleSet#evaluate}, normalization included (NFKC, invisible,
 *       case, look-alikes, leet, separators, repeats, teencode, both tone channels, verification);</li>
 *   <li>{@code hankcs}: the plain Aho–Corasick double-array trie library on NFC + lower-cased text,
 *       no other normalization;</li>
 *   <li>{@code regex}: one java.util.regex alternation of the quoted terms on NFC + lower-cased text,
 *       capped at {@value #REGEX_CAP} terms (see {@link #regexTerms}).</li>
 * </ul>
 * One operation is one comment: ops/s are comments/s, and the {@code bytes} counter is UTF-8 input
 * bytes/s. Build and run (about 3 minutes on 2 cores):
 * <pre>
 * mvn -o -q -B -pl loadtest -am package -DskipTests
 * java -jar loadtest/target/benchmarks.jar RuleEngineBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEngineBenchmark {
    /** A 100k-term alternation runs at a few comments per second; a cap keeps the run bounded. */
    static final int REGEX_CAP = 10_000;

    @Param({"1000", "10000", "100000", "pack"})
    public String terms;

    private String[] comments;
    private int[] bytes;
    private CompiledRuleSet engine;
    private AhoCorasickDoubleArrayTrie<String> trie;
    private Pattern regex;
    public int regexTerms;

    @Setup(Level.Trial)
    public void setUp() {
        boolean pack = terms.equals("pack");
        RuleSet defaults = RuleSetLoader.defaults();
        List<String> list =
                pack ? TermGenerator.keywordTerms(defaults) : TermGenerator.terms(Integer.parseInt(terms), 42);
        List<String> generated = CommentGenerator.generate(20_000, 7);
        comments = generated.toArray(new String[0]);
        bytes = new int[comments.length];
        for (int i = 0; i < comments.length; i++) bytes[i] = comments[i].getBytes(StandardCharsets.UTF_8).length;
        engine = CompiledRuleSet.compile(pack ? defaults : TermGenerator.ruleSet(list));
        TreeMap<String, String> map = new TreeMap<>();
        for (String t : list) map.put(plain(t), t);
        trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        regexTerms = Math.min(list.size(), REGEX_CAP);
        regex = Pattern.compile(list.subList(0, regexTerms).stream()
                .map(RuleEngineBenchmark::plain)
                .map(Pattern::quote)
                .collect(Collectors.joining("|")));
    }

    static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Per-thread cursor over the comments, counting input bytes as a throughput metric. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Input {
        public long bytes;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    private String next(Input in) {
        int i = in.next++;
        if (in.next == comments.length) in.next = 0;
        in.bytes += bytes[i];
        return comments[i];
    }

    @Benchmark
    public int livemod(Input in) {
        var v = engine.evaluate(next(in), io.livemod.rules.Scope.ANY);
        return v.matches().size() + v.shadowMatches().size();
    }

    @Benchmark
    public int hankcs(Input in) {
        int[] hits = new int[1];
        AhoCorasickDoubleArrayTrie.IHit<String> count = (begin, end, value) -> hits[0]++;
        trie.parseText(plain(next(in)), count);
        return hits[0];
    }

    @Benchmark
    public int regex(Input in) {
        Matcher m = regex.matcher(plain(next(in)));
        int hits = 0;
        while (m.find()) hits++;
        return hits;
    }
}
