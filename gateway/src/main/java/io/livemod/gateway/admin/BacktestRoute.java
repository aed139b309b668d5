package io.livemod.gateway.admin;

import io.livemod.backtest.CommentsBacktest;
import io.livemod.event.RuleSetRecord;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/rules/backtest}: a candidate rule file against the active version on the comments
 * the comments topic received between two times, per rule, with samples ({@link CommentsBacktest},
 * the same as {@code livemod rules backtest}). The read runs on a worker; one backtest at a time per
 * gateway, since each reads up to a million comments and evaluates them twice.
 */
public final class BacktestRoute {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestRoute.class);
    static final long DEFAULT_LIMIT = 200_000, MAX_LIMIT = 1_000_000;
    static final int DEFAULT_SAMPLES = 5;
    private static final Duration BUDGET = Duration.ofSeconds(50);

    private final RulesBook book;
    private final String bootstrap;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AtomicBoolean running = new AtomicBoolean();

    BacktestRoute(RulesBook book, String bootstrap, Clock clock, MeterRegistry metrics) {
        this.book = book;
        this.bootstrap = bootstrap;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void backtest(RoutingContext ctx) {
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String source = Requests.text(ctx, body, "source", true, 1_000_000);
        if (Requests.invalid(source)) return;
        Instant from = instant(ctx, body, "from", null);
        if (from == null) return;
        Instant to = instant(ctx, body, "to", clock.instant());
        if (to == null) return;
        if (!from.isBefore(to)) {
            Errors.send(ctx, 400, "invalid_field", "from must be before to", "$.from");
            return;
        }
        String platform = Requests.text(ctx, body, "platform", false, 200);
        if (Requests.invalid(platform)) return;
        Long samples = whole(ctx, body, "samples", DEFAULT_SAMPLES, 0, CommentsBacktest.MAX_SAMPLES);
        Long limit = samples == null ? null : whole(ctx, body, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (limit == null) return;
        RulesRoutes.parsed(ctx, source).onSuccess(candidate -> {
            if (candidate != null)
                run(
                        ctx,
                        candidate,
                        new CommentsBacktest.Request(from, to, platform, samples.intValue(), limit, BUDGET));
        });
    }

    /** Parsing ran on a worker; the scan of the topic does too, one at a time per gateway. */
    private void run(RoutingContext ctx, RuleSet candidate, CommentsBacktest.Request req) {
        if (!running.compareAndSet(false, true)) {
            Errors.retryLater(
                    ctx,
                    429,
                    "backtest_running",
                    "a backtest is already running on this gateway; try again shortly",
                    5);
            return;
        }
        ctx.vertx()
                .executeBlocking(
                        () -> CommentsBacktest.run(
                                        bootstrap,
                                        CompiledRuleSet.compile(live()),
                                        CompiledRuleSet.compile(candidate),
                                        req,
                                        clock)
                                .toString(),
                        false)
                .onComplete(ar -> {
                    running.set(false);
                    if (ar.failed()) {
                        LOG.warn("backtest failed: {}", ar.cause().toString());
                        metrics.counter("livemod_rules_backtest_failures").increment();
                        Errors.retryLater(ctx, 503, "kafka_unavailable", "the comments topic cannot be read now", 5);
                        return;
                    }
                    metrics.counter("livemod_rules_backtests").increment();
                    Responses.jsonText(ctx, 200, ar.result());
                });
    }

    /** The active version (it parsed when it was published), or the built-in pack when none was. */
    private RuleSet live() throws RuleSetException {
        RuleSetRecord active = book.active().orElse(null);
        return active == null
                ? RuleSetLoader.defaults()
                : RuleSetLoader.parse("live " + active.version(), active.source());
    }

    /** An RFC 3339 time field, {@code dflt} when absent (null default: required); null after answering 400. */
    private static Instant instant(RoutingContext ctx, JsonObject body, String field, Instant dflt) {
        Object v = body.getValue(field);
        if (v == null && dflt != null) return dflt;
        try {
            if (v instanceof String s) return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            // answered below
        }
        Errors.send(
                ctx,
                400,
                "invalid_field",
                field + " must be an RFC 3339 date-time such as 2026-12-01T08:00:00+07:00",
                "$." + field);
        return null;
    }

    /** A whole-number field in [min, max], {@code dflt} when absent; null after answering 400. */
    private static Long whole(RoutingContext ctx, JsonObject body, String field, long dflt, long min, long max) {
        Object v = body.getValue(field);
        if (v == null) return dflt;
        if (v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min && n.longValue() <= max)
            return n.longValue();
        Errors.send(
                ctx, 400, "invalid_field", field + " must be a whole number from " + min + " to " + max, "$." + field);
        return null;
    }
}
