package io.livemod.rules;

import java.util.Locale;

/** What a rule is about. Wire form is the lower-case name (`gambling_ads`). */
public enum Category {
    PROFANITY,
    HATE,
    ANTI_STATE,
    FAKE_NEWS,
    GAMBLING_ADS,
    SCAM,
    SEXUAL,
    VIOLENCE,
    SPAM;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    public String wire() {
        return wire;
    }

    public static Category fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
