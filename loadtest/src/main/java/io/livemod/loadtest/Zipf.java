package io.livemod.loadtest;

import java.util.Arrays;
import java.util.Random;

/** Draws 0..n-1 with probability proportional to 1/(k+1)^s: item 0 is the mega-live. */
public final class Zipf {
    private final double[] cdf;

    public Zipf(int n, double s) {
        if (n < 1) throw new IllegalArgumentException("n must be positive");
        cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) cdf[k] /= sum;
    }

    public int next(Random r) {
        int i = Arrays.binarySearch(cdf, r.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** The probability of item k, for reporting the mega-live's share. */
    public double share(int k) {
        return k == 0 ? cdf[0] : cdf[k] - cdf[k - 1];
    }
}
