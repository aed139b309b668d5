package io.livemod.rules;

import java.util.Locale;

/** live: flags; shadow: evaluated and reported apart, never flags (to trial a rule); off: not compiled. */
public enum RuleState {
    LIVE,
    SHADOW,
    OFF;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    public String wire() {
        return wire;
    }

    public static RuleState fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
