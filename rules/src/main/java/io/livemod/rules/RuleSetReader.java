package io.livemod.rules;

import io.livemod.rules.YamlTree.ListNode;
import io.livemod.rules.YamlTree.MapNode;
import io.livemod.rules.YamlTree.Node;
import io.livemod.rules.YamlTree.Scalar;
import io.livemod.rules.regex.RegexSafety;
import io.livemod.rules.regex.UnsafePatternException;
import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.Teencode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates a parsed rule-set document into a {@link RuleSet}; every problem is reported with the
 * file, the line, the field path ({@code rules[3].severity}) and a reason. Unknown fields are errors:
 * a misspelt {@code sevrity} silently defaulting to medium is how bad rules ship.
 */
final class RuleSetReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> TOP =
            Set.of("version", "description", "rules", "rates", "allow", "teencode", "contexts");
    private static final Set<String> RULE = Set.of(
            "id",
            "kind",
            "category",
            "severity",
            "match",
            "state",
            "terms",
            "allow",
            "pattern",
            "platforms",
            "streams",
            "exceptPlatforms",
            "unaccented",
            "description",
            "context");

    private final String source;
    private Map<String, Context> contexts = Map.of();

    private RuleSetReader(String source) {
        this.source = source;
    }

    static RuleSet read(String source, String content) throws RuleSetException {
        Node root = YamlTree.parse(source, content);
        return new RuleSetReader(source).ruleSet(root, content);
    }

    private RuleSet ruleSet(Node root, String content) throws RuleSetException {
        MapNode top = map(root, "");
        known(top, TOP, "");
        String version = text(required(top, "version", ""), "version");
        if (version.isBlank()) throw error(top.entries().get("version"), "version", "must not be empty");
        Map<String, String> teencode = teencode(top);
        Normalizer normalizer = new Normalizer(Teencode.builtIn().with(teencode));
        List<String> allow = top.entries().containsKey("allow")
                ? terms(top.entries().get("allow"), "allow", normalizer, true)
                : List.of();
        if (top.entries().containsKey("contexts"))
            contexts = ContextReader.named(this, map(top.entries().get("contexts"), "contexts"), normalizer);
        ListNode list = list(required(top, "rules", ""), "rules");
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            Rule r = rule(list.items().get(i), "rules[" + i + "]", normalizer);
            Integer prev = ids.putIfAbsent(r.id(), r.line());
            if (prev != null)
                throw new RuleSetException(
                        source,
                        r.line(),
                        "rules[" + i + "].id",
                        "duplicate id '" + r.id() + "' (first on line " + prev + ")");
            rules.add(r);
        }
        RateLimits rates = top.entries().containsKey("rates")
                ? RatesReader.read(this, map(top.entries().get("rates"), "rates"))
                : RateLimits.DEFAULTS;
        return new RuleSet(version, rules, rates, allow, teencode, content);
    }

    private Rule rule(Node node, String f, Normalizer normalizer) throws RuleSetException {
        MapNode m = map(node, f);
        known(m, RULE, f + ".");
        String id = text(required(m, "id", f + "."), f + ".id");
        if (!ID.matcher(id).matches()) {
            throw error(
                    m.entries().get("id"),
                    f + ".id",
                    "'" + id + "' must be lower-case letters, digits, '.', '_' or '-' (max 64)");
        }
        RuleKind kind = choice(m, "kind", f, RuleKind::fromWire, RuleKind.values(), RuleKind.KEYWORD);
        Category category = choice(m, "category", f, Category::fromWire, Category.values(), null);
        if (category == null) throw new RuleSetException(source, m.line(), f + ".category", "required");
        Severity severity = choice(m, "severity", f, Severity::fromWire, Severity.values(), Severity.MEDIUM);
        MatchMode match = choice(m, "match", f, MatchMode::fromWire, MatchMode.values(), MatchMode.WORD);
        RuleState state = choice(m, "state", f, RuleState::fromWire, RuleState.values(), RuleState.LIVE);
        boolean unaccented = true;
        if (m.entries().containsKey("unaccented")) {
            String u = text(m.entries().get("unaccented"), f + ".unaccented");
            if (!u.equals("true") && !u.equals("false"))
                throw error(m.entries().get("unaccented"), f + ".unaccented", "must be true or false");
            unaccented = Boolean.parseBoolean(u);
        }
        List<String> terms = List.of(), allow = List.of();
        String pattern = null;
        if (kind == RuleKind.KEYWORD) {
            if (m.entries().containsKey("pattern"))
                throw error(m.entries().get("pattern"), f + ".pattern", "only for kind: pattern");
            terms = terms(required(m, "terms", f + "."), f + ".terms", normalizer, false);
        } else {
            if (m.entries().containsKey("terms"))
                throw error(m.entries().get("terms"), f + ".terms", "only for kind: keyword (use pattern)");
            Node p = required(m, "pattern", f + ".");
            pattern = text(p, f + ".pattern");
            try {
                RegexSafety.check(pattern);
            } catch (UnsafePatternException e) {
                throw error(p, f + ".pattern", e.getMessage());
            }
        }
        if (m.entries().containsKey("allow")) allow = terms(m.entries().get("allow"), f + ".allow", normalizer, true);
        Context context = null;
        if (m.entries().containsKey("context")) {
            Node c = m.entries().get("context");
            if (kind != RuleKind.KEYWORD) throw error(c, f + ".context", "only for kind: keyword");
            context = ContextReader.forRule(this, c, f + ".context", contexts, normalizer);
        }
        Set<String> platforms = set(m, "platforms", f), streams = set(m, "streams", f);
        Set<String> except = set(m, "exceptPlatforms", f);
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                except,
                unaccented,
                context,
                m.line());
    }

    List<String> terms(Node node, String f, Normalizer normalizer, boolean mayBeEmpty) throws RuleSetException {
        ListNode l = list(node, f);
        if (l.items().isEmpty() && !mayBeEmpty) throw error(l, f, "must list at least one term");
        List<String> out = new ArrayList<>(l.items().size());
        for (int i = 0; i < l.items().size(); i++) {
            Node t = l.items().get(i);
            String term = text(t, f + "[" + i + "]");
            if (normalizer.normalize(term).length() == 0)
                throw error(t, f + "[" + i + "]", "'" + term + "' has no letters or digits");
            out.add(term);
        }
        return out;
    }

    private Map<String, String> teencode(MapNode top) throws RuleSetException {
        if (!top.entries().containsKey("teencode")) return Map.of();
        MapNode m = map(top.entries().get("teencode"), "teencode");
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : m.entries().entrySet()) {
            String v = text(e.getValue(), "teencode." + e.getKey());
            if (e.getKey().isBlank() || e.getKey().chars().anyMatch(Character::isWhitespace)) {
                throw error(e.getValue(), "teencode." + e.getKey(), "an abbreviation is one word");
            }
            out.put(e.getKey().toLowerCase(Locale.ROOT), v);
        }
        return out;
    }

    private Set<String> set(MapNode m, String key, String f) throws RuleSetException {
        if (!m.entries().containsKey(key)) return Set.of();
        ListNode l = list(m.entries().get(key), f + "." + key);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < l.items().size(); i++) out.add(text(l.items().get(i), f + "." + key + "[" + i + "]"));
        return out;
    }

    private <E extends Enum<E>> E choice(MapNode m, String key, String f, Function<String, E> parse, E[] values, E dflt)
            throws RuleSetException {
        Node n = m.entries().get(key);
        if (n == null) return dflt;
        String v = text(n, f + "." + key);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(values)
                    .map(x -> x.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw error(n, f + "." + key, "unknown value '" + v + "' (one of: " + allowed + ")");
        }
    }

    // ---- shared helpers, also used by RatesReader ----

    MapNode map(Node n, String f) throws RuleSetException {
        if (n instanceof MapNode m) return m;
        throw error(n, f.isEmpty() ? null : f, "expected a mapping (key: value)");
    }

    ListNode list(Node n, String f) throws RuleSetException {
        if (n instanceof ListNode l) return l;
        throw error(n, f, "expected a list");
    }

    String text(Node n, String f) throws RuleSetException {
        if (n instanceof Scalar s && s.text() != null) return s.text();
        throw error(n, f, n instanceof Scalar ? "must not be empty" : "expected a single value");
    }

    Node required(MapNode m, String key, String prefix) throws RuleSetException {
        Node n = m.entries().get(key);
        if (n == null) throw new RuleSetException(source, m.line(), prefix + key, "required");
        return n;
    }

    void known(MapNode m, Set<String> allowed, String prefix) throws RuleSetException {
        for (String k : m.entries().keySet()) {
            if (!allowed.contains(k)) {
                throw new RuleSetException(
                        source,
                        m.keyLines().get(k),
                        prefix + k,
                        "unknown field (known: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    RuleSetException error(Node n, String field, String reason) {
        return errorAt(n == null ? 0 : n.line(), field, reason);
    }

    RuleSetException errorAt(int line, String field, String reason) {
        return new RuleSetException(source, line, field, reason);
    }
}
