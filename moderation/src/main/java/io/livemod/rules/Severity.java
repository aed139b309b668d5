package io.livemod.rules;

import java.util.Locale;

/** Ordered from least to most severe, so {@code compareTo} ranks flags. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    public String wire() {
        return wire;
    }

    public static Severity fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
