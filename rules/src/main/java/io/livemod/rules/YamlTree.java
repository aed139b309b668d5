package io.livemod.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) document read from Jackson's token stream into nodes that remember their line:
 * Jackson's JsonNode forgets locations, and a rule-set error must say "file:line: field: reason".
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    /** A mapping; {@code keyLines} gives the line of each key, for errors about a missing or bad value. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {}

    record ListNode(int line, List<Node> items) implements Node {}

    /** A scalar; {@code text} is null for YAML null ({@code ~}, empty value). {@code string} is true for quoted or plain strings. */
    record Scalar(int line, String text, boolean string) implements Node {}

    private YamlTree() {}

    static Node parse(String source, String content) throws RuleSetException {
        try (JsonParser p = FACTORY.createParser(content)) {
            if (p.nextToken() == null) throw new RuleSetException(source, 1, null, "empty file");
            Node root = read(source, p);
            if (p.nextToken() != null) {
                throw new RuleSetException(source, line(p), null, "more than one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RuleSetException(
                    source,
                    at == null ? 0 : at.getLineNr(),
                    null,
                    "not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new RuleSetException(source, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static Node read(String source, JsonParser p) throws IOException, RuleSetException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (entries.containsKey(key)) {
                        throw new RuleSetException(
                                source, keyLine, key, "duplicate key (first on line " + keyLines.get(key) + ")");
                    }
                    p.nextToken();
                    keyLines.put(key, keyLine);
                    entries.put(key, read(source, p));
                }
                return new MapNode(line, entries, keyLines);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(source, p));
                return new ListNode(line, items);
            }
            case VALUE_NULL:
                return new Scalar(line, null, false);
            case VALUE_STRING:
                return new Scalar(line, p.getText(), true);
            default:
                return new Scalar(line, p.getText(), false);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
