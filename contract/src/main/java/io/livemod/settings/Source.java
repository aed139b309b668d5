package io.livemod.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a process's settings come from, in order: a command-line flag (where a role has one), the
 * environment, the config file ({@code --config FILE}, else {@code LIVEMOD_CONFIG_FILE}), the
 * catalogue's default. A variable set but blank counts as not set. The environment wins over the
 * file so a deployment can keep a shared file and override one value per instance (or keep
 * secrets out of the file).
 */
public final class Source implements Function<String, String> {
    private final Function<String, String> env;
    private final Map<String, String> file;
    private final Path path;

    private Source(Function<String, String> env, Map<String, String> file, Path path) {
        this.env = env;
        this.file = file;
        this.path = path;
    }

    /**
     * The environment over the config file: {@code configOption} when given, else the file
     * {@code LIVEMOD_CONFIG_FILE} names, else none.
     *
     * @throws IllegalArgumentException naming the file and line when the file cannot be used
     */
    public static Source of(Function<String, String> env, Path configOption) {
        if (configOption != null) return new Source(env, ConfigFile.read(configOption, "--config"), configOption);
        String named = env.apply(ProcessCatalogue.CONFIG_FILE.env());
        if (named == null || named.isBlank()) return new Source(env, Map.of(), null);
        Path p = Path.of(named.trim());
        return new Source(env, ConfigFile.read(p, ProcessCatalogue.CONFIG_FILE.env()), p);
    }

    @Override
    public String apply(String variable) {
        String v = env.apply(variable);
        return v != null && !v.isBlank() ? v : file.getOrDefault(variable, v);
    }

    /** The config file in use, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(path);
    }
}
