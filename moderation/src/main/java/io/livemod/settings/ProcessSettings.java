package io.livemod.settings;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The settings of this process: its environment over its config file. A role's command calls
 * {@link #load} first (with {@code --config}, if given), so a bad file stops it with a reason;
 * anything read before that (tools) finds {@code LIVEMOD_CONFIG_FILE}'s file on first use.
 */
public final class ProcessSettings {
    private static volatile Source current;

    private ProcessSettings() {}

    /** Reads the config file now: {@code configOption} when given, else {@code LIVEMOD_CONFIG_FILE}'s. */
    public static Source load(Path configOption) {
        Source s = Source.of(System::getenv, configOption);
        current = s;
        return s;
    }

    public static Source current() {
        Source s = current;
        return s != null ? s : load(null);
    }

    /** A variable's text as this process sees it, or null. */
    public static String get(String variable) {
        return current().apply(variable);
    }

    /** This process's settings as the typed records' {@code withEnv} take them; looks up the current source at each call. */
    public static Function<String, String> source() {
        return ProcessSettings::get;
    }
}
