package io.livemod.rules;

import io.livemod.rules.YamlTree.MapNode;
import io.livemod.rules.YamlTree.Node;
import io.livemod.rules.YamlTree.Scalar;
import io.livemod.rules.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The word-sense contexts of a rule file ({@link Context}): the top-level {@code contexts:} section
 * (named blocks, shared by several rules) and a rule's {@code context:} (a name from that section,
 * or a block of its own). Errors name the file, line and field like the rest of the file.
 */
final class ContextReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("needs", "unless", "window", "otherwise");

    private ContextReader() {}

    static Map<String, Context> named(RuleSetReader r, MapNode section, Normalizer normalizer) throws RuleSetException {
        Map<String, Context> out = new LinkedHashMap<>();
        for (var e : section.entries().entrySet()) {
            String f = "contexts." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches()) {
                throw r.errorAt(
                        section.keyLines().get(e.getKey()),
                        f,
                        "a context name is lower-case letters, digits, '.', '_' or '-' (max 64)");
            }
            out.put(e.getKey(), block(r, r.map(e.getValue(), f), f, e.getKey(), normalizer));
        }
        return out;
    }

    /** A rule's {@code context:}: the name of a {@code contexts:} entry, or a block. */
    static Context forRule(RuleSetReader r, Node node, String f, Map<String, Context> named, Normalizer normalizer)
            throws RuleSetException {
        if (node instanceof Scalar) {
            String name = r.text(node, f);
            Context c = named.get(name);
            if (c == null) {
                String known = named.isEmpty()
                        ? "none defined under contexts:"
                        : "defined: " + String.join(", ", named.keySet());
                throw r.error(node, f, "unknown context '" + name + "' (" + known + ")");
            }
            return c;
        }
        return block(r, r.map(node, f), f, null, normalizer);
    }

    private static Context block(RuleSetReader r, MapNode m, String f, String name, Normalizer normalizer)
            throws RuleSetException {
        r.known(m, FIELDS, f + ".");
        List<String> needs = phrases(r, m, "needs", f, normalizer), unless = phrases(r, m, "unless", f, normalizer);
        if (needs.isEmpty() && unless.isEmpty())
            throw r.error(m, f, "needs at least one phrase in 'needs' or 'unless'");
        int window = Context.DEFAULT_WINDOW;
        Node w = m.entries().get("window");
        if (w != null) {
            String v = r.text(w, f + ".window");
            window = v.matches("\\d{1,2}") ? Integer.parseInt(v) : -1;
            if (window < 1 || window > Context.MAX_WINDOW) {
                throw r.error(
                        w,
                        f + ".window",
                        "must be a whole number of words from 1 to " + Context.MAX_WINDOW + ", not '" + v + "'");
            }
        }
        Severity otherwise = null;
        Node o = m.entries().get("otherwise");
        if (o != null) {
            String v = r.text(o, f + ".otherwise");
            if (!v.trim().equalsIgnoreCase("shadow")) {
                try {
                    otherwise = Severity.fromWire(v);
                } catch (IllegalArgumentException e) {
                    String allowed =
                            Arrays.stream(Severity.values()).map(Severity::wire).collect(Collectors.joining(", "));
                    throw r.error(o, f + ".otherwise", "unknown value '" + v + "' (one of: shadow, " + allowed + ")");
                }
            }
        }
        return new Context(name, needs, unless, window, otherwise);
    }

    private static List<String> phrases(RuleSetReader r, MapNode m, String key, String f, Normalizer normalizer)
            throws RuleSetException {
        Node n = m.entries().get(key);
        return n == null ? List.of() : r.terms(n, f + "." + key, normalizer, true);
    }
}
