package io.livemod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar as built by `package` (failsafe runs this in `verify`): it carries the roles and
 * none of the dev stack. The embedded broker's classes (Kafka's server, KRaft metadata, controller,
 * raft log, Scala) would add ~30 MB and a way to run a broker that production must not have.
 */
class ServerJarIT {
    private static final Path JAR = Path.of(System.getProperty("livemod.server.jar", "target/livemod-server.jar"));

    /** Top-level prefixes that only the broker or the dev tools bring. kafka-clients' own org/apache/kafka/server/ interfaces are fine. */
    private static final List<String> FORBIDDEN = List.of(
            "kafka/server/",
            "kafka/Kafka.class",
            "org/apache/kafka/metadata/",
            "org/apache/kafka/controller/",
            "org/apache/kafka/raft/",
            "org/apache/kafka/storage/internals/log/",
            "scala/",
            "io/livemod/devstack/",
            "io/livemod/cli/",
            "io/livemod/loadtest/");

    @Test
    void carriesTheRolesAndNoBrokerNorDevStack() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = Collections.list(jar.entries()).stream()
                    .map(e -> e.getName())
                    .toList();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(LivemodServer.class.getName());
        }
        assertThat(entries)
                .contains(
                        "io/livemod/server/LivemodServer.class",
                        "io/livemod/gateway/Gateway.class",
                        "io/livemod/topology/ModerationApp.class",
                        "org/apache/kafka/streams/KafkaStreams.class",
                        "log4j2.xml");
        for (String prefix : FORBIDDEN) {
            assertThat(entries).as("entries under " + prefix).noneMatch(n -> n.startsWith(prefix));
        }
    }

    @Test
    void helpListsTheTwoRoles() throws Exception {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("  gateway ", "  moderation ")
                .doesNotContain("  run ", "  broker ", "  cluster ", "  loadtest ");
        Run gateway = run("gateway", "--help");
        assertThat(gateway.exit()).isZero();
        assertThat(gateway.out()).contains("--bootstrap", "--redis", "--port");
    }

    @Test
    void aBadStartIsOneLineAndNonZero() throws Exception {
        Run missing = run("moderation");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out())
                .contains(
                        "livemod: Missing required option: '--bootstrap=<bootstrap>'",
                        "livemod-server moderation --help");
        Run bad = run("gateway", "--bootstrap", "kafka-without-port");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out().strip()).isEqualTo("livemod: --bootstrap: 'kafka-without-port' is not host:port");
    }

    private record Run(int exit, String out) {}

    private static Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("livemod-server", ".out");
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("java -jar " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
