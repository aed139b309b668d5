package io.livemod.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads a YAML (or JSON) rule-set file. STUB for the skeleton: the rule-engine issue (#3) owns
 * the format, its validation (file, line, field, reason) and the default pack.
 */
public final class RuleSetLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            throw new RuleSetException(source, 0, null, "not YAML: " + e.getMessage());
        }
        if (root == null || !root.hasNonNull("version")) throw new RuleSetException(source, 0, "version", "required");
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("rules")) {
            String f = "rules[" + i++ + "]";
            List<String> terms = new ArrayList<>();
            r.path("terms").forEach(t -> terms.add(t.asText()));
            try {
                rules.add(new Rule(r.path("id").asText(f), r.path("kind").asText("keyword"),
                        Category.fromWire(r.path("category").asText()), Severity.fromWire(r.path("severity").asText("medium")),
                        r.path("match").asText("word"), r.path("state").asText("live"), terms, List.of(),
                        r.path("pattern").asText(null), new HashSet<>(), new HashSet<>()));
            } catch (IllegalArgumentException e) {
                throw new RuleSetException(source, 0, f, e.getMessage());
            }
        }
        return new RuleSet(root.get("version").asText(), rules, RateLimits.DEFAULTS);
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
}
