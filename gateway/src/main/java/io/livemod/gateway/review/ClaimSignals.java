package io.livemod.gateway.review;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Tells every gateway's live feed that a flag changed outside Kafka: claims and releases are Redis
 * state, so on Redis they are announced on a pub/sub channel every gateway (this one included)
 * listens to; in memory there is one gateway and the announcement is local. Decisions need none of
 * this: each gateway sees them on the decisions topic.
 */
final class ClaimSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimSignals.class);
    private static final String CHANNEL = "livemod:review:changes";
    private final RedisClient redis;
    private final BiConsumer<String, String> changed;
    private final MeterRegistry metrics;
    private final Listener listener = new Listener();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean subscribedOnce;

    /** @param changed (platform, flagId) of a flag whose claim changed, on any gateway */
    ClaimSignals(RedisClient redis, BiConsumer<String, String> changed, MeterRegistry metrics) {
        this.redis = redis;
        this.changed = changed;
        this.metrics = metrics;
        this.thread = redis == null ? null : new Thread(this::listen, "livemod-claim-signals");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** May block (Redis PUBLISH): call off the event loop. */
    void announce(String platform, String flagId) {
        if (redis == null) changed.accept(platform, flagId);
        else redis.publish(CHANNEL, platform + "\n" + flagId);
    }

    /**
     * True once this gateway has heard announcements (always, in memory). A later lost subscription
     * does not make the gateway unready: it is retried, and only live claim updates wait for it.
     */
    boolean ready() {
        return redis == null || subscribedOnce;
    }

    private void listen() {
        while (running) {
            try {
                redis.subscribe(listener, CHANNEL); // blocks until unsubscribed or the connection drops
            } catch (RuntimeException e) {
                if (!running) return;
                metrics.counter("livemod_review_errors_total", "reason", "claim_signals")
                        .increment();
                LOG.warn("claim signals lost their Redis subscription, retrying: {}", e.toString());
                LockSupport.parkNanos(1_000_000_000L); // back off before reconnecting
            }
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int count) {
            subscribedOnce = true;
        }

        @Override
        public void onMessage(String channel, String message) {
            int nl = message.indexOf('\n');
            if (nl > 0) changed.accept(message.substring(0, nl), message.substring(nl + 1));
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread == null) return;
        if (listener.isSubscribed()) listener.unsubscribe();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
