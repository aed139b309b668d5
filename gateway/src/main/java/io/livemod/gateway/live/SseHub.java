package io.livemod.gateway.live;

import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Server-Sent Events fan-out for one kind of event (flags, alerts). A route hands each request to
 * {@link #open} with the caller's filter (its tenant boundary); {@link #publish} may be called from
 * any thread (Kafka followers) and writes each event on the subscriber's own Vert.x context.
 * Each event is encoded once, not per subscriber. A subscriber whose write queue is full is
 * disconnected rather than buffered without bound: EventSource reconnects and the client reloads
 * its list. A comment line every {@code heartbeat} keeps proxies from closing idle streams.
 *
 * <pre>
 *   SseHub&lt;Alert&gt; hub = new SseHub&lt;&gt;(vertx, null, Alert::alertId, Json::string, metrics, "alerts");
 *   router.get("/v1/alerts/live").handler(auth.require(OFFICER)).handler(ctx -> hub.open(ctx, a -> true));
 *   follower: (record, live) -> { if (live) hub.publish(record.value()); }
 * </pre>
 */
public final class SseHub<T> implements AutoCloseable {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private final Vertx vertx;
    private final String eventName;
    private final Function<T, String> id;
    private final Function<T, String> data;
    private final Set<Subscriber<T>> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final MeterRegistry metrics;
    private final String feed;
    private final long timer;
    private final Limits limits;
    private final java.util.Map<String, Integer> perOwner = new java.util.HashMap<>();

    private record Subscriber<T>(Context context, HttpServerResponse response, Predicate<T> filter, String owner) {}

    /** How many streams a feed serves at once, and how many of them one token subject may hold. */
    public record Limits(int total, int perSubject) {
        public static final Limits DEFAULT = new Limits(1000, 8);
    }

    /**
     * @param eventName the SSE {@code event:} field, or null for unnamed events (what EventSource's
     *                  {@code onmessage} receives; a named event needs {@code addEventListener(name)})
     * @param id        the SSE {@code id:} of an event (null function for none)
     * @param data      the event's JSON text (one line)
     * @param feed      a metric tag naming this feed
     */
    public SseHub(
            Vertx vertx,
            String eventName,
            Function<T, String> id,
            Function<T, String> data,
            MeterRegistry metrics,
            String feed) {
        this(vertx, eventName, id, data, metrics, feed, Limits.DEFAULT);
    }

    public SseHub(
            Vertx vertx,
            String eventName,
            Function<T, String> id,
            Function<T, String> data,
            MeterRegistry metrics,
            String feed,
            Limits limits) {
        this.limits = limits;
        this.vertx = vertx;
        this.eventName = eventName;
        this.id = id;
        this.data = data;
        this.metrics = metrics;
        this.feed = feed;
        metrics.gauge("livemod_sse_subscribers", io.micrometer.core.instrument.Tags.of("feed", feed), count);
        this.timer = vertx.setPeriodic(HEARTBEAT.toMillis(), t -> broadcast(": ping\n\n", null));
    }

    /**
     * Starts an event stream on this request; only events passing {@code filter} are sent to it.
     * Refused with 429 when the feed or the caller ({@code Auth.PRINCIPAL}'s subject) holds its
     * limit of streams; ended when the caller's token expires ({@code Auth.EXPIRES_AT}), so a feed
     * never outlives the credentials that opened it (EventSource reconnects, with a fresh token).
     */
    public void open(RoutingContext ctx, Predicate<T> filter) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String owner = who == null ? "-" : who.role().wire() + ":" + who.sub();
        if (!reserve(owner)) {
            metrics.counter("livemod_sse_errors", "feed", feed, "reason", "limit")
                    .increment();
            Errors.retryLater(
                    ctx,
                    429,
                    "too_many_streams",
                    "this feed serves at most " + limits.total() + " streams, " + limits.perSubject()
                            + " per user; close one or retry later",
                    30);
            return;
        }
        HttpServerResponse resp = ctx.response();
        resp.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no"); // nginx would otherwise hold events back
        Subscriber<T> sub = new Subscriber<>(vertx.getOrCreateContext(), resp, filter, owner);
        resp.closeHandler(v -> remove(sub));
        resp.exceptionHandler(e -> remove(sub));
        // The first bytes flush the headers, so clients (and tests) know the stream is open.
        resp.write("retry: 3000\n: connected\n\n");
        subscribers.add(sub);
        Long exp = ctx.get(Auth.EXPIRES_AT);
        if (exp != null) {
            // exp was checked by the JWT library against the wall clock; the feed ends on the same clock.
            long timer = vertx.setTimer(Math.max(1, exp * 1000 - System.currentTimeMillis()), t -> expire(sub));
            resp.closeHandler(v -> {
                vertx.cancelTimer(timer);
                remove(sub);
            });
        }
    }

    private boolean reserve(String owner) {
        synchronized (perOwner) {
            if (count.get() >= limits.total() || perOwner.getOrDefault(owner, 0) >= limits.perSubject()) return false;
            perOwner.merge(owner, 1, Integer::sum);
            count.incrementAndGet();
            return true;
        }
    }

    private void expire(Subscriber<T> sub) {
        if (!subscribers.contains(sub)) return;
        metrics.counter("livemod_sse_closed_total", "feed", feed, "reason", "token_expired")
                .increment();
        remove(sub);
        sub.context().runOnContext(v -> {
            if (!sub.response().ended()) sub.response().end("event: expired\ndata: {\"error\":\"token_expired\"}\n\n");
        });
    }

    /** Sends {@code event} to every subscriber whose filter admits it. Thread-safe. */
    public void publish(T event) {
        if (subscribers.isEmpty()) return;
        String frame = (eventName == null ? "" : "event: " + eventName + "\n")
                + (id == null ? "" : "id: " + id.apply(event) + "\n") + "data: "
                + data.apply(event).replace("\n", "\ndata: ") + "\n\n";
        broadcast(frame, event);
    }

    public int subscribers() {
        return count.get();
    }

    private void broadcast(String frame, T event) {
        for (Subscriber<T> sub : subscribers) {
            if (event != null && !admits(sub, event)) continue;
            sub.context().runOnContext(v -> write(sub, frame));
        }
    }

    private boolean admits(Subscriber<T> sub, T event) {
        try {
            return sub.filter().test(event);
        } catch (RuntimeException e) {
            metrics.counter("livemod_sse_errors", "feed", feed, "reason", "filter")
                    .increment();
            return false;
        }
    }

    private void write(Subscriber<T> sub, String frame) {
        if (!subscribers.contains(sub)) return;
        if (sub.response().writeQueueFull()) {
            metrics.counter("livemod_sse_errors", "feed", feed, "reason", "slow_consumer")
                    .increment();
            remove(sub);
            sub.response().reset();
            return;
        }
        sub.response().write(frame);
    }

    private void remove(Subscriber<T> sub) {
        if (!subscribers.remove(sub)) return;
        synchronized (perOwner) {
            count.decrementAndGet();
            perOwner.computeIfPresent(sub.owner(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Ends every open stream (gateway shutdown). */
    @Override
    public void close() {
        vertx.cancelTimer(timer);
        for (Subscriber<T> sub : subscribers) {
            remove(sub);
            sub.context().runOnContext(v -> {
                if (!sub.response().ended()) sub.response().end();
            });
        }
    }
}
