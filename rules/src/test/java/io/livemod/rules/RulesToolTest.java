package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesToolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(new RuleSet(
            "t1",
            List.of(
                    Rule.keyword("p", Category.PROFANITY, Severity.HIGH, MatchMode.PHRASE, List.of("địt mẹ")),
                    Rule.keyword("s", Category.PROFANITY, Severity.LOW, MatchMode.WORD, List.of("ngu"))
                            .withState(RuleState.SHADOW)),
            null));

    private static List<JsonNode> run(byte[] input, boolean explain) throws IOException {
        return run(input, explain, 2);
    }

    private static List<JsonNode> run(byte[] input, boolean explain, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RulesTool.test(new ByteArrayInputStream(input), out, RULES, Scope.ANY, explain, threads);
        assertThat(code).isZero();
        List<JsonNode> verdicts = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) verdicts.add(JSON.readTree(line));
        return verdicts;
    }

    @Test
    void plainLinesGetTheirLineNumberAsId() throws IOException {
        List<JsonNode> v = run("xin chào\nđ.m mày\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(v).hasSize(2);
        assertThat(v.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(v.get(0).get("flagged").asBoolean()).isFalse();
        JsonNode hit = v.get(1);
        assertThat(hit.get("id").asInt()).isEqualTo(2);
        assertThat(hit.get("flagged").asBoolean()).isTrue();
        JsonNode m = hit.get("matches").get(0);
        assertThat(m.get("rule").asText()).isEqualTo("p");
        assertThat(m.get("category").asText()).isEqualTo("profanity");
        assertThat(m.get("severity").asText()).isEqualTo("high");
        assertThat(m.get("term").asText()).isEqualTo("địt mẹ");
        assertThat(m.get("start").asInt()).isZero();
        assertThat(m.get("end").asInt()).isEqualTo(3);
        assertThat(m.has("steps")).isFalse();
        assertThat(hit.has("normalized")).isFalse();
    }

    @Test
    void ndjsonLinesKeepTheirIdAndExplainAddsStepsShadowAndNormalizedText() throws IOException {
        String in = "{\"id\":\"c-17\",\"text\":\"NGU đ.m\"}\n{\"id\":5,\"text\":\"\"}\n{not json at all\n";
        List<JsonNode> v = run(in.getBytes(StandardCharsets.UTF_8), true);
        assertThat(v.get(0).get("id").asText()).isEqualTo("c-17");
        assertThat(v.get(0).get("matches").get(0).get("steps"))
                .extracting(JsonNode::asText)
                .contains("separator", "teencode");
        assertThat(v.get(0).get("shadow").get(0).get("rule").asText()).isEqualTo("s");
        assertThat(v.get(0).get("normalized").asText()).isEqualTo("ngu địt mẹ");
        assertThat(v.get(1).get("id").asInt()).isEqualTo(5);
        assertThat(v.get(2).get("id").asInt()).isEqualTo(3); // not JSON: plain text with its line number
    }

    @Test
    void invalidUtf8EmptyAndHugeLinesGoThrough() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(new byte[] {(byte) 0xC3, (byte) 0x28, 'a', (byte) 0xFF, '\n'}); // broken sequences
        in.write('\n'); // empty line
        in.write("ngu địt mẹ ".repeat(10_000).getBytes(StandardCharsets.UTF_8)); // ~130 kB line
        in.write('\n');
        in.write(new byte[] {(byte) 0xE1, (byte) 0xBB}); // truncated at EOF
        List<JsonNode> v = run(in.toByteArray(), false);
        assertThat(v).hasSize(4);
        assertThat(v.get(0).get("flagged").asBoolean()).isFalse();
        assertThat(v.get(1).get("matches")).isEmpty();
        assertThat(v.get(2).get("matches")).hasSize(10_000);
        assertThat(v.get(3).get("id").asInt()).isEqualTo(4);
    }

    @Test
    void manyLinesOverManyBatchesComeBackInOrderWhateverTheThreads() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 30_000; i++)
            in.append(i % 7 == 0 ? "đ.m lần " + i : "xin chào " + i).append(i % 5 == 0 ? "\r\n" : "\n");
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        List<JsonNode> one = run(bytes, false, 1), three = run(bytes, false, 3);
        assertThat(three).isEqualTo(one).hasSize(30_000);
        for (int i = 0; i < three.size(); i++) {
            assertThat(three.get(i).get("id").asInt()).isEqualTo(i + 1);
            assertThat(three.get(i).get("flagged").asBoolean()).isEqualTo((i + 1) % 7 == 0);
        }
    }

    @Test
    void quotesControlCharsAndAstralCharsAreValidJson() throws IOException {
        String text = "\"địt mẹ\" \\ \u0001 🔥 \uD800 tab\there";
        String in = JSON.writeValueAsString(java.util.Map.of("id", "q\"1", "text", text)) + "\n";
        JsonNode v = run(in.getBytes(StandardCharsets.UTF_8), true).get(0);
        assertThat(v.get("id").asText()).isEqualTo("q\"1");
        assertThat(v.get("matches").get(0).get("term").asText()).isEqualTo("địt mẹ");
        assertThat(v.get("normalized").asText()).isEqualTo(RULES.normalized(text));
        assertThat(v.get("rulesVersion").asText()).isEqualTo("t1");
    }

    @Test
    void eachLineIsAnsweredBeforeTheNextArrives() throws Exception {
        java.io.PipedOutputStream typed = new java.io.PipedOutputStream();
        java.io.PipedInputStream stdin = new java.io.PipedInputStream(typed);
        java.util.concurrent.LinkedBlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.io.OutputStream stdout = new java.io.OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b != '\n') line.write(b);
                else {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
            }
        };
        Thread tool = new Thread(() -> {
            try {
                RulesTool.test(stdin, stdout, RULES, Scope.ANY, false, 2);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        tool.start();
        typed.write("đ.m\n".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        String first = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS); // the input is still open
        assertThat(first).isNotNull().contains("\"id\":1").contains("\"flagged\":true");
        typed.write("xin chào\n".getBytes(StandardCharsets.UTF_8));
        typed.close();
        tool.join(20_000);
        assertThat(lines.poll(1, java.util.concurrent.TimeUnit.SECONDS))
                .contains("\"id\":2")
                .contains("\"flagged\":false");
    }

    @Test
    void checkPrintsASummaryOrTheError(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(
                good, "version: v9\nrules:\n  - id: a\n    category: scam\n    terms: [lừa đảo, việc nhẹ lương cao]\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(RulesTool.check(good, out, err)).isZero();
        assertThat(out.toString()).startsWith(good + ": ok: version v9, 1 rules (1 keyword, 0 pattern), 2 terms");
        assertThat(err.toString()).isEmpty();

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad, "version: v9\nrules:\n  - id: a\n    category: scam\n    severity: extreme\n    terms: [x]\n");
        StringWriter out2 = new StringWriter(), err2 = new StringWriter();
        assertThat(RulesTool.check(bad, out2, err2)).isEqualTo(1);
        assertThat(err2.toString()).startsWith(bad + ":5: rules[0].severity: unknown value 'extreme'");
        assertThat(out2.toString()).isEmpty();

        StringWriter err3 = new StringWriter();
        assertThat(RulesTool.check(dir.resolve("missing.yaml"), new StringWriter(), err3))
                .isEqualTo(1);
        assertThat(err3.toString()).contains("missing.yaml: cannot read");
    }
}
