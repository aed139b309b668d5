package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad start-up input ends with one line naming the reason and a non-zero exit, never a stack trace. */
class StartupErrorsTest {
    @TempDir
    Path dir;

    record Outcome(int code, String err) {}

    static Outcome livemod(String... args) {
        StringWriter err = new StringWriter();
        var cl = Livemod.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new Outcome(code, err.toString());
    }

    static void assertOneLine(Outcome o, String contains) {
        assertThat(o.code()).isNotZero();
        assertThat(o.err().strip())
                .startsWith("livemod: ")
                .contains(contains)
                .doesNotContain("\n")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownOption() {
        assertOneLine(livemod("run", "--colour", "blue"), "Unknown options: '--colour'");
    }

    @Test
    void unreadableRuleFile() {
        assertOneLine(livemod("run", "--rules", dir.resolve("missing.yaml").toString()), "--rules");
    }

    @Test
    void invalidRuleFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules: []\n");
        assertOneLine(livemod("run", "--rules", bad.toString()), "version");
    }

    @Test
    void aConfigFileWithAnUnknownKeyStopsTheRoleNamingTheLine() throws Exception {
        Path conf = Files.writeString(dir.resolve("livemod.conf"), "# shared\nLIVEMOD_CLAIM_TTL=60\n");
        assertOneLine(
                livemod("run", "--config", conf.toString()),
                "--config " + conf + " line 2: unknown setting LIVEMOD_CLAIM_TTL");
    }

    @Test
    void aSettingOutOfBoundsInTheConfigFileStopsTheRoleBeforeKafka() throws Exception {
        Path conf = Files.writeString(dir.resolve("livemod.conf"), "LIVEMOD_INCIDENT_SAMPLES=0\n");
        // An address nothing listens on: the refusal comes before any attempt to reach it.
        assertOneLine(
                livemod("moderation", "--bootstrap", "127.0.0.1:1", "--config", conf.toString()),
                "samples (LIVEMOD_INCIDENT_SAMPLES): must be 1..100, got 0");
        Path gateway = Files.writeString(
                dir.resolve("gateway.conf"), "LIVEMOD_SECRETS_KEY=short\nLIVEMOD_CLAIM_TTL_SECONDS=5\n");
        Outcome o = livemod("gateway", "--bootstrap", "127.0.0.1:1", "--config", gateway.toString());
        assertOneLine(o, "LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800 s, got 5");
        assertThat(o.err()).doesNotContain("short");
    }

    @Test
    void malformedBootstrapAddress() {
        assertOneLine(livemod("moderation", "--bootstrap", "not an address"), "--bootstrap");
    }

    @Test
    void unreachableBootstrapAddress() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertOneLine(
                livemod("moderation", "--bootstrap", "127.0.0.1:" + closed),
                "cannot reach Kafka at 127.0.0.1:" + closed);
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertOneLine(
                    livemod(
                            "run",
                            "--data-dir",
                            dir.toString(),
                            "--kafka-port",
                            "0",
                            "--port",
                            Integer.toString(taken.getLocalPort())),
                    "port " + taken.getLocalPort());
        }
    }
}
