package io.livemod.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A settings file: one {@code LIVEMOD_X=value} per line, blank lines and {@code #} comments
 * ignored, spaces around key and value dropped, no quoting or escapes (a value is what follows the
 * first {@code =}). Every key must be a catalogue setting that may come from a file, so a typo stops
 * the process instead of being ignored. Refusals name the file and line, never a value: the file
 * may hold secrets.
 */
final class ConfigFile {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ConfigFile() {}

    /** @param origin how the operator named the file ({@code --config} or {@code LIVEMOD_CONFIG_FILE}), for messages */
    static Map<String, String> read(Path file, String origin) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(origin + ": cannot read " + file + " as UTF-8 text");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = origin + " " + file + " line " + (i + 1);
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches())
                throw new IllegalArgumentException(where + ": expected LIVEMOD_NAME=value");
            Setting<?> s = Catalogue.byEnv(key)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown setting " + key));
            if (s.isEnvOnly())
                throw new IllegalArgumentException(where + ": " + key + " is read from the environment only");
            if (out.containsKey(key)) throw new IllegalArgumentException(where + ": " + key + " is set twice");
            out.put(key, line.substring(eq + 1).strip());
        }
        return Map.copyOf(out);
    }
}
