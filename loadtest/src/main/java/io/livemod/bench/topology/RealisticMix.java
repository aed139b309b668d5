package io.livemod.bench.topology;

import io.livemod.event.Comment;
import io.livemod.loadtest.LoadConfig;
import io.livemod.loadtest.TrafficPlan;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The load test's realistic chat ({@link TrafficPlan}: everyday phrases typed verbatim by many
 * viewers, Zipf over 100 streams on two platforms, a mega-live, violations, floods, campaigns) as a
 * topology-benchmark source, so the backlog figure and the steady-rate figure are measured on the
 * same kind of traffic. Comment {@code i} is the i-th the plan generates (call in order).
 */
final class RealisticMix implements CommentSource {
    private final TrafficPlan plan;
    private final ArrayDeque<Comment> ready = new ArrayDeque<>();
    private final String runId = "bench";

    RealisticMix(long seed) {
        LoadConfig config = new LoadConfig(
                        "http://127.0.0.1:1",
                        "127.0.0.1:1",
                        1000,
                        Duration.ofHours(1),
                        Duration.ZERO,
                        List.of(
                                new LoadConfig.PlatformCredentials("bench-a", "x"),
                                new LoadConfig.PlatformCredentials("bench-b", "x")),
                        50,
                        1.1,
                        0,
                        20,
                        1,
                        seed,
                        LoadConfig.Traffic.realistic(),
                        LoadConfig.Thresholds.defaults())
                .validate();
        this.plan = new TrafficPlan(config, runId, CompiledRuleSet.compile(RuleSetLoader.defaults()));
    }

    @Override
    public Comment next(int i, long receivedAt) {
        while (ready.isEmpty()) {
            for (TrafficPlan.Batch b : plan.next(50)) {
                for (TrafficPlan.Planned c : b.comments()) {
                    ready.add(Comment.builder(b.platformId(), runId + "-" + c.seq())
                            .streamId(plan.streams().id(c.stream()))
                            .userId(c.user())
                            .text(c.text())
                            .ts("2026-11-28T20:00:00+07:00")
                            .build());
                }
            }
        }
        Comment c = ready.poll();
        return c.toBuilder().receivedAt(receivedAt).build();
    }
}
