package io.livemod.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a YAML (or JSON) rule-set file (format: docs/rules.md, "Rule files"). Errors say
 * "file:line: field: reason". A parsed {@link RuleSet} keeps its source text, which is what
 * {@link #toYaml} returns and what goes on the rules topic, so every consumer parses the same bytes.
 */
public final class RuleSetLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private RuleSetLoader() {}

    public static RuleSet load(Path file) throws RuleSetException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleSetException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), content);
    }

    public static RuleSet parse(String source, String content) throws RuleSetException {
        return RuleSetReader.read(source, content);
    }

    /** The default Vietnamese rule pack shipped in the jar. */
    public static RuleSet defaults() {
        try (var in = RuleSetLoader.class.getResourceAsStream("/rules/default-rules.yaml")) {
            if (in == null) throw new IllegalStateException("default rule pack missing from the jar");
            return parse("default-rules.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuleSetException e) {
            throw new IllegalStateException("default rule pack is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The rule set as a document {@link #parse} reads back to an equal rule set: the source text
     * when it was parsed from one, else the model written out (for rule sets built in code).
     */
    public static String toYaml(RuleSet rules) {
        if (rules.sourceText() != null) return rules.sourceText();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", rules.version());
        if (!rules.allow().isEmpty()) doc.put("allow", rules.allow());
        if (!rules.teencode().isEmpty()) doc.put("teencode", rules.teencode());
        Map<String, Object> named = new LinkedHashMap<>();
        for (Rule r : rules.rules()) {
            if (r.context() != null && r.context().name() != null)
                named.putIfAbsent(r.context().name(), context(r.context()));
        }
        if (!named.isEmpty()) doc.put("contexts", named);
        doc.put("rates", rates(rules.rates()));
        doc.put("rules", rules.rules().stream().map(RuleSetLoader::rule).toList());
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind().wire());
        m.put("category", r.category().wire());
        m.put("severity", r.severity().wire());
        m.put("state", r.state().wire());
        if (r.kind() == RuleKind.KEYWORD) {
            m.put("match", r.match().wire());
            m.put("terms", r.terms());
        } else {
            m.put("pattern", r.pattern());
        }
        if (!r.unaccented()) m.put("unaccented", false);
        if (!r.allow().isEmpty()) m.put("allow", r.allow());
        if (r.context() != null)
            m.put("context", r.context().name() != null ? r.context().name() : context(r.context()));
        if (!r.platforms().isEmpty())
            m.put("platforms", r.platforms().stream().sorted().toList());
        if (!r.streams().isEmpty())
            m.put("streams", r.streams().stream().sorted().toList());
        if (!r.exceptPlatforms().isEmpty())
            m.put("exceptPlatforms", r.exceptPlatforms().stream().sorted().toList());
        return m;
    }

    private static Map<String, Object> context(Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!c.needs().isEmpty()) m.put("needs", c.needs());
        if (!c.unless().isEmpty()) m.put("unless", c.unless());
        m.put("window", c.window());
        m.put("otherwise", c.otherwiseWire());
        return m;
    }

    private static Map<String, Object> rates(RateLimits r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "userFlood",
                Map.of("count", r.userFloodCount(), "window", RatesReader.formatDuration(r.userFloodWindow())));
        m.put(
                "duplicate",
                Map.of("users", r.duplicateUsers(), "window", RatesReader.formatDuration(r.duplicateWindow())));
        m.put(
                "campaign",
                Map.of(
                        "streams",
                        r.campaignStreams(),
                        "platforms",
                        r.campaignPlatforms(),
                        "window",
                        RatesReader.formatDuration(r.campaignWindow())));
        m.put("spike", Map.of("factor", r.spikeFactor(), "minimum", r.spikeMinimum()));
        m.put(
                "offenderShort",
                Map.of("count", r.offenderShortCount(), "window", RatesReader.formatDuration(r.offenderShortWindow())));
        m.put(
                "offenderLong",
                Map.of("count", r.offenderLongCount(), "window", RatesReader.formatDuration(r.offenderLongWindow())));
        return m;
    }
}
