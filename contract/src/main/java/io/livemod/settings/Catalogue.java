package io.livemod.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every setting of every Livemod process, by group: the one list docs/operations.md's tables, the config
 * file's keys, the start-up check and the deployment tests are drawn from.
 */
public final class Catalogue {
    private Catalogue() {}

    /** Groups in the order of docs/operations.md; the key names its generated block. */
    public static final Map<String, List<Setting<?>>> GROUPS = groups();

    public static final List<Setting<?>> ALL =
            GROUPS.values().stream().flatMap(List::stream).toList();

    private static Map<String, List<Setting<?>>> groups() {
        Map<String, List<Setting<?>>> g = new LinkedHashMap<>();
        g.put("process", ProcessCatalogue.ALL);
        g.put("gateway-http", HttpCatalogue.ALL);
        g.put("gateway-ingest", IngestCatalogue.ALL);
        g.put("gateway-queue", QueueCatalogue.ALL);
        g.put("moderation", StreamsCatalogue.ALL);
        g.put("kafka", KafkaCatalogue.ALL);
        g.put("thresholds", ThresholdCatalogue.ALL);
        return java.util.Collections.unmodifiableMap(g);
    }

    public static Optional<Setting<?>> byEnv(String variable) {
        return ALL.stream().filter(s -> s.env().equals(variable)).findFirst();
    }

    /** The variables a role reads: what its deployment may set. */
    public static Set<String> variablesOf(Role role) {
        TreeSet<String> out = new TreeSet<>();
        ALL.stream().filter(s -> s.roles().contains(role)).forEach(s -> out.add(s.env()));
        return out;
    }

    /**
     * Reads every setting a role reads, so a value that does not parse or is out of bounds stops
     * the role at start with its one-line reason, before anything reaches Kafka. Rules between
     * settings are the typed records' (they run as the role builds them).
     */
    public static void check(Function<String, String> source, Role role) {
        for (Setting<?> s : ALL) {
            if (s.roles().contains(role)) s.read(source);
        }
    }
}
