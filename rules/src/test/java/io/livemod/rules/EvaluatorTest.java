package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An {@link Evaluator} reuses its scratch buffers across comments: whatever came before (a long
 * comment, a hit, an allow match, a restructured stream) must not leak into the next verdict.
 */
class EvaluatorTest {
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(RuleSetLoader.defaults());

    private static List<String> texts() {
        String[] parts = {
            "đ.m",
            "các bạn",
            "ngu vcl",
            "vào fb88.com",
            "zalo 0987654321",
            "dit me",
            "xin chào",
            "l0n",
            "🔥",
            "đờ mờ",
            "d m",
            "n g u",
            "cặc bặc",
            "ĐỊT   MẸẸẸ",
            "n\u200Bgu",
            "đi\u0323t",
            ""
        };
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++)
            texts.add(parts[i % parts.length] + " " + parts[(i * 7) % parts.length] + " " + i);
        texts.add("đ.m thằng ngu ".repeat(3_000)); // grows every buffer past the keep limit
        texts.add("đ.m");
        Collections.shuffle(texts, new Random(3));
        return texts;
    }

    /** Each text evaluated by an evaluator that has seen nothing before: no reuse at all. */
    private static List<Verdict> fresh(List<String> texts) {
        return texts.stream().map(t -> RULES.evaluator().evaluate(t, Scope.ANY)).toList();
    }

    @Test
    void oneEvaluatorReusedGivesTheVerdictsOfFreshOnes() {
        List<String> texts = texts();
        Evaluator reused = RULES.evaluator();
        List<Verdict> got =
                texts.stream().map(t -> reused.evaluate(t, Scope.ANY)).toList();
        assertThat(got).isEqualTo(fresh(texts));
        assertThat(got).anyMatch(Verdict::flagged).anyMatch(v -> !v.flagged());
        assertThat(reused.ruleSet()).isSameAs(RULES);
    }

    @Test
    void evaluatorAndSharedEvaluateAgreeIncludingScopeAndNull() {
        Evaluator e = RULES.evaluator();
        for (String t : texts()) assertThat(e.evaluate(t, null)).isEqualTo(RULES.evaluate(t, Scope.ANY));
        assertThat(e.evaluate(null, Scope.ANY).matches()).isEmpty();
    }

    @Test
    void sharedEvaluateStaysCorrectWithMoreThreadsThanPooledEvaluators() throws Exception {
        List<String> texts = texts();
        List<Verdict> expected = fresh(texts);
        int threads = 4 * Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Verdict>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() ->
                        texts.stream().map(x -> RULES.evaluate(x, Scope.ANY)).toList()));
            }
            for (Future<List<Verdict>> run : runs) assertThat(run.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
