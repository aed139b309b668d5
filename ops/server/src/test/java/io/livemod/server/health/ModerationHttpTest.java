package io.livemod.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.server.Roles;
import io.livemod.topology.ModerationApp;
import io.livemod.topology.ModerationConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation role's probes and scrape on a real broker: not ready before Streams runs, ready after. */
class ModerationHttpTest {
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void probesFollowTheStreamsStateAndMetricsAreExported() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry);
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"), 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            }
            ModerationApp unstarted = new ModerationApp(
                    ModerationConfig.defaults(broker.bootstrap(), dir.resolve("s0")), Clock.systemUTC());
            try (ModerationHttp http = ModerationHttp.start(
                    "127.0.0.1",
                    0,
                    new ModerationHealth(unstarted, 100),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                assertThat(get(http, "/health/live").statusCode()).isEqualTo(200);
                HttpResponse<String> notYet = get(http, "/health/ready");
                assertThat(notYet.statusCode()).isEqualTo(503);
                assertThat(notYet.body()).contains("\"streams\":\"CREATED\"");
                assertThat(get(http, "/health/nope").statusCode()).isEqualTo(404);
            } finally {
                unstarted.close();
            }

            try (ModerationApp app = Roles.moderation(broker.bootstrap(), dir.resolve("s1"), Clock.systemUTC());
                    ModerationHttp http =
                            ModerationHttp.start("127.0.0.1", 0, new ModerationHealth(app, 100), registry)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> get(http, "/health/ready").statusCode() == 200);
                assertThat(get(http, "/health/ready").body())
                        .contains("\"status\":\"ready\"", "\"streams\":\"RUNNING\"");
                HttpResponse<String> metrics = get(http, "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                assertThat(metrics.body())
                        .contains(
                                "livemod_moderation_lag_records",
                                "livemod_moderation_ready 1.0",
                                "kafka_stream_thread_process_rate",
                                "kafka_consumer_fetch_manager_records_lag_max");
            }
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void lagIsTheLargestPartitionLagOfTheMainConsumersOnly() {
        Map<MetricName, Metric> m = new HashMap<>();
        put(m, "app-StreamThread-1-consumer", 40);
        put(m, "app-StreamThread-2-consumer", 7);
        put(m, "app-StreamThread-1-restore-consumer", 90_000);
        put(m, "app-StreamThread-2-consumer", Double.NaN);
        assertThat(ModerationHealth.maxRecordsLag(m)).isEqualTo(40);
        assertThat(ModerationHealth.maxRecordsLag(Map.of())).isZero();
        assertThatThrownBy(() -> new ModerationHealth(null, -1)).hasMessageContaining("maxLag");
    }

    private static void put(Map<MetricName, Metric> m, String client, double v) {
        MetricName n = new MetricName(
                "records-lag",
                "consumer-fetch-manager-metrics",
                "",
                Map.of("client-id", client, "topic", "comments", "partition", Integer.toString(m.size())));
        m.put(n, new Metric() {
            @Override
            public MetricName metricName() {
                return n;
            }

            @Override
            public Object metricValue() {
                return v;
            }
        });
    }

    private HttpResponse<String> get(ModerationHttp http, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
