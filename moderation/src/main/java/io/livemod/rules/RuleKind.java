package io.livemod.rules;

import java.util.Locale;

/** keyword: a list of terms matched on the normalized text; pattern: one bounded, safe regex. */
public enum RuleKind {
    KEYWORD, PATTERN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuleKind fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
