package io.livemod.loadtest;

/**
 * How old each generated account is, as the platform would tell Livemod (`accountCreatedAt`). Viewers
 * are mostly years old and a few percent made this week; the accounts of a brigading burst
 * ({@link Episodes}) are days old. Derived from the user id, so every comment of one user carries the
 * same creation day without a table.
 */
final class Accounts {
    /** User ids of burst accounts start with this. */
    static final String BURST_PREFIX = "nb";
    /** Share of ordinary viewers whose account is under a week old. */
    static final double NEW_VIEWERS = 0.03;

    private Accounts() {}

    /** The account's age in whole days when it comments. */
    static int ageDays(String user) {
        int h = mix(user.hashCode());
        if (user.startsWith(BURST_PREFIX)) return Math.floorMod(h, 4); // 0..3 days
        if (Math.floorMod(h, 10_000) < NEW_VIEWERS * 10_000) return Math.floorMod(h >>> 14, 7); // a new viewer
        return 30 + Math.floorMod(h >>> 7, 2_000); // a month to five years
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** The RFC 3339 creation time of every age of a run that starts on {@code epochDay}: midnight UTC of that day. */
    static String[] creationTimes(long epochDay, int maxAge) {
        String[] out = new String[maxAge + 1];
        for (int age = 0; age <= maxAge; age++)
            out[age] = java.time.LocalDate.ofEpochDay(epochDay - age) + "T00:00:00Z";
        return out;
    }
}
