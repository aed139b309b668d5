package io.livemod.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What a candidate rule set would change, comment by comment, against the live one: both are run
 * on the same comments (the retained comments topic, read by the caller) and every rule's flags
 * are compared. Per rule: comments it flags under each version, the ones only the candidate flags
 * ("added") and the ones only the live version flags ("removed"), with samples of both chosen
 * evenly over the whole read (a seeded reservoir, so the same read gives the same samples).
 * Not thread-safe: one backtest, one thread; pure, no Kafka types.
 */
public final class Backtest {
    /** A comment as the backtest sees it; {@code receivedAt} in epoch ms. */
    public record Comment(String id, String platform, String streamId, long receivedAt, String text) {}

    /** A sample flag: the comment and the match that made (or no longer makes) it. */
    public record Sample(Comment comment, String term, Severity severity, int start, int end) {}

    /** One rule's difference; the rule definitions are null where a version does not have the rule. */
    public record RuleDiff(
            String rule,
            Rule live,
            Rule candidate,
            long liveFlags,
            long candidateFlags,
            long added,
            long removed,
            List<Sample> addedSamples,
            List<Sample> removedSamples) {}

    /** The whole difference; {@code added}/{@code removed} count comments flagged by one version only. */
    public record Report(
            String liveVersion,
            String candidateVersion,
            long comments,
            long liveFlagged,
            long candidateFlagged,
            long added,
            long removed,
            List<RuleDiff> rules) {}

    private final Evaluator live;
    private final Evaluator candidate;
    private final int samples;
    private final Random random = new Random(17);
    private final Map<String, Tally> tallies = new TreeMap<>();
    private long comments, liveFlagged, candidateFlagged, added, removed;

    public Backtest(CompiledRuleSet live, CompiledRuleSet candidate, int samples) {
        this.live = live.evaluator();
        this.candidate = candidate.evaluator();
        this.samples = samples;
        for (Rule r : live.ruleSet().rules()) tally(r.id()).live = r;
        for (Rule r : candidate.ruleSet().rules()) tally(r.id()).candidate = r;
    }

    public void add(Comment c) {
        comments++;
        if (c.text() == null || c.text().isEmpty()) return;
        Scope where = new Scope(c.platform(), c.streamId());
        Verdict a = live.evaluate(c.text(), where), b = candidate.evaluate(c.text(), where);
        if (a.flagged()) liveFlagged++;
        if (b.flagged()) candidateFlagged++;
        if (b.flagged() && !a.flagged()) added++;
        if (a.flagged() && !b.flagged()) removed++;
        if (!a.flagged() && !b.flagged()) return; // most comments
        Map<String, Match> byRuleA = firstByRule(a.matches()), byRuleB = firstByRule(b.matches());
        for (var e : byRuleA.entrySet()) {
            Tally t = tally(e.getKey());
            t.liveFlags++;
            if (!byRuleB.containsKey(e.getKey())) t.removed(sample(c, e.getValue()), samples, random);
        }
        for (var e : byRuleB.entrySet()) {
            Tally t = tally(e.getKey());
            t.candidateFlags++;
            if (!byRuleA.containsKey(e.getKey())) t.added(sample(c, e.getValue()), samples, random);
        }
    }

    /** The difference so far; rules whose flags changed most come first, then rules by id. */
    public Report report() {
        List<RuleDiff> rules = new ArrayList<>();
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            rules.add(new RuleDiff(
                    e.getKey(),
                    t.live,
                    t.candidate,
                    t.liveFlags,
                    t.candidateFlags,
                    t.addedCount,
                    t.removedCount,
                    List.copyOf(t.addedSamples),
                    List.copyOf(t.removedSamples)));
        }
        rules.sort(Comparator.comparingLong((RuleDiff d) -> -(d.added() + d.removed()))
                .thenComparing(RuleDiff::rule));
        return new Report(
                live.ruleSet().version(),
                candidate.ruleSet().version(),
                comments,
                liveFlagged,
                candidateFlagged,
                added,
                removed,
                rules);
    }

    private Tally tally(String rule) {
        return tallies.computeIfAbsent(rule, k -> new Tally());
    }

    private static Map<String, Match> firstByRule(List<Match> matches) {
        Map<String, Match> out = new LinkedHashMap<>();
        for (Match m : matches) out.putIfAbsent(m.rule(), m);
        return out;
    }

    private static Sample sample(Comment c, Match m) {
        return new Sample(c, m.term(), m.severity(), m.start(), m.end());
    }

    /** Counts and reservoir samples of one rule. */
    private static final class Tally {
        Rule live, candidate;
        long liveFlags, candidateFlags, addedCount, removedCount;
        final List<Sample> addedSamples = new ArrayList<>(), removedSamples = new ArrayList<>();

        void added(Sample s, int k, Random r) {
            keep(addedSamples, ++addedCount, s, k, r);
        }

        void removed(Sample s, int k, Random r) {
            keep(removedSamples, ++removedCount, s, k, r);
        }

        /** Reservoir sampling: the n-th item replaces a kept one with probability k/n. */
        private static void keep(List<Sample> kept, long n, Sample s, int k, Random r) {
            if (k <= 0) return;
            if (kept.size() < k) {
                kept.add(s);
            } else {
                long j = (long) (r.nextDouble() * n);
                if (j < k) kept.set((int) j, s);
            }
        }
    }
}
