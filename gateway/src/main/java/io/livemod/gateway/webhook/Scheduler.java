package io.livemod.gateway.webhook;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Runs a task later: Vert.x timers in the gateway, a hand-driven clock in tests (no sleeps). */
@FunctionalInterface
public interface Scheduler {
    void schedule(Duration delay, Runnable task);

    static Scheduler vertx(Vertx vertx) {
        return (delay, task) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
    }
}
