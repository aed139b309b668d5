package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the alert rules name metrics that exist: every series they query is in
 * what the stack's /metrics exports once each thing has happened once (a flag, a rejected batch, a
 * dead letter, a decision's webhook). A renamed meter fails here, not on a blank panel in production.
 */
class DashboardMetricsTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:livemod|vertx)_[a-z_]+)\\b");

    @TempDir
    Path data;

    @Test
    void everyPanelHasAQueryAndEveryQueriedMetricIsExported() throws Exception {
        JsonObject dashboard = new JsonObject(Files.readString(Path.of("..", "grafana", "livemod-dashboard.json")));
        JsonArray panels = dashboard.getJsonArray("panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
        Set<String> titles = new TreeSet<>();
        Set<String> wanted = new TreeSet<>();
        for (Object o : panels) {
            JsonObject panel = (JsonObject) o;
            titles.add(panel.getString("title"));
            assertThat(panel.getJsonArray("targets"))
                    .as(panel.getString("title"))
                    .isNotEmpty();
            for (Object t : panel.getJsonArray("targets")) wanted.addAll(metrics(((JsonObject) t).getString("expr")));
        }
        assertThat(String.join("|", titles))
                .contains(
                        "Ingest per platform",
                        "Flags per kind",
                        "Alerts per kind",
                        "lag",
                        "End-to-end latency",
                        "Dead letters",
                        "Webhook");
        wanted.addAll(metrics(Files.readString(Path.of("..", "prometheus", "livemod-alerts.yml"))));
        wanted.remove("livemod_moderation_lag_records"); // the moderation role's own, checked by ModerationHttpTest
        wanted.remove("livemod_moderation_ready");

        try (Stack stack =
                Stack.start(new Stack.Options(data, EmbeddedBroker.freePort(), 0, null), Clock.systemUTC())) {
            Http http = new Http(stack.gateway().gateway().port());
            String gapo = Platforms.DEMO_GAPO;
            assertThat(http.signedPost(
                                    "/v1/ingest/comments",
                                    gapo,
                                    Platforms.DEMO_SECRETS.get(gapo),
                                    AllInOneEndToEndTest.BATCH)
                            .statusCode())
                    .isEqualTo(202);
            assertThat(http.signedPost("/v1/ingest/comments", gapo, "wrong-secret", AllInOneEndToEndTest.BATCH)
                            .statusCode())
                    .isEqualTo(401);
            StringBuilder incident = new StringBuilder("[");
            for (int i = 0; i < 6; i++) {
                incident.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"inc-")
                        .append(i)
                        .append("\",\"streamId\":\"live-9\",\"userId\":\"u-")
                        .append(i % 3)
                        .append("\",\"text\":\"Vào NHÀ CÁI uy tín nhận thưởng ")
                        .append(i)
                        .append("\",\"ts\":\"2026-11-28T12:00:00+07:00\"}");
            }
            assertThat(http.signedPost("/v1/ingest/comments", gapo, Platforms.DEMO_SECRETS.get(gapo), incident + "]")
                            .statusCode())
                    .as("an incident's worth of flags, for livemod_alerts_total")
                    .isEqualTo(202);
            String token = stack.gateway().gateway().auth().devToken("mod-a", Principal.Role.MODERATOR, gapo, 10);
            JsonArray items = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> new JsonObject(http.get("/v1/flags", token).body()).getJsonArray("items"),
                            a -> !a.isEmpty());
            String flagId = items.getJsonObject(0).getString("flagId");
            assertThat(http.post("/v1/flags/" + flagId + "/decision", token, "{\"action\":\"remove\"}")
                            .statusCode())
                    .isEqualTo(201);
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(
                                Topics.COMMENTS.name(),
                                "demo-gapo/live-1".getBytes(StandardCharsets.UTF_8),
                                "not json".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> exported = metrics(http.get("/metrics", null).body());
                assertThat(exported).containsAll(wanted);
            });
        }
    }

    /** Metric names in a query or a scrape, with the suffixes Prometheus adds to histograms and counters. */
    static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
