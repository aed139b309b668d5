package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2xx means acks=all: while Kafka is down nothing is accepted, and the failed batch's retry is stored once. */
class KafkaUnavailableTest {
    @TempDir
    Path dir;

    static String batch(String... ids) {
        List<String> items = new ArrayList<>();
        for (String id : ids) {
            items.add(new JsonObject()
                    .put("id", id)
                    .put("streamId", "l")
                    .put("userId", "u")
                    .put("text", "t")
                    .put("ts", "2026-11-28T20:00:00Z")
                    .encode());
        }
        return "[" + String.join(",", items) + "]";
    }

    @Test
    void whileKafkaIsDownBatchesAre503AndTheirRetryIsStoredOnceKafkaIsBack() {
        int port = EmbeddedBroker.freePort();
        EmbeddedBroker broker = EmbeddedBroker.start(dir, port);
        try {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            try (TestGateway gw = new TestGateway(
                    broker.bootstrap(), Clock.systemUTC(), null, c -> c.withDeliveryTimeout(Duration.ofSeconds(3)))) {
                gw.addPlatform("p", "sec");
                assertThat(gw.post("/v1/ingest/comments", "p", "sec", batch("a1"))
                                .statusCode())
                        .isEqualTo(202);

                broker.close();
                HttpResponse<String> down = gw.post("/v1/ingest/comments", "p", "sec", batch("b1", "b2"));

                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(new JsonObject(down.body()).getString("error")).isEqualTo("kafka_unavailable");

                broker = EmbeddedBroker.start(dir, port);
                String bootstrap = broker.bootstrap();
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> gw.post("/v1/ingest/comments", "p", "sec", batch("probe-" + System.nanoTime()))
                                        .statusCode()
                                == 202);
                HttpResponse<String> retry = gw.post("/v1/ingest/comments", "p", "sec", batch("b1", "b2"));

                assertThat(retry.statusCode())
                        .as("retry answered %s", retry.body())
                        .isEqualTo(202);
                assertThat(new JsonObject(retry.body()).getInteger("accepted"))
                        .as("released, not duplicates")
                        .isEqualTo(2);
                assertThat(ids(bootstrap))
                        .filteredOn(id -> !id.startsWith("probe-"))
                        .containsExactlyInAnyOrder("a1", "b1", "b2");
            }
        } finally {
            broker.close();
        }
    }

    private static List<String> ids(String bootstrap) {
        return TestBroker.readAll(bootstrap, Topics.COMMENTS).stream()
                .map(r -> r.value().id())
                .toList();
    }
}
