package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Comment;
import io.livemod.event.RuleSetRecord;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.topology.RulesPublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `livemod rules backtest` on an embedded broker: the live version from the rules topic against a candidate file. */
class BacktestCommandTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static EmbeddedBroker broker;

    @TempDir
    static Path dir;

    static final String LIVE = """
            version: "live-1"
            rules:
              - {id: gambling, category: gambling_ads, severity: high, match: phrase, terms: ["nhà cái"]}
              - {id: intensifier, category: profanity, severity: low, state: shadow, match: phrase, terms: ["vãi lồn"]}
            """;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("kafka"), EmbeddedBroker.freePort());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
        }
        RulesPublisher.publish(broker.bootstrap(), new RuleSetRecord("live-1", LIVE, T0.toEpochMilli(), "test"));
        try (KafkaProducer<String, Comment> p = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.COMMENTS.key().serializer(),
                Topics.COMMENTS.value().serializer())) {
            String[] texts = {"đẹp vl", "vào nhà cái", "chào cả nhà", "hay vl quá", "vl", "ngon"};
            for (int i = 0; i < 60; i++) {
                String platform = i % 2 == 0 ? "p-a" : "p-b";
                long at = T0.plusSeconds(i * 60L).toEpochMilli(); // one a minute for an hour
                Comment c = Comment.builder(platform, "c" + i)
                        .streamId("s1")
                        .userId("u" + i)
                        .text(texts[i % texts.length])
                        .receivedAt(at)
                        .build();
                p.send(new ProducerRecord<>(Topics.COMMENTS.name(), null, at, c.key(), c))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    record Run(int code, String out, String err) {}

    static Run backtest(String... args) {
        BacktestCommand cmd = new BacktestCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("livemod: " + e.getMessage());
            return 1;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    static Path candidate() throws Exception {
        return Files.writeString(
                dir.resolve("candidate.yaml"), LIVE.replace("live-1", "cand-1").replace("state: shadow, ", ""));
    }

    @Test
    void reportsPerRuleWhatTheCandidateWouldChange() throws Exception {
        Run r = backtest(
                "--from",
                "2026-12-01T15:00:00+07:00",
                "--to",
                "2026-12-01T08:30:00Z",
                "--rules",
                candidate().toString(),
                "--bootstrap",
                broker.bootstrap(),
                "--json",
                "--samples",
                "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("live").get("version").asText()).isEqualTo("live-1");
        assertThat(j.get("comments").asLong()).isEqualTo(30); // 08:00 to 08:30, one a minute
        assertThat(j.get("flagged").get("added").asLong()).isEqualTo(15); // "đẹp vl", "hay vl quá", "vl": 3 in 6
        JsonNode rule = j.get("rules").get(0);
        assertThat(rule.get("rule").asText()).isEqualTo("intensifier");
        assertThat(rule.get("candidate").get("state").asText()).isEqualTo("live");
        assertThat(rule.get("samples").get("added")).hasSize(2);
        assertThat(j.get("rules").get(1).get("rule").asText()).isEqualTo("gambling");
        assertThat(j.get("rules").get(1).get("added").asLong()).isZero();
    }

    @Test
    void onePlatformAndTheTextReport() throws Exception {
        Run r = backtest(
                "--from",
                "2h",
                "--rules",
                candidate().toString(),
                "--bootstrap",
                broker.bootstrap(),
                "--platform",
                "p-a");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("30 read")
                .contains("live live-1 flags")
                .contains("intensifier")
                .contains("shadow → live")
                .contains("+ intensifier p-a/s1");
        assertThat(r.out()).doesNotContain("p-b/");
    }

    @Test
    void badInputIsOneLineNamingTheOption() throws Exception {
        String rules = candidate().toString();
        assertThat(backtest("--from", "yesterday", "--rules", rules).err())
                .contains("--from: 'yesterday' is not a time");
        assertThat(backtest("--from", "1h", "--to", "2h", "--rules", rules).err())
                .contains("--from: must be before --to");
        assertThat(backtest("--from", "1h", "--rules", rules, "--samples", "99").err())
                .contains("--samples: must be 0..20");
        assertThat(backtest("--from", "1h", "--rules", dir.resolve("none.yaml").toString())
                        .err())
                .contains("--rules: ");
        assertThat(backtest("--from", "1h", "--rules", rules, "--bootstrap", "no address")
                        .err())
                .contains("--bootstrap: 'no address' is not host:port");
    }
}
