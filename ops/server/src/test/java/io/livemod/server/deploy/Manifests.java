package io.livemod.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests of ops/deploy/k8s as parsed YAML, and what the code they run reads. */
final class Manifests {
    /** The repository root: the tests run in ops/server. */
    static final Path ROOT = Path.of(System.getProperty("livemod.root", "../.."));

    static final Path DIR = ROOT.resolve("ops/deploy/k8s");

    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) map(body, "metadata").get("name");
        }
    }

    private Manifests() {}

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Doc> load() {
        List<Doc> docs = new ArrayList<>();
        for (Path f : files()) {
            try {
                for (Object o : new Yaml().loadAll(Files.readString(f))) {
                    if (o != null) docs.add(new Doc(f, (Map<String, Object>) o));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    static List<Doc> ofKind(List<Doc> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.kind())).toList();
    }

    static Doc named(List<Doc> docs, String kind, String name) {
        return ofKind(docs, kind).stream()
                .filter(d -> name.equals(d.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + DIR));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String... path) {
        Map<String, Object> cur = m;
        for (String key : path) {
            Object next = cur.get(key);
            if (!(next instanceof Map))
                throw new AssertionError("no map at " + String.join(".", path) + " (stopped at " + key + ")");
            cur = (Map<String, Object>) next;
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    /** The containers of a Deployment's or StatefulSet's pod template. */
    static List<Map<String, Object>> containers(Doc workload) {
        return list(map(workload.body(), "spec", "template", "spec"), "containers");
    }

    @SuppressWarnings("unchecked")
    static List<String> args(Map<String, Object> container) {
        Object a = container.get("args");
        return a == null ? List.of() : (List<String>) a;
    }

    static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    /** A literal env value of a container, if it sets one. */
    static Optional<String> envValue(Map<String, Object> container, String name) {
        return list(container, "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .map(e -> e.get("value") == null ? null : e.get("value").toString());
    }

    private static final Pattern LITERAL = Pattern.compile("\"(LIVEMOD_[A-Z0-9_]+)\"|env:(LIVEMOD_[A-Z0-9_]+)");

    /**
     * Every LIVEMOD_ variable named in the main sources (Java string literals, log4j's env lookups)
     * under the given module directories: the catalogue declares them, and messages and lookups
     * outside it name them, which must be declared there too.
     */
    static Set<String> variablesReadUnder(String... moduleDirs) {
        Set<String> names = new TreeSet<>();
        for (String dir : moduleDirs) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir).resolve("src/main"))) {
                for (Path p : s.filter(Files::isRegularFile)
                        .filter(p ->
                                p.toString().endsWith(".java") || p.toString().endsWith(".xml"))
                        .toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(p));
                    while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
