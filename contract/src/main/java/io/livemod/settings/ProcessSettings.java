package io.livemod.settings;

import java.util.function.Function;

/**
 * The settings of this process: its environment over its config file. A role's command reads and
 * checks them first ({@code --config}, if given) and then {@link #use}s them, so a bad file stops
 * it with a reason; other commands (tools) find {@code LIVEMOD_CONFIG_FILE}'s file on first use.
 */
public final class ProcessSettings {
    private static volatile Source current;

    private ProcessSettings() {}

    /** Every later read of this process's settings goes to {@code source} (checked by the caller). */
    public static void use(Source source) {
        current = source;
    }

    public static Source current() {
        Source s = current;
        if (s == null) current = s = Source.of(System::getenv, null);
        return s;
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
