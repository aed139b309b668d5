package io.livemod.topology;

/**
 * Flags per minute of one stream against its rolling baseline, in 10-second buckets: the last six
 * buckets are "this minute" (a sliding minute without hopping windows), the ones before them the
 * baseline. One small ring of longs per stream, whatever the traffic.
 */
final class SpikeCounter {
    static final long BUCKET_MS = 10_000;
    static final int PER_MINUTE = 6;

    private SpikeCounter() {}

    static int size(int baselineMinutes) {
        return PER_MINUTE * (baselineMinutes + 1);
    }

    /** Counts one flag seen at {@code at}; returns the (possibly new) newest bucket index. */
    static long add(long[] ring, long newest, long at) {
        long b = at / BUCKET_MS;
        if (b > newest) {
            long gap = Math.min(b - newest, ring.length);
            for (long i = 1; i <= gap; i++) ring[(int) Math.floorMod(newest + i, (long) ring.length)] = 0;
            newest = b;
        }
        if (b > newest - ring.length) ring[(int) Math.floorMod(b, (long) ring.length)]++;
        return newest;
    }

    static long lastMinute(long[] ring, long newest) {
        long sum = 0;
        for (int i = 0; i < PER_MINUTE; i++) sum += ring[(int) Math.floorMod(newest - i, (long) ring.length)];
        return sum;
    }

    /** Mean flags per minute over the baseline minutes before the current one (missing minutes count as 0). */
    static double baseline(long[] ring, long newest) {
        long sum = 0;
        for (int i = PER_MINUTE; i < ring.length; i++) sum += ring[(int) Math.floorMod(newest - i, (long) ring.length)];
        int minutes = (ring.length - PER_MINUTE) / PER_MINUTE; // whole: the ring holds PER_MINUTE slots a minute
        return sum / (double) minutes;
    }
}
