package io.livemod.gateway.testing;

import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Flag;
import io.livemod.event.Topic;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.rules.Severity;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The real parts the moderators' tests need: an embedded broker with topics, gateways on it, flags produced. */
public final class ReviewStack {
    private ReviewStack() {}

    public static EmbeddedBroker broker(Path dir) {
        EmbeddedBroker broker = EmbeddedBroker.start(dir, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException("cannot create topics", e);
        }
        // New topics reach the brokers' metadata a little later; the gateway's warm-up gives them 200 ms.
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrap(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        15_000),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Topics.ALL.forEach(t -> p.partitionsFor(t.name()));
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException("cannot create topics", e);
        }
        return broker;
    }

    /** A started gateway (dev mode, its own Vert.x) that has caught up with Kafka. */
    public record Running(Vertx vertx, Gateway gateway, Http http) implements AutoCloseable {
        public String token(String sub, Principal.Role role, String platform) {
            return gateway.auth().devToken(sub, role, platform, 10);
        }

        @Override
        public void close() {
            gateway.close();
            vertx.close().await();
        }
    }

    public static Running gateway(String bootstrap, String redisUri, Platforms platforms, Clock clock) {
        Vertx vertx = Vertx.vertx();
        GatewayConfig config = GatewayConfig.dev(bootstrap, 0).withRedis(redisUri);
        Gateway g = new Gateway(vertx, config, platforms, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try {
            g.start().await();
        } catch (RuntimeException e) {
            g.close();
            vertx.close().await();
            throw e;
        }
        await().atMost(Duration.ofSeconds(20)).until(g::ready);
        return new Running(vertx, g, new Http(g.port()));
    }

    public static <V> void produce(String bootstrap, Topic<String, V> topic, List<Map.Entry<String, V>> records) {
        try (KafkaProducer<String, V> p = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                topic.key().serializer(),
                topic.value().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, V> r : records)
                sent.add(p.send(new ProducerRecord<>(topic.name(), r.getKey(), r.getValue())));
            p.flush();
            for (Future<RecordMetadata> f : sent)
                f.get(); // a refused record fails the test here, not later as a missing one
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("producing to " + topic.name() + " failed", e);
        }
    }

    public static Flag flag(String id, String platform, String streamId, String severity, long detectedAt) {
        return Flag.builder(id, Flag.Kind.KEYWORD)
                .comment(platform, streamId, "c-" + id, "user-" + id, "vào nhà cái uy tín")
                .category("gambling_ads")
                .severity(Severity.fromWire(severity))
                .matches(List.of())
                .rulesVersion("v1")
                .receivedAt(detectedAt - 5)
                .detectedAt(detectedAt)
                .status(Flag.Status.OPEN)
                .build();
    }

    public static void produceFlags(String bootstrap, Flag... flags) {
        produce(
                bootstrap,
                Topics.FLAGS,
                java.util.Arrays.stream(flags)
                        .map(f -> Map.entry(f.flagId(), f))
                        .toList());
    }
}
