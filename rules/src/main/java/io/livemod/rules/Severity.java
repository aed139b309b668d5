package io.livemod.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Ordered from least to most severe, so {@code compareTo} ranks flags. On the wire (rule files,
 * flags, alerts, claims) it is the lower-case name, through Jackson as everywhere else.
 */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Any case, surrounding blanks ignored; anything else is refused naming the four. */
    @JsonCreator
    public static Severity fromWire(String s) {
        String name = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (Severity v : values()) if (v.name().equals(name)) return v;
        throw new IllegalArgumentException(
                "severity '" + s + "' is not one of " + List.of(LOW.wire, MEDIUM.wire, HIGH.wire, CRITICAL.wire));
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
