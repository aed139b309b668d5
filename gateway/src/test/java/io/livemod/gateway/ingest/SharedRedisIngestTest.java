package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.RedisServer;
import io.livemod.event.Comment;
import io.livemod.event.Topics;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.quota.Quota;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways behind one Redis, as behind a load balancer: one quota for both, and no event lost
 * or stored twice however the retries and duplicates are spread between them.
 */
class SharedRedisIngestTest {
    static RedisServer redis;
    static final MutableClock FROZEN = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    static String comment(String id) {
        return new JsonObject()
                .put("id", id)
                .put("streamId", "live-1")
                .put("userId", "u" + (id.hashCode() % 50))
                .put("text", "bình luận " + id)
                .put("ts", "2026-11-28T20:00:00+07:00")
                .encode();
    }

    static String batch(List<String> ids) {
        List<String> items = new ArrayList<>();
        for (String id : ids) items.add(comment(id));
        return "[" + String.join(",", items) + "]";
    }

    @Test
    void twoGatewaysOnOneRedisEnforceOneQuota() {
        String platform = "quota-" + UUID.randomUUID();
        try (TestGateway a = new TestGateway(FROZEN, redis.uri(), UnaryOperator.identity());
                TestGateway b = new TestGateway(FROZEN, redis.uri(), UnaryOperator.identity())) {
            for (TestGateway g : List.of(a, b)) {
                g.platforms.put(new Platform(
                        platform,
                        platform,
                        Platform.of(platform, platform, "sec", null).keys(),
                        null,
                        new Quota(10, 100),
                        0,
                        0));
            }
            int accepted = 0;
            int[] throttledBy = new int[2];
            for (int i = 0; i < 16; i++) {
                TestGateway g = i % 2 == 0 ? a : b;
                HttpResponse<String> r = g.post("/v1/ingest/comments", platform, "sec", batch(ids("e" + i + "-", 10)));
                if (r.statusCode() == 202) accepted += new JsonObject(r.body()).getInteger("accepted");
                else {
                    assertThat(r.statusCode()).isEqualTo(429);
                    throttledBy[i % 2]++;
                }
            }
            // The clock is frozen: exactly the burst of 100 got in, through both gateways together.
            assertThat(accepted).isEqualTo(100);
            assertThat(throttledBy[0]).isEqualTo(3);
            assertThat(throttledBy[1]).isEqualTo(3);

            FROZEN.advance(Duration.ofSeconds(1)); // +10 tokens, for whichever gateway asks first
            assertThat(b.post("/v1/ingest/comments", platform, "sec", batch(ids("late-b", 10)))
                            .statusCode())
                    .isEqualTo(202);
            assertThat(a.post("/v1/ingest/comments", platform, "sec", batch(ids("late-a", 10)))
                            .statusCode())
                    .isEqualTo(429);

            // The replay cache is shared too: a signature used on one gateway is refused by the other.
            byte[] body = batch(ids("replay-", 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpRequest.Builder signed = io.livemod.gateway.testing.Signer.sign(
                            java.net.http.HttpRequest.newBuilder(),
                            FROZEN,
                            platform,
                            "sec",
                            "POST",
                            "/v1/ingest/comments",
                            body)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            FROZEN.advance(Duration.ofSeconds(1));
            assertThat(TestGateway.send(signed.uri(java.net.URI.create(b.url("/v1/ingest/comments")))
                                    .build())
                            .statusCode())
                    .isEqualTo(202);
            HttpResponse<String> replayed =
                    TestGateway.send(signed.uri(java.net.URI.create(a.url("/v1/ingest/comments")))
                            .build());
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(new JsonObject(replayed.body()).getString("error")).isEqualTo("replayed_signature");
        }
    }

    @Test
    void nSignedEventsWithRetriesAndDuplicatesAcrossTwoGatewaysAreExactlyNRecords() throws Exception {
        String platform = "noloss-" + UUID.randomUUID();
        int n = 3000;
        List<String> all = ids("ev-", n);
        try (TestGateway a = new TestGateway(Clock.systemUTC(), redis.uri(), UnaryOperator.identity());
                TestGateway b = new TestGateway(Clock.systemUTC(), redis.uri(), UnaryOperator.identity())) {
            a.addPlatform(platform, "sec");
            b.addPlatform(platform, "sec");
            Random random = new Random(42);
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < n; i += 50) {
                List<String> batch = new ArrayList<>(all.subList(i, i + 50));
                for (int d = 0; d < 5; d++)
                    batch.add(all.get(random.nextInt(i + 50))); // earlier ids again, and repeats within
                Collections.shuffle(batch, random);
                batches.add(batch);
                if (random.nextInt(3) == 0) batches.add(batch); // the client retries the whole batch
            }
            Collections.shuffle(batches, random);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger inFlightRetries = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                List<String> batch = batches.get(i);
                TestGateway first = i % 2 == 0 ? a : b;
                done.add(clients.submit(
                        () -> sendUntilStored(first, first == a ? b : a, platform, batch, accepted, inFlightRetries)));
            }
            for (Future<?> f : done) f.get();
            clients.shutdown();

            List<Comment> stored = TestBroker.readAll(Topics.COMMENTS).stream()
                    .map(ConsumerRecord::value)
                    .filter(c -> c.platform().equals(platform))
                    .toList();
            Set<String> distinct = new HashSet<>();
            stored.forEach(c -> distinct.add(c.id()));
            assertThat(stored).hasSize(n);
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(all);
            assertThat(accepted.get()).isEqualTo(n);
        }
    }

    /** A well-behaved platform: resends what was not stored (in-flight elsewhere, 503) to the other gateway. */
    private static void sendUntilStored(
            TestGateway g,
            TestGateway other,
            String platform,
            List<String> batch,
            AtomicInteger accepted,
            AtomicInteger inFlightRetries) {
        List<String> todo = batch;
        TestGateway target = g;
        while (!todo.isEmpty()) {
            HttpResponse<String> r = target.post("/v1/ingest/comments", platform, "sec", batch(todo));
            target = target == g ? other : g;
            if (r.statusCode() != 202) {
                assertThat(r.statusCode()).as(r.body()).isIn(429, 503);
                continue;
            }
            JsonObject out = new JsonObject(r.body());
            accepted.addAndGet(out.getInteger("accepted"));
            List<String> again = new ArrayList<>();
            JsonArray rejected = out.getJsonArray("rejected");
            for (int i = 0; i < rejected.size(); i++) {
                JsonObject rej = rejected.getJsonObject(i);
                assertThat(rej.getString("error")).isEqualTo("in_flight");
                again.add(rej.getString("id"));
            }
            inFlightRetries.addAndGet(again.size());
            todo = again;
        }
    }

    static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) ids.add(prefix + i);
        return ids;
    }
}
