package io.livemod.gateway.webhook;

import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Delivers events to platforms' webhook URLs: logs the delivery first (that is "queued"), then
 * POSTs it signed ({@link WebhookSigner}, re-signed at each attempt with a fresh timestamp and the
 * platform's current secrets), retrying non-2xx answers and network errors with exponential
 * back-off until {@link WebhookSettings#maxAttempts}. Delivery is at least once: the
 * {@code webhook-id} is stable across attempts, restarts and gateways, for receivers to dedupe.
 */
public final class WebhookDispatcher implements Webhooks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private final Vertx vertx;
    private final Platforms platforms;
    private final DeliveryLog log;
    private final Scheduler scheduler;
    private final WebhookSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final WebClient client;

    public WebhookDispatcher(Vertx vertx, Platforms platforms, DeliveryLog log, Scheduler scheduler,
                             WebhookSettings settings, Clock clock, MeterRegistry metrics) {
        this.vertx = vertx;
        this.platforms = platforms;
        this.log = log;
        this.scheduler = scheduler;
        this.settings = settings.validate();
        this.clock = clock;
        this.metrics = metrics;
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Livemod-Webhooks/1")
                .setConnectTimeout((int) settings.timeout().toMillis()));
    }

    public DeliveryLog log() {
        return log;
    }

    @Override
    public Future<Void> deliver(String platform, String type, JsonObject payload) {
        return enqueue(platform, type, payload, clock.millis()).mapEmpty();
    }

    @Override
    public void recover(String platform, String type, JsonObject payload, long createdAt) {
        if (createdAt < clock.millis() - settings.redeliverWithin().toMillis()) return;
        blocking(() -> log.get(id(type, payload)).isPresent()).onSuccess(known -> {
            if (!known) {
                metrics.counter("livemod_webhook_recovered_total", "type", type).increment();
                enqueue(platform, type, payload, createdAt);
            }
        });
    }

    /** Picks up deliveries a previous run left pending (Redis keeps them), each at its due time. */
    public Future<Integer> resume() {
        return blocking(log::pending).map(pending -> {
            long now = clock.millis();
            for (Delivery d : pending) {
                long due = d.nextAttemptAt() == null ? now : d.nextAttemptAt();
                scheduler.schedule(Duration.ofMillis(Math.max(0, due - now)), () -> attempt(d));
            }
            if (!pending.isEmpty()) LOG.info("resuming {} pending webhook deliveries", pending.size());
            return pending.size();
        });
    }

    private Future<Boolean> enqueue(String platform, String type, JsonObject payload, long createdAt) {
        String id = id(type, payload);
        String body = new JsonObject().put("type", type).put("timestamp", Instant.ofEpochMilli(createdAt).toString())
                .put("data", payload).encode();
        Delivery d = new Delivery(id, platform, type, body, Delivery.PENDING, 0, null, null, createdAt, null, clock.millis());
        return blocking(() -> log.create(d)).onSuccess(created -> {
            if (created) attempt(d);
        });
    }

    /** {@code type:<natural id>}: the same event always gets the same webhook-id. */
    static String id(String type, JsonObject payload) {
        for (String field : new String[]{"decisionId", "takedownId", "id"}) {
            if (payload.getValue(field) instanceof String s && !s.isEmpty()) return type + ":" + s;
        }
        return type + ":" + UUID.randomUUID();
    }

    private void attempt(Delivery d) {
        Optional<Platform> p = platforms.get(d.platform());
        if (p.isEmpty() || p.get().webhookUrl() == null || p.get().webhookUrl().isBlank()) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.NO_ENDPOINT).increment();
            save(d.withStatus(Delivery.NO_ENDPOINT, "the platform has no webhook URL"));
            return;
        }
        long ts = clock.millis() / 1000;
        try {
            client.postAbs(p.get().webhookUrl()).timeout(settings.timeout().toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("webhook-id", d.id())
                    .putHeader("webhook-timestamp", Long.toString(ts))
                    .putHeader("webhook-signature", WebhookSigner.signature(p.get().validSecrets(clock.millis()), d.id(), ts, d.body()))
                    .sendBuffer(Buffer.buffer(d.body()))
                    .onComplete(ar -> finish(d, ar));
        } catch (RuntimeException e) { // a malformed URL fails here rather than in the future
            finish(d, Future.failedFuture(e));
        }
    }

    private void finish(Delivery d, AsyncResult<HttpResponse<Buffer>> ar) {
        long at = clock.millis();
        Integer code = ar.succeeded() ? ar.result().statusCode() : null;
        if (code != null && code >= 200 && code < 300) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.DELIVERED).increment();
            save(d.attempted(Delivery.DELIVERED, code, null, at, null));
            return;
        }
        String error = code != null ? "HTTP " + code : ar.cause().getClass().getSimpleName() + ": " + ar.cause().getMessage();
        int attempts = d.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.FAILED).increment();
            LOG.warn("webhook {} to {} failed after {} attempts: {}", d.id(), d.platform(), attempts, error);
            save(d.attempted(Delivery.FAILED, code, error, at, null));
            return;
        }
        metrics.counter("livemod_webhook_deliveries_total", "outcome", "retry").increment();
        Duration wait = settings.backoff(attempts);
        Delivery next = d.attempted(Delivery.PENDING, code, error, at, at + wait.toMillis());
        save(next).onComplete(v -> scheduler.schedule(wait, () -> attempt(next)));
    }

    private Future<Void> save(Delivery d) {
        return blocking(() -> {
            log.update(d);
            return (Void) null;
        }).onFailure(e -> {
            metrics.counter("livemod_webhook_errors_total", "reason", "log").increment();
            LOG.warn("delivery log update of {} failed: {}", d.id(), e.toString());
        });
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    @Override
    public void close() {
        client.close();
    }
}
