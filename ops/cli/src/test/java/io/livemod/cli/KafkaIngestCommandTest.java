package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.InboundTopics;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livemod kafka-ingest} against a broker that authorizes with ACLs: only a registered
 * platform is enabled, the grant is printed, disable revokes it; bad input is one line naming the
 * option. (What the ACLs allow and refuse is KafkaIngestTest's, in the moderation module.)
 */
class KafkaIngestCommandTest {
    @TempDir
    static Path dir;

    static EmbeddedBroker broker;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.startWithAcls(dir.resolve("broker"), Map.of("acme", "acme-pw"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()))) {
            TopicProvisioner.ensure(admin, java.util.List.of(Topics.PLATFORMS), (short) 1);
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrap()), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.PLATFORMS.name(), "acme", "{\"id\":\"acme\"}"))
                    .get(); // the key is what the command checks
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    static Run livemod(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Livemod.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aRegisteredPlatformIsEnabledShownAndDisabled() {
        Run on = livemod(
                "kafka-ingest",
                "enable",
                "--bootstrap",
                broker.bootstrap(),
                "--platform",
                "acme",
                "--principal",
                "User:acme",
                "--livemod-principal",
                "User:livemod");
        assertThat(on.code()).as(on.err()).isZero();
        assertThat(on.out())
                .contains("created livemod.inbound.acme.v1; User:acme may write it")
                .contains("ALLOW User:acme WRITE on literal topic livemod.inbound.acme.v1")
                .contains("ALLOW User:livemod READ on prefixed topic livemod.inbound.")
                .doesNotContain("warning");

        Run shown = livemod("kafka-ingest", "show", "--bootstrap", broker.bootstrap(), "--platform", "acme");
        assertThat(shown.out()).contains("ALLOW User:acme DESCRIBE on literal topic livemod.inbound.acme.v1");

        Run off = livemod("kafka-ingest", "disable", "--bootstrap", broker.bootstrap(), "--platform", "acme");
        assertThat(off.code()).isZero();
        assertThat(off.out()).contains("revoked 2 ACL(s) on " + InboundTopics.name("acme"));
    }

    @Test
    void anUnregisteredPlatformOrABadPrincipalIsRefusedInOneLine() {
        Run unknown = livemod(
                "kafka-ingest",
                "enable",
                "--bootstrap",
                broker.bootstrap(),
                "--platform",
                "nobody",
                "--principal",
                "User:nobody",
                "--livemod-principal",
                "User:livemod");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err().strip())
                .isEqualTo(
                        "livemod: --platform: no platform 'nobody' is registered; create it first (POST /v1/platforms)");

        Run wildcard = livemod(
                "kafka-ingest",
                "enable",
                "--bootstrap",
                broker.bootstrap(),
                "--platform",
                "acme",
                "--principal",
                "User:*",
                "--livemod-principal",
                "User:livemod");
        assertThat(wildcard.code()).isNotZero();
        assertThat(wildcard.err().strip())
                .startsWith("livemod: principal: expected User:<name> without wildcards")
                .doesNotContain("\n");

        Run badId = livemod("kafka-ingest", "show", "--bootstrap", broker.bootstrap(), "--platform", "Acme.Live");
        assertThat(badId.err().strip())
                .startsWith("livemod: --platform: platform id:")
                .doesNotContain("\n");
    }
}
