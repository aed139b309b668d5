package io.livemod.cli.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ops/prometheus checked by Prometheus' own tool: the scrape config and the alert rules parse, and
 * the rules' unit tests (each alert fires on its situation, stays quiet on a healthy series) pass.
 * promtool comes from Debian's `prometheus` package, which .ci/run installs; without it this fails.
 */
class PrometheusRulesTest {
    static final Path DIR = Path.of("..", "prometheus").toAbsolutePath().normalize();

    @Test
    void scrapeConfigIsValid() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: prometheus.yml is valid");
    }

    @Test
    void alertRulesAreValidAndCoverEverySituation() throws Exception {
        assertThat(promtool("check", "rules", "livemod-alerts.yml")).contains("SUCCESS: 8 rules found");
        String rules = Files.readString(DIR.resolve("livemod-alerts.yml"));
        assertThat(rules)
                .contains(
                        "alert: LivemodConsumerLag",
                        "alert: LivemodEndToEndLatency",
                        "alert: LivemodDeadLetters",
                        "alert: LivemodWebhookFailures",
                        "alert: LivemodIngest5xx",
                        "alert: LivemodPlatformSilent");
    }

    @Test
    void alertRuleUnitTestsPass() throws Exception {
        assertThat(promtool("test", "rules", "livemod-alerts.test.yml")).contains("SUCCESS");
    }

    static String promtool(String... args) throws IOException, InterruptedException {
        Path bin = List.of(Path.of("/usr/bin/promtool"), Path.of("/usr/local/bin/promtool")).stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> fail("promtool is not installed: `apt-get install -y prometheus` (see .ci/run)"));
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue())
                .as("promtool %s:%n%s", String.join(" ", args), out)
                .isZero();
        return out;
    }
}
