package io.livemod.gateway.webhook;

import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to platforms' webhook URLs: logs the delivery first (that is "queued"), then
 * POSTs it signed ({@link WebhookSigner}, re-signed at each attempt with a fresh timestamp and the
 * platform's current webhook secrets) to a checked address ({@link WebhookTarget}: outside dev mode
 * never an internal one), never following redirects and reading at most 64 KiB of the answer,
 * retrying non-2xx answers (3xx included) and network errors with exponential
 * back-off until {@link WebhookSettings#maxAttempts}. Delivery is at least once: the
 * {@code webhook-id} is stable across attempts, restarts and gateways, for receivers to dedupe.
 */
public final class WebhookDispatcher implements Webhooks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Bytes of a platform's answer read at most: only its status matters. */
    static final int MAX_ANSWER = 64 * 1024;

    private final Vertx vertx;
    private final Platforms platforms;
    private final DeliveryLog log;
    private final Scheduler scheduler;
    private final WebhookSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final HttpClient client;

    public WebhookDispatcher(
            Vertx vertx,
            Platforms platforms,
            DeliveryLog log,
            Scheduler scheduler,
            WebhookSettings settings,
            Clock clock,
            MeterRegistry metrics) {
        this.vertx = vertx;
        this.platforms = platforms;
        this.log = log;
        this.scheduler = scheduler;
        this.settings = settings.validate();
        this.clock = clock;
        this.metrics = metrics;
        // No redirects (a 303 must not become a GET inward), SNI for the name while connecting to the checked address.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setMaxRedirects(0)
                .setForceSni(true));
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
        String body = new JsonObject()
                .put("type", type)
                .put("timestamp", Instant.ofEpochMilli(createdAt).toString())
                .put("data", payload)
                .encode();
        Delivery d = new Delivery(
                id, platform, type, body, Delivery.PENDING, 0, null, null, createdAt, null, clock.millis());
        return blocking(() -> log.create(d)).onSuccess(created -> {
            if (created) attempt(d);
        });
    }

    /** {@code type:<natural id>}: the same event always gets the same webhook-id. */
    static String id(String type, JsonObject payload) {
        for (String field : new String[] {"decisionId", "takedownId", "id"}) {
            if (payload.getValue(field) instanceof String s && !s.isEmpty()) return type + ":" + s;
        }
        return type + ":" + UUID.randomUUID();
    }

    private void attempt(Delivery d) {
        Optional<Platform> p = platforms.get(d.platform());
        if (p.isEmpty() || p.get().webhookUrl() == null || p.get().webhookUrl().isBlank()) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.NO_ENDPOINT)
                    .increment();
            save(d.withStatus(Delivery.NO_ENDPOINT, "the platform has no webhook URL"));
            return;
        }
        List<String> keys = p.get().validWebhookSecrets(clock.millis());
        if (keys.isEmpty()) {
            finish(
                    d,
                    null,
                    "the platform has no webhook secret yet: save it once (POST /v1/platforms) or rotate its secret");
            return;
        }
        String url = p.get().webhookUrl();
        blocking(() -> WebhookTarget.resolve(url, platforms.devMode())).onComplete(ar -> {
            if (ar.failed()) {
                finish(d, null, ar.cause().toString());
            } else if (ar.result().refusal() != null) {
                metrics.counter("livemod_webhook_refused_targets_total").increment();
                finish(d, null, ar.result().refusal());
            } else {
                send(d, ar.result(), keys);
            }
        });
    }

    /** POSTs to the address that was checked, never following a redirect, reading at most {@link #MAX_ANSWER} of the answer. */
    private void send(Delivery d, WebhookTarget t, List<String> keys) {
        long ts = clock.millis() / 1000;
        RequestOptions o = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                .setHost(t.host())
                .setPort(t.port())
                .setSsl(t.https())
                .setURI(t.pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Livemod-Webhooks/1")
                .putHeader("webhook-id", d.id())
                .putHeader("webhook-timestamp", Long.toString(ts))
                .putHeader("webhook-signature", WebhookSigner.signature(keys, d.id(), ts, d.body()));
        client.request(o)
                .compose(req -> req.send(Buffer.buffer(d.body())))
                .compose(this::status)
                .onComplete(ar -> finish(
                        d,
                        ar.succeeded() ? ar.result() : null,
                        ar.failed()
                                ? ar.cause().getClass().getSimpleName() + ": "
                                        + ar.cause().getMessage()
                                : null));
    }

    /** The answer's status once its body is drained; a body over the cap is cut off (the connection is reset). */
    private Future<Integer> status(HttpClientResponse resp) {
        Promise<Integer> done = Promise.promise();
        long[] read = {0};
        resp.handler(buf -> {
            read[0] += buf.length();
            if (read[0] > MAX_ANSWER && done.tryComplete(resp.statusCode())) {
                metrics.counter("livemod_webhook_errors_total", "reason", "answer_too_large")
                        .increment();
                resp.request().reset();
            }
        });
        resp.endHandler(v -> done.tryComplete(resp.statusCode()));
        resp.exceptionHandler(e -> done.tryComplete(resp.statusCode()));
        return done.future();
    }

    private void finish(Delivery d, Integer code, String failure) {
        long at = clock.millis();
        if (code != null && code >= 200 && code < 300) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.DELIVERED)
                    .increment();
            save(d.attempted(Delivery.DELIVERED, code, null, at, null));
            return;
        }
        String error = code != null ? "HTTP " + code : failure;
        int attempts = d.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            metrics.counter("livemod_webhook_deliveries_total", "outcome", Delivery.FAILED)
                    .increment();
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
                })
                .onFailure(e -> {
                    metrics.counter("livemod_webhook_errors_total", "reason", "log")
                            .increment();
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
