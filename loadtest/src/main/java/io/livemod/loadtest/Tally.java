package io.livemod.loadtest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything a run counts, per comment by sequence number: when it was meant to be sent, what it
 * really is ({@link Truth}), its episode, the keyword/pattern flags the rules should raise, whether
 * the gateway acknowledged it, how often it reached the comments topic and which keyword/pattern
 * flags it got; latency histograms overall and per second. The generator writes a comment's plan
 * before sending it and publishes it with {@link #planned(long)} (a volatile write the taps read
 * first); each tap writes only its own arrays.
 */
public final class Tally {
    /** Bits of {@link #flagBits} beside Truth.KEYWORD and Truth.PATTERN: behaviour flags by kind, any flag above low severity, a keyword or pattern flag twice. */
    static final byte USER_FLOOD = 4, DUPLICATE = 8, CAMPAIGN = 16, OTHER = 32, TWICE = 64, ABOVE_LOW = (byte) 128;

    final int capacity;
    final long[] intendedAt; // epoch ms the comment was scheduled for (open loop)
    final byte[] truth;
    final byte[] expected; // Truth.KEYWORD | Truth.PATTERN bits the rules should raise
    final int[] episode; // index into the plan's episodes, -1 for none
    private volatile long plannedUpTo;
    private final BitSet acked;
    final byte[] stored; // times seen on the comments topic (comments tap only; saturates)
    final byte[] flagBits; // flags seen, by kind (flags tap only)
    final AtomicIntegerArray liveSeen; // keyword/pattern flags seen on the moderators' live feed
    final Histogram ackMicros = new Histogram(3_600_000_000L, 3);
    final Histogram e2eMillis = new Histogram(3_600_000L, 3);
    final Histogram liveFeedMillis = new Histogram(3_600_000L, 3);
    final List<Second> seconds = new ArrayList<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong generatorDropped = new AtomicLong();
    volatile String liveFeedProblem; // why the live feed was not measured, if it was not

    /**
     * Per second of the run (by intended send time): accepted events and latency recorders of a fixed
     * range (2 significant digits are plenty for a plot): an auto-resizing one resized again and again
     * as latencies grew, a cost per value.
     */
    static final class Second {
        final AtomicLong accepted = new AtomicLong();
        final Recorder ack = new Recorder(120_000_000L, 2); // µs, up to 2 minutes
        final Recorder e2e = new Recorder(600_000L, 2); // ms, up to 10 minutes
    }

    Tally(int capacity, int seconds) {
        this.capacity = capacity;
        this.intendedAt = new long[capacity + 1];
        this.truth = new byte[capacity + 1];
        this.expected = new byte[capacity + 1];
        this.episode = new int[capacity + 1];
        this.acked = new BitSet(capacity + 1);
        this.stored = new byte[capacity + 1];
        this.flagBits = new byte[capacity + 1];
        this.liveSeen = new AtomicIntegerArray(capacity + 1);
        for (int i = 0; i <= seconds; i++) this.seconds.add(new Second());
    }

    /** Records one comment's plan (generator thread); visible to the taps after {@link #planned(long)}. */
    void plan(TrafficPlan.Planned p, long intendedMs) {
        int s = (int) p.seq();
        intendedAt[s] = intendedMs;
        truth[s] = p.truth();
        expected[s] = p.expected();
        episode[s] = p.episode();
    }

    void planned(long upTo) {
        plannedUpTo = upTo;
    }

    /** Whether seq is a comment of this run the taps may look up (its plan is visible). */
    boolean known(long seq) {
        return seq > 0 && seq <= plannedUpTo;
    }

    synchronized void acked(long firstSeq, int count) {
        acked.set((int) firstSeq, (int) firstSeq + count);
    }

    synchronized boolean isAcked(long seq) {
        return acked.get((int) seq);
    }

    synchronized void recordAck(int second, long micros, int events) {
        ackMicros.recordValue(Math.max(0, micros));
        Second s = seconds.get(Math.min(second, seconds.size() - 1));
        s.ack.recordValue(Math.min(Math.max(0, micros), 120_000_000L));
        s.accepted.addAndGet(events);
    }

    synchronized void recordE2e(int second, long millis) {
        e2eMillis.recordValue(Math.max(0, millis));
        seconds.get(Math.min(Math.max(second, 0), seconds.size() - 1))
                .e2e
                .recordValue(Math.min(Math.max(0, millis), 600_000L));
    }

    synchronized void recordLive(long millis) {
        liveFeedMillis.recordValue(Math.max(0, millis));
    }
}
