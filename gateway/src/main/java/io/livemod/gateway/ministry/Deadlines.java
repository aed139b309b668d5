package io.livemod.gateway.ministry;

import io.livemod.event.AlertAction;
import io.livemod.event.TakedownEvent;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.rules.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic check of everything that depends on the time: an unacknowledged critical alert is
 * escalated again {@code escalationDelay} after it opened or was last escalated; a takedown not
 * done by its deadline is marked overdue. Both are written to Kafka with deterministic event ids,
 * so several gateways checking at once (or a check repeated before the projection caught up)
 * record each step once in effect. Time comes from the injected clock.
 */
public final class Deadlines {
    private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
    private final Vertx vertx;
    private final AlertBoard alerts;
    private final TakedownBook takedowns;
    private final KafkaWriter writer;
    private final Clock clock;
    private final Duration escalationDelay;
    private final MeterRegistry metrics;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.function.BooleanSupplier caughtUp;
    private final java.util.concurrent.atomic.AtomicBoolean checking = new java.util.concurrent.atomic.AtomicBoolean();
    private long timer = -1;

    Deadlines(
            Vertx vertx,
            AlertBoard alerts,
            TakedownBook takedowns,
            KafkaWriter writer,
            Clock clock,
            Duration escalationDelay,
            MeterRegistry metrics,
            java.util.function.BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
        this.vertx = vertx;
        this.alerts = alerts;
        this.takedowns = takedowns;
        this.writer = writer;
        this.clock = clock;
        this.escalationDelay = escalationDelay;
        this.metrics = metrics;
    }

    void start(Duration interval) {
        Context ctx = vertx.getOrCreateContext();
        timer = vertx.setPeriodic(interval.toMillis(), t -> ctx.runOnContext(v -> check()));
    }

    void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    private record Due(List<AlertAction> reescalations, List<TakedownEvent> overdue) {}

    private void check() {
        // Deciding on a half-rebuilt projection would re-escalate what was acknowledged long ago;
        // and a check still running (many alerts, a slow Redis) is not overtaken by the next one.
        if (!caughtUp.getAsBoolean() || !checking.compareAndSet(false, true)) return;
        long now = clock.millis();
        vertx.executeBlocking(() -> new Due(dueAlerts(now), dueTakedowns(now)), false)
                .onComplete(ar -> {
                    checking.set(false);
                    if (ar.failed()) {
                        metrics.counter("livemod_ministry_check_failures").increment();
                        LOG.warn("deadline check failed: {}", ar.cause().toString());
                        return;
                    }
                    for (AlertAction a : ar.result().reescalations()) {
                        write(
                                a.actionId(),
                                writer.send(Topics.ALERT_ACTIONS, a.alertId(), a),
                                "livemod_alerts_reescalated");
                    }
                    for (TakedownEvent e : ar.result().overdue()) {
                        write(
                                e.eventId(),
                                writer.send(Topics.TAKEDOWNS, e.takedownId(), e),
                                "livemod_takedowns_overdue");
                    }
                });
    }

    private void write(String id, io.vertx.core.Future<Void> written, String metric) {
        written.onComplete(ar -> {
            if (ar.succeeded()) {
                metrics.counter(metric).increment();
            } else {
                metrics.counter("livemod_ministry_write_failures", "what", metric)
                        .increment();
            }
            // Keep the guard a little longer than the write: the projection folds the event right after.
            vertx.setTimer(1000, t -> inFlight.remove(id));
        });
    }

    List<AlertAction> dueAlerts(long now) {
        return alerts.rows().stream()
                .filter(r -> r.alert().severity() == Severity.CRITICAL
                        && AlertState.OPEN.equals(r.state().status()))
                .filter(r -> now
                                - Math.max(
                                        r.stored().openedAt(),
                                        r.state().lastReescalatedAt() == null
                                                ? 0
                                                : r.state().lastReescalatedAt())
                        >= escalationDelay.toMillis())
                .map(r -> {
                    int n = r.state().reescalations() + 1;
                    return new AlertAction(
                            r.alert().alertId() + "/reescalate/" + n,
                            r.alert().alertId(),
                            AlertAction.Action.REESCALATE,
                            "system",
                            null,
                            "not acknowledged " + escalationDelay.toSeconds() + " s after it "
                                    + (n == 1 ? "opened" : "was escalated"),
                            now);
                })
                .filter(a -> inFlight.add(a.actionId()))
                .toList();
    }

    List<TakedownEvent> dueTakedowns(long now) {
        return takedowns.all(null).stream()
                .filter(t -> t.doneAt() == null && t.overdueMarkedAt() == null && now > t.deadline())
                .map(t -> TakedownEvent.builder(t.takedownId() + "/overdue", t.takedownId(), TakedownEvent.Type.OVERDUE)
                        .platform(t.platform())
                        .actor("system")
                        .note("no answer by the deadline")
                        .at(now)
                        .deadline(t.deadline())
                        .build())
                .filter(e -> inFlight.add(e.eventId()))
                .toList();
    }
}
