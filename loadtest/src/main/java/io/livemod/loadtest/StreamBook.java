package io.livemod.loadtest;

import java.util.Random;

/**
 * The livestreams of a run: platforms × streams, Zipf-skewed popularity (stream 0 is the
 * mega-live, a live-commerce stream), each with a genre and a pool of viewers sized so that a
 * viewer types about two comments a minute. Stream ids carry the run id, so a run's streams start
 * with no history in the pipeline and its alerts can be told from another run's.
 */
public final class StreamBook {
    /** Genres of the streams after the mega-live: live-commerce 40%, music, game and talk 20% each. */
    private static final Genre[] MIX = {Genre.COMMERCE, Genre.COMMERCE, Genre.MUSIC, Genre.GAME, Genre.TALK};

    static final double COMMENTS_PER_VIEWER_MINUTE = 2.0;
    static final int MIN_VIEWERS = 20;

    private final String[] ids;
    private final int[] platform;
    private final Genre[] genre;
    private final int[] viewers;
    private final Zipf popularity;

    public StreamBook(String runId, int platforms, int perPlatform, double zipf, int rate, long seed) {
        int n = platforms * perPlatform;
        this.popularity = new Zipf(n, zipf);
        this.ids = new String[n];
        this.platform = new int[n];
        this.genre = new Genre[n];
        this.viewers = new int[n];
        Random r = new Random(seed ^ 0x57EA_4B00L);
        for (int s = 0; s < n; s++) {
            platform[s] = s % platforms;
            genre[s] = s == 0 ? Genre.COMMERCE : MIX[r.nextInt(MIX.length)];
            ids[s] = runId + "-" + genre[s].wire() + "-" + s;
            double perMinute = rate * 60.0 * popularity.share(s);
            viewers[s] = (int)
                    Math.max(MIN_VIEWERS, Math.min(5_000_000, Math.round(perMinute / COMMENTS_PER_VIEWER_MINUTE)));
        }
    }

    public int size() {
        return ids.length;
    }

    /** A stream drawn by popularity. */
    public int draw(Random r) {
        return popularity.next(r);
    }

    public String id(int s) {
        return ids[s];
    }

    public int platform(int s) {
        return platform[s];
    }

    public Genre genre(int s) {
        return genre[s];
    }

    public int viewers(int s) {
        return viewers[s];
    }

    public double share(int s) {
        return popularity.share(s);
    }

    /** A viewer of stream s: ids are per stream, so one viewer's pace is its pace in that stream. */
    public String viewer(int s, Random r) {
        return "v" + s + "-" + r.nextInt(viewers[s]);
    }
}
