package io.livemod.gateway.ministry;

import io.livemod.devstack.RedisServer;
import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name does not end in Test): a probe of listing, report and rebuild
 * times with many alerts and flags, in memory and on Redis. Prints PROBE lines; run with
 * {@code ./mvnw -o -q -B -pl gateway -am test -Dtest=AlertScaleProbe -Dsurefire.failIfNoSpecifiedTests=false}
 * and read gateway/target/surefire-reports/*AlertScaleProbe-output.txt.
 */
class AlertScaleProbe {
    @Test
    void probe() throws Exception {
        int nAlerts = Integer.getInteger("alerts", 5000), nFlags = Integer.getInteger("flags", 50000);
        long t0 = Instant.parse("2026-11-28T05:00:00Z").toEpochMilli();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.bootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < nAlerts; i++) {
                Alert a = Samples.alert(
                        "scale-" + i, "gapo", i % 4 == 0 ? "critical" : "high", t0 + i, "u-" + i, "u-" + (i + 1));
                sent.add(p.send(new ProducerRecord<>(
                        Topics.ALERTS.name(),
                        a.alertId().getBytes(StandardCharsets.UTF_8),
                        Topics.ALERTS.value().serializer().serialize("", a))));
            }
            for (int i = 0; i < nFlags; i++) {
                Flag f = Samples.flag("sf-" + i, "gapo", "u-" + (i % 1000), "gambling_ads", t0 + i);
                sent.add(p.send(new ProducerRecord<>(
                        Topics.FLAGS.name(),
                        f.flagId().getBytes(StandardCharsets.UTF_8),
                        Topics.FLAGS.value().serializer().serialize("", f))));
            }
            p.flush();
            for (Future<RecordMetadata> f : sent) f.get(); // every record is in before the probe times anything
        }
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(t0));
        for (String mode : new String[] {"memory", "redis"}) {
            try (RedisServer redis = RedisServer.start()) {
                long s = System.nanoTime();
                try (TestStack.Running gw =
                        TestStack.gateway(clock, mode.equals("redis") ? redis.uri() : null, Duration.ofHours(10))) {
                    long ready = System.nanoTime() - s;
                    String officer = gw.token(Principal.Role.OFFICER, "o");
                    for (int i = 0; i < 3; i++) gw.get("/v1/alerts?limit=50", officer);
                    long l = System.nanoTime();
                    for (int i = 0; i < 10; i++) gw.get("/v1/alerts?limit=50&status=open", officer);
                    long list = (System.nanoTime() - l) / 10;
                    long r = System.nanoTime();
                    gw.get("/v1/reports/summary?from=2026-11-28&to=2026-11-29", officer);
                    long report = System.nanoTime() - r;
                    System.out.printf(
                            "PROBE %s alerts=%d flags=%d ready=%d ms list=%d ms report=%d ms%n",
                            mode, nAlerts, nFlags, ready / 1_000_000, list / 1_000_000, report / 1_000_000);
                }
            }
        }
    }
}
