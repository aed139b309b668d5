package io.livemod.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.RedisServer;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.ManualScheduler;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.TestPlatforms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Delivery against a real local HTTP receiver (a Vert.x server that fails the first attempts), with
 * a hand-driven clock and scheduler: back-off is asserted as scheduled delays, never waited for.
 */
class WebhookDispatcherTest {
    static final String SECRET = "platform-p-current-secret";
    static final String OLD_SECRET = "platform-p-previous-secret";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    Vertx vertx;
    HttpServer receiver;
    Platforms platforms;

    record Received(MultiMap headers, String body) {}

    @BeforeEach
    void startReceiver() {
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    received.add(new Received(
                            MultiMap.caseInsensitiveMultiMap()
                                    .addAll(req.headers())
                                    .add(":path", req.path()),
                            body.toString()));
                    switch (req.path()) {
                        case "/redirect" ->
                            req.response()
                                    .setStatusCode(303)
                                    .putHeader("Location", "/inward")
                                    .end();
                        case "/endless" ->
                            endless(req.response().setChunked(true).setStatusCode(200));
                        default ->
                            req.response()
                                    .setStatusCode(failFirst.getAndDecrement() > 0 ? 503 : 204)
                                    .end();
                    }
                }))
                .listen(0, "127.0.0.1")
                .await();
        // Dev mode: the receiver is on this machine, which only dev mode lets webhooks reach.
        platforms = new Platforms(true);
        platforms.put(TestPlatforms.platform(
                "p", "http://127.0.0.1:" + receiver.actualPort() + "/hooks", SECRET, OLD_SECRET));
        platforms.put(TestPlatforms.platform("quiet", null, "quiet-secret"));
    }

    /** Writes 4 KiB chunks for as long as the client reads them. */
    static void endless(io.vertx.core.http.HttpServerResponse resp) {
        if (resp.closed()) return;
        resp.write(io.vertx.core.buffer.Buffer.buffer(new byte[4096])).onComplete(ar -> {
            if (ar.succeeded()) endless(resp);
        });
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    WebhookDispatcher dispatcher(DeliveryLog log, int maxAttempts) {
        WebhookSettings s = new WebhookSettings(
                maxAttempts, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofHours(6));
        return new WebhookDispatcher(vertx, platforms, log, scheduler, s, clock, new SimpleMeterRegistry());
    }

    static JsonObject decision(String id) {
        return new JsonObject().put("decisionId", id).put("flagId", "f-" + id).put("action", "remove");
    }

    /** Moves time to the next retry and runs it, after the previous attempt scheduled one. */
    void nextRetry(Duration expectedDelay) {
        await().until(() -> scheduler.pendingDelays().equals(List.of(expectedDelay)));
        clock.advance(expectedDelay);
        scheduler.runDue();
    }

    @Test
    void retriesWithExponentialBackOffUntilDeliveredSignedTheSameWayEachTime() {
        failFirst.set(2);
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        WebhookDispatcher d = dispatcher(log, 10);
        d.deliver("p", "decision.created", decision("d1")).await();

        await().until(() -> received.size() == 1);
        nextRetry(Duration.ofSeconds(5));
        await().until(() -> received.size() == 2);
        nextRetry(Duration.ofSeconds(10));
        await().until(() ->
                log.get("decision.created:d1").map(Delivery::status).orElse("").equals(Delivery.DELIVERED));

        Delivery done = log.get("decision.created:d1").orElseThrow();
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastStatusCode()).isEqualTo(204);
        assertThat(received).hasSize(3).allSatisfy(r -> {
            assertThat(r.headers().get("webhook-id")).isEqualTo("decision.created:d1");
            long ts = Long.parseLong(r.headers().get("webhook-timestamp"));
            // Computed by the Standard Webhooks reference library from each whsec_ secret.
            assertThat(r.headers().get("webhook-signature").split(" "))
                    .containsExactly(
                            new com.standardwebhooks.Webhook(TestPlatforms.whsec(SECRET))
                                    .sign("decision.created:d1", ts, r.body()),
                            new com.standardwebhooks.Webhook(TestPlatforms.whsec(OLD_SECRET))
                                    .sign("decision.created:d1", ts, r.body()));
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getString("type")).isEqualTo("decision.created");
            assertThat(body.getJsonObject("data").getString("decisionId")).isEqualTo("d1");
        });
        // Each attempt is signed at its own time: the retry after 5 s carries a later timestamp.
        assertThat(Long.parseLong(received.get(1).headers().get("webhook-timestamp")))
                .isEqualTo(Long.parseLong(received.get(0).headers().get("webhook-timestamp")) + 5);
        assertThat(log.list("p", null, 10)).extracting(Delivery::id).containsExactly("decision.created:d1");
        assertThat(log.list("quiet", null, 10)).isEmpty();
    }

    @Test
    void theStandardWebhooksReferenceLibraryVerifiesWhatIsSigned() throws Exception {
        String secret = io.livemod.gateway.platform.WebhookSecrets.generate();
        long now = System.currentTimeMillis() / 1000; // the library checks the timestamp against the real clock
        String body = "{\"type\":\"decision.created\",\"data\":{\"decisionId\":\"d9\",\"note\":\"xúc phạm\"}}";
        String sig = WebhookSigner.signature(
                List.of(io.livemod.gateway.platform.WebhookSecrets.generate(), secret),
                "decision.created:d9",
                now,
                body);
        java.util.Map<String, List<String>> headers = java.util.Map.of(
                "webhook-id",
                List.of("decision.created:d9"),
                "webhook-timestamp",
                List.of(Long.toString(now)),
                "webhook-signature",
                List.of(sig));
        new com.standardwebhooks.Webhook(secret).verify(body, headers); // throws when it does not verify
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> new com.standardwebhooks.Webhook(secret).verify(body + " ", headers)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }

    @Test
    void outsideDevModeInternalTargetsAreRefusedByTheirResolvedAddress() {
        platforms = new Platforms(false);
        for (String url : List.of(
                "https://127.0.0.1:" + receiver.actualPort() + "/hooks",
                "https://localhost:" + receiver.actualPort() + "/hooks",
                "https://[::1]:" + receiver.actualPort() + "/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.7/hooks")) {
            platforms.put(TestPlatforms.platform("p", url, SECRET));
            MemoryDeliveryLog log = new MemoryDeliveryLog();
            dispatcher(log, 5).deliver("p", "decision.created", decision("int")).await();
            await().until(() ->
                    log.get("decision.created:int").map(Delivery::attempts).orElse(0) == 1);
            assertThat(log.get("decision.created:int").orElseThrow().lastError())
                    .as(url)
                    .contains("internal address");
        }
        assertThat(received).isEmpty();
        assertThat(WebhookTarget.internal(address("100.64.1.1"))).isTrue();
        assertThat(WebhookTarget.internal(address("::ffff:192.168.1.1"))).isTrue();
        assertThat(WebhookTarget.internal(address("fd00::1"))).isTrue();
        assertThat(WebhookTarget.internal(address("203.113.1.1"))).isFalse();
        assertThat(WebhookTarget.internal(address("2001:db8::1"))).isFalse();
    }

    static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        platforms.put(TestPlatforms.platform("p", "http://127.0.0.1:" + receiver.actualPort() + "/redirect", SECRET));
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        dispatcher(log, 5).deliver("p", "decision.created", decision("r1")).await();
        await().until(() ->
                log.get("decision.created:r1").map(Delivery::attempts).orElse(0) == 1);
        assertThat(log.get("decision.created:r1").orElseThrow().lastStatusCode())
                .isEqualTo(303);
        assertThat(received).extracting(r -> r.headers().get(":path")).containsExactly("/redirect");
    }

    @Test
    void anEndlessAnswerIsCutOffAfterItsFirstBytes() {
        platforms.put(TestPlatforms.platform("p", "http://127.0.0.1:" + receiver.actualPort() + "/endless", SECRET));
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        dispatcher(log, 5).deliver("p", "decision.created", decision("e1")).await();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.get("decision.created:e1")
                .map(Delivery::status)
                .orElse("")
                .equals(Delivery.DELIVERED));
        assertThat(log.get("decision.created:e1").orElseThrow().lastStatusCode())
                .isEqualTo(200);
    }

    @Test
    void givesUpAfterTheLastAttemptAndLogsWhy() {
        failFirst.set(100);
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        dispatcher(log, 3)
                .deliver("p", "takedown.requested", new JsonObject().put("takedownId", "t1"))
                .await();
        await().until(() -> received.size() == 1);
        nextRetry(Duration.ofSeconds(5));
        await().until(() -> received.size() == 2);
        nextRetry(Duration.ofSeconds(10));
        await().until(() -> log.get("takedown.requested:t1")
                .map(Delivery::status)
                .orElse("")
                .equals(Delivery.FAILED));
        Delivery failed = log.get("takedown.requested:t1").orElseThrow();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(scheduler.pendingDelays()).isEmpty();
        assertThat(received).hasSize(3);
    }

    @Test
    void aNetworkErrorIsRetriedToo() {
        platforms.put(TestPlatforms.platform("p", "http://127.0.0.1:1/nobody-listens", SECRET));
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        dispatcher(log, 5).deliver("p", "decision.created", decision("d2")).await();
        await().until(() ->
                log.get("decision.created:d2").map(Delivery::attempts).orElse(0) == 1);
        Delivery d = log.get("decision.created:d2").orElseThrow();
        assertThat(d.status()).isEqualTo(Delivery.PENDING);
        assertThat(d.lastStatusCode()).isNull();
        assertThat(d.lastError()).isNotBlank();
        assertThat(d.nextAttemptAt()).isEqualTo(clock.millis() + 5000);
    }

    @Test
    void aPlatformWithoutAnEndpointIsLoggedNotAttempted() {
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        dispatcher(log, 5).deliver("quiet", "decision.created", decision("d3")).await();
        await().until(() ->
                log.get("decision.created:d3").map(Delivery::status).orElse("").equals(Delivery.NO_ENDPOINT));
        assertThat(received).isEmpty();
    }

    @Test
    void recoveryDeliversOnlyRecentEventsTheLogDoesNotKnow() {
        MemoryDeliveryLog log = new MemoryDeliveryLog();
        WebhookDispatcher d = dispatcher(log, 5);
        d.deliver("p", "decision.created", decision("known")).await();
        await().until(() -> received.size() == 1);

        d.recover("p", "decision.created", decision("known"), clock.millis());
        d.recover(
                "p",
                "decision.created",
                decision("ancient"),
                clock.millis() - Duration.ofHours(7).toMillis());
        d.recover(
                "p",
                "decision.created",
                decision("lost"),
                clock.millis() - Duration.ofMinutes(1).toMillis());
        await().until(() -> received.size() == 2);
        assertThat(new JsonObject(received.get(1).body()).getJsonObject("data").getString("decisionId"))
                .isEqualTo("lost");
        await().until(() -> log.get("decision.created:lost")
                .map(Delivery::status)
                .orElse("")
                .equals(Delivery.DELIVERED));
        assertThat(log.get("decision.created:ancient")).isEmpty();
        assertThat(received).hasSize(2);
    }

    @Test
    void theMemoryLogIsBoundedAndKeepsPendingDeliveries() {
        MemoryDeliveryLog log = new MemoryDeliveryLog(10);
        log.create(new Delivery("pending-0", "p", "t", "{}", Delivery.PENDING, 1, 503, "HTTP 503", 0, 0L, 5L));
        for (int i = 1; i <= 30; i++)
            log.create(new Delivery("d-" + i, "p", "t", "{}", Delivery.DELIVERED, 1, 200, null, i, (long) i, null));
        List<Delivery> kept = log.list("p", null, 100);
        assertThat(kept.size()).isBetween(9, 11);
        assertThat(kept).extracting(Delivery::id).contains("pending-0", "d-30").doesNotContain("d-1");
    }

    @Test
    void aPendingDeliverySurvivesARestartOnRedis() {
        try (RedisServer redis = RedisServer.start();
                RedisClient client = RedisClient.create(java.net.URI.create(redis.uri()))) {
            failFirst.set(1);
            dispatcher(new RedisDeliveryLog(client), 5)
                    .deliver("p", "decision.created", decision("d4"))
                    .await();
            await().until(() -> new RedisDeliveryLog(client)
                            .get("decision.created:d4")
                            .map(Delivery::attempts)
                            .orElse(0)
                    == 1);

            // A new gateway on the same Redis: the first one's timer is gone, the log is not.
            ManualScheduler fresh = new ManualScheduler(clock);
            RedisDeliveryLog log = new RedisDeliveryLog(client);
            WebhookSettings s = new WebhookSettings(
                    5, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofHours(6));
            assertThat(new WebhookDispatcher(vertx, platforms, log, fresh, s, clock, new SimpleMeterRegistry())
                            .resume()
                            .await())
                    .isEqualTo(1);
            assertThat(fresh.pendingDelays()).containsExactly(Duration.ofSeconds(5));
            clock.advance(Duration.ofSeconds(5));
            fresh.runDue();
            await().until(() -> log.get("decision.created:d4")
                    .map(Delivery::status)
                    .orElse("")
                    .equals(Delivery.DELIVERED));
            assertThat(log.pending()).isEmpty();
            assertThat(log.list("p", Delivery.DELIVERED, 10))
                    .extracting(Delivery::attempts)
                    .containsExactly(2);
        }
    }
}
