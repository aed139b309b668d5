package io.livemod.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The logic of {@code livemod rules test} and {@code livemod rules check}, on streams so it can be
 * tested without a process. Input bytes are decoded with replacement, so invalid UTF-8, empty lines
 * and 100 kB lines all produce a verdict instead of an exception.
 */
public final class RulesTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesTool() {}

    /**
     * One NDJSON verdict per input line. A line is NDJSON {@code {"id":..,"text":..}} (optionally
     * {@code "platform"}, {@code "streamId"}) or plain text, whose id is its line number (from 1).
     * With {@code explain}: match steps, shadow matches and the normalized text. Returns the exit code.
     */
    public static int test(InputStream in, Writer out, CompiledRuleSet rules, Scope scope, boolean explain)
            throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8), 1 << 16);
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.setRootValueSeparator(null);
        long lineNo = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            JsonNode id = JSON.getNodeFactory().numberNode(lineNo);
            String text = line;
            Scope where = scope;
            JsonNode obj = asObject(line);
            if (obj != null) {
                id = obj.has("id") ? obj.get("id") : id;
                text = obj.get("text").isTextual() ? obj.get("text").textValue() : obj.get("text").toString();
                if (obj.has("platform") || obj.has("streamId")) {
                    where = new Scope(obj.path("platform").asText(scope.platform()), obj.path("streamId").asText(scope.streamId()));
                }
            }
            Verdict v = rules.evaluate(text, where);
            g.writeStartObject();
            g.writeFieldName("id");
            JSON.writeTree(g, id);
            g.writeBooleanField("flagged", v.flagged());
            writeMatches(g, "matches", v.matches(), explain);
            if (explain) {
                writeMatches(g, "shadow", v.shadowMatches(), true);
                g.writeStringField("normalized", rules.normalized(text));
                g.writeStringField("rulesVersion", v.rulesVersion());
            }
            g.writeEndObject();
            g.flush();
            out.write('\n');
            out.flush();
        }
        return 0;
    }

    /** The line as a JSON object with a "text" field, or null when it is plain text. */
    private static JsonNode asObject(String line) {
        String t = line.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) return null;
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isObject() && n.has("text") ? n : null;
        } catch (IOException e) {
            return null; // not JSON after all: a comment that happens to start with "{"
        }
    }

    private static void writeMatches(JsonGenerator g, String field, List<Match> matches, boolean steps) throws IOException {
        g.writeArrayFieldStart(field);
        for (Match m : matches) {
            g.writeStartObject();
            g.writeStringField("rule", m.rule());
            g.writeStringField("category", m.category().wire());
            g.writeStringField("severity", m.severity().wire());
            g.writeStringField("term", m.term());
            g.writeNumberField("start", m.start());
            g.writeNumberField("end", m.end());
            if (steps) {
                g.writeStringField("kind", m.kind());
                g.writeArrayFieldStart("steps");
                for (String s : m.steps()) g.writeString(s);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Validates a rule file: 0 and a one-line summary on {@code out}, or 1 and the
     * "file:line: field: reason" line on {@code err}.
     */
    public static int check(Path file, Writer out, Writer err) {
        PrintWriter o = new PrintWriter(out, true), e = new PrintWriter(err, true);
        try {
            RuleSet rs = RuleSetLoader.load(file);
            CompiledRuleSet compiled = CompiledRuleSet.compile(rs);
            long keyword = rs.rules().stream().filter(r -> r.kind() == RuleKind.KEYWORD).count();
            o.printf("%s: ok: version %s, %d rules (%d keyword, %d pattern), %d terms, %d automaton states%n",
                    file, rs.version(), rs.rules().size(), keyword, rs.rules().size() - keyword, rs.termCount(),
                    compiled.automatonStates());
            return 0;
        } catch (RuleSetException ex) {
            e.println(ex.getMessage());
            return 1;
        } catch (IllegalArgumentException ex) {
            e.println(file + ": " + ex.getMessage());
            return 1;
        }
    }
}
