package io.livemod.bench;

import io.livemod.bench.OrdinaryComments.Comment;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Scope;
import io.livemod.rules.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * False flags of a rule set on ordinary comments ({@link OrdinaryComments}): every flag there is a
 * false one, so the figure is "flagged per 1,000 ordinary comments", overall, per source, per
 * domain and per rule (a comment flagged by two rules counts once for each rule, once overall):
 * <pre>
 * java -cp loadtest/target/benchmarks.jar io.livemod.bench.PrecisionEvaluation \
 *     [--rules FILE] [--generated 5000] [--seed 14] [--show N]
 * </pre>
 * {@code --show N} prints up to N flagged comments with the rule and term that flagged them.
 */
public final class PrecisionEvaluation {
    private PrecisionEvaluation() {}

    /** Counts over a set of comments; {@code byRule} and {@code byDomain} count flagged comments. */
    record Report(
            int comments, int flagged, Map<String, Integer> byRule, Map<String, int[]> byDomain, List<String> shown) {
        double perThousand() {
            return perThousand(flagged);
        }

        double perThousand(int n) {
            return comments == 0 ? 0 : 1000.0 * n / comments;
        }
    }

    static Report evaluate(CompiledRuleSet rules, List<Comment> comments, int show) {
        int flagged = 0;
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, int[]> byDomain = new TreeMap<>(); // {comments, flagged}
        List<String> shown = new ArrayList<>();
        for (Comment c : comments) {
            Verdict v = rules.evaluate(c.text(), Scope.ANY);
            int[] d = byDomain.computeIfAbsent(c.domain(), k -> new int[2]);
            d[0]++;
            if (!v.flagged()) continue;
            flagged++;
            d[1]++;
            v.matches().stream().map(Match::rule).distinct().forEach(r -> byRule.merge(r, 1, Integer::sum));
            if (shown.size() < show) {
                shown.add("[" + c.domain() + "] " + c.text() + "   <= "
                        + v.matches().stream()
                                .map(m -> m.rule() + ":" + m.term())
                                .collect(Collectors.joining(", ")));
            }
        }
        return new Report(comments.size(), flagged, byRule, byDomain, shown);
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = RuleSetLoader.defaults();
        int generated = 5000, show = 0;
        long seed = 14;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rules" -> rules = RuleSetLoader.load(Path.of(args[i + 1]));
                case "--generated" -> generated = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--show" -> show = Integer.parseInt(args[i + 1]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --rules FILE, --generated N, --seed S, --show N)");
            }
        }
        CompiledRuleSet engine = CompiledRuleSet.compile(rules);
        List<Comment> hand = OrdinaryComments.handwritten(), gen = OrdinaryComments.generated(generated, seed);
        List<Comment> all = new ArrayList<>(hand);
        all.addAll(gen);
        System.out.println("rules " + rules.version() + "; ordinary comments: " + hand.size() + " handwritten, "
                + gen.size() + " generated (seed " + seed + ")");
        Report h = evaluate(engine, hand, show), g = evaluate(engine, gen, show), a = evaluate(engine, all, 0);
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %10s%n", "source", "comments", "flagged", "per 1,000");
        for (var row : List.of(Map.entry("handwritten", h), Map.entry("generated", g), Map.entry("all", a))) {
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %8d %8d %10.1f%n",
                    row.getKey(),
                    row.getValue().comments(),
                    row.getValue().flagged(),
                    row.getValue().perThousand());
        }
        System.out.println("-- per rule (flagged comments per 1,000: handwritten / generated / all):");
        Map<String, Integer> rulesSeen = new TreeMap<>(a.byRule());
        rulesSeen.forEach((rule, n) -> System.out.printf(
                Locale.ROOT,
                "  %-22s %5.1f / %5.1f / %5.1f   (%d comments)%n",
                rule,
                h.perThousand(h.byRule().getOrDefault(rule, 0)),
                g.perThousand(g.byRule().getOrDefault(rule, 0)),
                a.perThousand(n),
                n));
        System.out.println("-- per domain (all sources):");
        a.byDomain()
                .forEach((d, c) -> System.out.printf(
                        Locale.ROOT,
                        "  %-10s %5d comments %4d flagged %6.1f per 1,000%n",
                        d,
                        c[0],
                        c[1],
                        c[0] == 0 ? 0 : 1000.0 * c[1] / c[0]));
        if (show > 0) {
            System.out.println("-- flagged, handwritten:");
            h.shown().forEach(s -> System.out.println("  " + s));
            System.out.println("-- flagged, generated:");
            g.shown().forEach(s -> System.out.println("  " + s));
        }
    }
}
