package io.livemod.loadtest;

import java.util.BitSet;

/**
 * One injected known-bad episode: a user flood (one user, many comments in one stream within
 * seconds) or a spam campaign (one copy-paste text, several users, several streams and platforms
 * within a couple of minutes). Tracks, as its comments are sent, when a campaign reached the spread
 * the issue calls a campaign ({@link #CAMPAIGN_STREAMS} streams or {@link #CAMPAIGN_PLATFORMS}
 * platforms): the moment its alert is timed from.
 */
public final class Episode {
    public enum Kind {
        FLOOD,
        CAMPAIGN
    }

    static final int CAMPAIGN_STREAMS = 3, CAMPAIGN_PLATFORMS = 2;

    final int id;
    final Kind kind;
    final String text; // a campaign's message; null for a flood
    int planned; // comments scheduled
    int sent; // comments handed to the client
    long reachSeq = -1; // the comment that made the campaign reach the spread, once it did
    private final BitSet streams = new BitSet();
    private final BitSet platforms = new BitSet();

    Episode(int id, Kind kind, String text) {
        this.id = id;
        this.kind = kind;
        this.text = text;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public int planned() {
        return planned;
    }

    public long reachSeq() {
        return reachSeq;
    }

    public int streams() {
        return streams.cardinality();
    }

    public int platforms() {
        return platforms.cardinality();
    }

    void sent(long seq, int stream, int platform) {
        sent++;
        streams.set(stream);
        platforms.set(platform);
        if (kind == Kind.CAMPAIGN
                && reachSeq < 0
                && (streams.cardinality() >= CAMPAIGN_STREAMS || platforms.cardinality() >= CAMPAIGN_PLATFORMS)) {
            reachSeq = seq;
        }
    }
}
