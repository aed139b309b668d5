package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.cli.demo.PlatformDemo;
import io.livemod.devstack.EmbeddedBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `livemod platform-demo` against the in-process stack of `livemod run`: the simulated platform
 * pushes chat, its violations are flagged, the decisions reach its webhook receiver, the ministry's
 * takedown reaches it too and is answered, and the run ends once the ministry sees it done.
 */
class PlatformDemoEndToEndTest {
    @TempDir
    Path data;

    @Test
    void theLoopClosesAgainstTheAllInOneStack() throws Exception {
        try (Stack stack =
                Stack.start(new Stack.Options(data, EmbeddedBroker.freePort(), 0, null), Clock.systemUTC())) {
            URI target =
                    URI.create("http://127.0.0.1:" + stack.gateway().gateway().port());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            new PlatformDemo(
                            target,
                            PlatformDemoCommand.staff(target, "demo-sim"),
                            "demo-sim",
                            Clock.systemUTC(),
                            out,
                            Duration.ofMinutes(2))
                    .run();
            String text = printed.toString(StandardCharsets.UTF_8);
            System.out.print(text); // the steps and their latencies, in target/surefire-reports/*-output.txt
            assertThat(text)
                    .contains(
                            "platform demo-sim registered",
                            "all acknowledged, 3 of them violations",
                            "ministry sees takedown",
                            "loop closed in");
            assertThat(text.lines().filter(l -> l.contains("] flagged "))).hasSize(PlatformDemo.VIOLATIONS.size());
            assertThat(text.lines().filter(l -> l.contains("verified: removed comment")))
                    .hasSize(PlatformDemo.VIOLATIONS.size());
            assertThat(text).contains("webhook takedown.requested verified: stream live-");
            assertThat(text.lines().filter(l -> l.startsWith("[")).allMatch(l -> l.trim()
                            .endsWith(" ms")))
                    .isTrue(); // each step has its latency
        }
    }

    @Test
    void withoutAGatewayItExitsNonZeroSayingWhy() {
        StringWriter err = new StringWriter();
        var cli = Livemod.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(
                "platform-demo", "--target", "http://127.0.0.1:" + EmbeddedBroker.freePort(), "--timeout", "5");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("platform-demo: the loop did not close: cannot reach the gateway");
    }
}
