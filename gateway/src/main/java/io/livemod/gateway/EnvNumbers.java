package io.livemod.gateway;

import java.util.function.Function;

/** Whole numbers from environment variables, with an error that names the variable. Bounds are the settings' own. */
public final class EnvNumbers {
    private EnvNumbers() {}

    public static long number(Function<String, String> env, String name, long dflt) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + v);
        }
    }
}
