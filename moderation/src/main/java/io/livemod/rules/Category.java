package io.livemod.rules;

import java.util.Locale;

/** What a rule is about. Wire form is the lower-case name (`gambling_ads`). */
public enum Category {
    PROFANITY, HATE, ANTI_STATE, FAKE_NEWS, GAMBLING_ADS, SCAM, SEXUAL, VIOLENCE, SPAM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
