package io.livemod.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livemod.event.Comment;
import io.livemod.event.TopicRange;
import io.livemod.event.Topics;
import io.livemod.rules.Backtest;
import io.livemod.rules.BacktestJson;
import io.livemod.rules.CompiledRuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A rules backtest on the retained comments topic: reads the comments the topic received between
 * two times (optionally one platform's), runs the live and the candidate rule set on each, and
 * reports the per-rule difference ({@link Backtest}, {@link BacktestJson}). Shared by
 * {@code livemod rules backtest} and {@code POST /v1/rules/backtest}. Blocking.
 */
public final class CommentsBacktest {
    public static final int MAX_SAMPLES = 20;
    public static final long MAX_COMMENTS = 5_000_000;

    /** What to read: [from, to), one platform or all (null), samples per rule and side, at most {@code limit} comments. */
    public record Request(Instant from, Instant to, String platform, int samples, long limit, Duration budget) {
        public Request {
            if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
            if (samples < 0 || samples > MAX_SAMPLES)
                throw new IllegalArgumentException("samples must be 0.." + MAX_SAMPLES);
            if (limit < 1 || limit > MAX_COMMENTS)
                throw new IllegalArgumentException("limit must be 1.." + MAX_COMMENTS);
        }
    }

    private CommentsBacktest() {}

    public static ObjectNode run(
            String bootstrap, CompiledRuleSet live, CompiledRuleSet candidate, Request req, Clock clock) {
        Backtest backtest = new Backtest(live, candidate, req.samples());
        TopicRange.Read read = TopicRange.read(
                bootstrap,
                Topics.COMMENTS,
                req.from().toEpochMilli(),
                req.to().toEpochMilli(),
                req.limit(),
                req.budget(),
                clock,
                (Comment c, long timestamp) -> {
                    if (req.platform() != null && !req.platform().equals(c.platform())) return false;
                    backtest.add(new Backtest.Comment(c.id(), c.platform(), c.streamId(), c.receivedAt(), c.text()));
                    return true;
                });
        return BacktestJson.of(
                backtest.report(),
                new BacktestJson.Range(
                        req.from(), req.to(), req.platform(), read.unreadable(), read.truncated(), read.stoppedBy()));
    }
}
