package io.livemod.rules;

import java.util.Locale;

/** Ordered from least to most severe, so {@code compareTo} ranks flags. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
