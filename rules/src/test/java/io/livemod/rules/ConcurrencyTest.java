package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One compiled rule set shared by many threads gives each the verdicts it gives one thread. */
class ConcurrencyTest {
    @Test
    void sharedAcrossThreadsGivesTheSameVerdicts() throws Exception {
        CompiledRuleSet rules = CompiledRuleSet.compile(RuleSetLoader.defaults());
        List<String> texts = new ArrayList<>();
        String[] parts = {
            "đ.m", "các bạn", "ngu vcl", "vào fb88.com", "zalo 0987654321", "dit me", "xin chào", "l0n", "🔥"
        };
        for (int i = 0; i < 2_000; i++)
            texts.add(parts[i % parts.length] + " " + parts[(i * 7) % parts.length] + " " + i);
        List<Verdict> expected =
                texts.stream().map(t -> rules.evaluate(t, Scope.ANY)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Verdict>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++)
                runs.add(pool.submit(() ->
                        texts.stream().map(x -> rules.evaluate(x, Scope.ANY)).toList()));
            for (Future<List<Verdict>> run : runs) assertThat(run.get()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
