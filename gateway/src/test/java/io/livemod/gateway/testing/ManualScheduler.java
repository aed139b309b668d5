package io.livemod.gateway.testing;

import io.livemod.gateway.webhook.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler driven by a {@link MutableClock}: tasks run when the test calls {@link #runDue}. */
public final class ManualScheduler implements Scheduler {
    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();

    public record Task(long dueAt, Duration delay, Runnable work) {}

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(clock.millis() + delay.toMillis(), delay, task));
    }

    public synchronized List<Duration> pendingDelays() {
        return tasks.stream().map(Task::delay).toList();
    }

    /** Runs (outside the lock) every task due by the clock's current time. */
    public void runDue() {
        List<Task> due;
        synchronized (this) {
            due = tasks.stream().filter(t -> t.dueAt() <= clock.millis()).toList();
            tasks.removeAll(due);
        }
        due.forEach(t -> t.work().run());
    }
}
