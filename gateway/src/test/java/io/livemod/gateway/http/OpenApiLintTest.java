package io.livemod.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redocly's linter, pinned in ops/package.json, finds no error and no warning in openapi.yaml
 * with the recommended rules and the justified exceptions of ops/redocly.yaml. Needs Node.js
 * (.ci/run installs it when missing); the first run installs the pinned CLI with {@code npm ci}.
 * A missing Node fails the test: the lint is part of the suite, never skipped.
 */
class OpenApiLintTest {
    private static final Path OPS = Path.of("..", "ops").toAbsolutePath().normalize();
    private static final String DOCUMENT = "../gateway/src/main/resources/openapi.yaml";
    private static final Path CLI = OPS.resolve("node_modules/@redocly/cli/bin/cli.js");

    @Test
    void theDocumentLintsCleanWithTheRecommendedRules() throws Exception {
        assertThat(OPS.resolve("package.json"))
                .as("ops/package.json pins the linter")
                .exists();
        Result node = run(List.of("node", "--version"), 30);
        if (node.exit != 0)
            fail("Node.js is needed to lint openapi.yaml and did not run (" + node.output.strip()
                    + "); install nodejs and npm (.ci/run does), then run the tests again");
        // The pinned CLI (see ops/package.json) runs on Node 20.19+ or 22.12+.
        int[] v = java.util.Arrays.stream(node.output.strip().replace("v", "").split("\\."))
                .limit(2)
                .mapToInt(Integer::parseInt)
                .toArray();
        if (v[0] < 20 || (v[0] == 20 && v[1] < 19) || (v[0] == 22 && v[1] < 12) || v[0] == 21) {
            fail("Redocly CLI needs Node.js 20.19+ or 22.12+; this machine has " + node.output.strip());
        }
        if (!Files.exists(CLI)) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            if (install.exit != 0) fail("npm ci in ops/ failed (node " + node.output.strip() + "):\n" + install.output);
        }
        Result lint = run(
                List.of("node", CLI.toString(), "lint", "--config", "redocly.yaml", "--format", "json", DOCUMENT), 120);
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(lint.stdout);
        } catch (IOException e) {
            throw new AssertionError(
                    "redocly lint printed no JSON report (exit " + lint.exit + "):\n" + lint.output, e);
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode p : report.path("problems")) {
            if (p.path("ignored").asBoolean(false)) continue;
            problems.add(p.path("severity").asText() + " " + p.path("ruleId").asText() + " at "
                    + p.path("location").path(0).path("pointer").asText() + ": "
                    + p.path("message").asText());
        }
        assertThat(problems)
                .as("redocly lint problems in openapi.yaml (run: cd ops && npm run lint:openapi)")
                .isEmpty();
        assertThat(report.path("totals").path("errors").asInt(-1)).isZero();
        assertThat(report.path("totals").path("warnings").asInt(-1)).isZero();
        assertThat(lint.exit).as(lint.output).isZero();
    }

    private record Result(int exit, String stdout, String output) {}

    /** Runs a command in ops/; stdout apart from stderr (the JSON report must stay parseable). */
    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        File err = File.createTempFile("livemod-lint", ".err");
        File out = File.createTempFile("livemod-lint", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(OPS.toFile())
                    .redirectOutput(out)
                    .redirectError(err);
            pb.environment().put("REDOCLY_TELEMETRY", "off");
            pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            pb.environment().put("NO_COLOR", "1");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Result(-1, "", command.get(0) + ": " + e.getMessage());
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            return new Result(p.exitValue(), stdout, stdout + Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }
}
