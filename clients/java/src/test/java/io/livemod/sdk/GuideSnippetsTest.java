package io.livemod.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.platform.WebhookSecrets;
import io.livemod.gateway.webhook.WebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/integration.md's snippets are the files in docs/snippets, word for word, and each runs:
 * the signing snippets (Java, Python, Node) post a comment to a real gateway and get 202; the
 * webhook snippets accept a delivery signed by the gateway's own signer and refuse a tampered one.
 */
class GuideSnippetsTest {
    private static final Path DOCS = Path.of("../../docs").toAbsolutePath().normalize();
    private final LocalGateway gw = LocalGateway.get();

    @Test
    void theGuideShowsEachSnippetFileWordForWord() throws IOException {
        String guide = Files.readString(DOCS.resolve("integration.md"));
        try (var files = Files.list(DOCS.resolve("snippets"))) {
            List<Path> snippets = files.sorted().toList();
            assertThat(snippets).hasSize(5);
            for (Path p : snippets) assertThat(guide).as(p.toString()).contains("\n" + Files.readString(p) + "```\n");
        }
    }

    @Test
    void theSigningSnippetsPostASignedCommentInEveryLanguage() throws Exception {
        gw.platform("guide", "guide-secret", null, null, null);
        Map<String, String> env = Map.of(
                "LIVEMOD_URL", gw.uri().toString(), "LIVEMOD_PLATFORM", "guide", "LIVEMOD_SECRET", "guide-secret");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> command : List.of(
                List.of(java, "SignedPost.java"),
                List.of("python3", "signed_post.py"),
                List.of("node", "signed-post.mjs"))) {
            Result r = run(command, env, null);
            assertThat(r.exit).as(command + ": " + r.out).isZero();
            assertThat(r.out).as(command.toString()).startsWith("202").contains("\"accepted\":1");
        }
        Result wrong = run(
                List.of("python3", "signed_post.py"),
                Map.of("LIVEMOD_URL", gw.uri().toString(), "LIVEMOD_PLATFORM", "guide", "LIVEMOD_SECRET", "not-it"),
                null);
        assertThat(wrong.exit).isEqualTo(1);
        assertThat(wrong.out).startsWith("401").contains("unauthorized");
    }

    @Test
    void theWebhookSnippetsVerifyTheGatewaysSignaturesAndRefuseTampering() throws Exception {
        String secret = WebhookSecrets.generate();
        String body =
                "{\"type\":\"takedown.requested\",\"data\":{\"takedownId\":\"td-1\",\"reason\":\"quảng cáo cờ bạc\"}}";
        long now = System.currentTimeMillis() / 1000;
        String signature = WebhookSigner.signature(
                List.of(WebhookSecrets.generate(), secret), "takedown.requested:td-1", now, body);
        Map<String, String> env = Map.of(
                "WEBHOOK_SECRET",
                secret,
                "WEBHOOK_ID",
                "takedown.requested:td-1",
                "WEBHOOK_TIMESTAMP",
                Long.toString(now),
                "WEBHOOK_SIGNATURE",
                signature);
        for (List<String> command :
                List.of(List.of("python3", "verify_webhook.py"), List.of("node", "verify-webhook.mjs"))) {
            Result ok = run(command, env, body);
            assertThat(ok.exit).as(command + ": " + ok.out).isZero();
            assertThat(ok.out).contains("verified");
            Result tampered = run(command, env, body.replace("td-1", "td-2"));
            assertThat(tampered.exit).as(command.toString()).isEqualTo(1);
            assertThat(tampered.out).contains("refused");
            Map<String, String> stale = new java.util.HashMap<>(env);
            stale.put("WEBHOOK_TIMESTAMP", Long.toString(now - 600));
            stale.put(
                    "WEBHOOK_SIGNATURE",
                    WebhookSigner.signature(List.of(secret), "takedown.requested:td-1", now - 600, body));
            assertThat(run(command, stale, body).exit).as(command + " stale").isEqualTo(1);
        }
    }

    private record Result(int exit, String out) {}

    private static Result run(List<String> command, Map<String, String> env, String stdin)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(DOCS.resolve("snippets").toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command + " finished").isTrue();
        return new Result(p.exitValue(), out.strip());
    }
}
