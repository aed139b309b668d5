package io.livemod.loadtest;

/** What a livestream is about, which decides what its viewers type. */
public enum Genre {
    COMMERCE,
    MUSIC,
    GAME,
    TALK;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
