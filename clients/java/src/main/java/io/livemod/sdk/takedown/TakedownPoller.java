package io.livemod.sdk.takedown;

import io.livemod.sdk.LivemodClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls the open takedown requests addressed to the platform and hands each new one to a handler,
 * which takes the content down and returns a note; the poller then answers the request. The
 * webhook {@code takedown.requested} is the fast path; polling is the safety net for a missed
 * delivery. A handler that throws leaves the request open: it is offered again next poll.
 */
public final class TakedownPoller implements AutoCloseable {
    /** Takes the content of a request down and says what was done. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param request the request
         * @return the note to answer with, or {@code null} to leave the request open for now
         * @throws Exception to leave it open and try again next poll
         */
        String takeDown(Takedown request) throws Exception;
    }

    private final LivemodClient client;
    private final Handler handler;
    private final Consumer<Exception> errors;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "livemod-takedown-poller");
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts polling.
     *
     * @param client   the platform's client
     * @param every    how often to poll
     * @param handler  takes content down
     * @param errors   told about failed polls and handlers (the poller goes on)
     */
    public TakedownPoller(LivemodClient client, Duration every, Handler handler, Consumer<Exception> errors) {
        this.client = client;
        this.handler = handler;
        this.errors = errors;
        // pollOnce reports every failure to errors, so no poll ends the schedule; close() stops it.
        var unused = timer.scheduleWithFixedDelay(this::pollOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll: every open request not answered yet goes to the handler, then is answered. */
    public void pollOnce() {
        try {
            for (Takedown t : client.takedowns("open")) {
                if (answered.contains(t.takedownId())) continue;
                try {
                    String note = handler.takeDown(t);
                    if (note == null) continue;
                    client.answerTakedown(t.takedownId(), note);
                    answered.add(t.takedownId());
                } catch (Exception e) {
                    report(e);
                }
            }
        } catch (RuntimeException e) { // LivemodException or any other: an escaping one would end the schedule
            report(e);
        }
    }

    private void report(Exception e) {
        if (!closed) errors.accept(e); // closing interrupts a poll in progress: not an error
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
