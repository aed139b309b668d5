package io.livemod.rules;

import java.util.Locale;

/** live: flags; shadow: evaluated and reported apart, never flags (to trial a rule); off: not compiled. */
public enum RuleState {
    LIVE, SHADOW, OFF;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleState fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
