package io.livemod.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** keyword: a list of terms matched on the normalized text; pattern: one bounded, safe regex. */
public enum RuleKind {
    KEYWORD,
    PATTERN;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    @JsonValue
    public String wire() {
        return wire;
    }

    public static RuleKind fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
