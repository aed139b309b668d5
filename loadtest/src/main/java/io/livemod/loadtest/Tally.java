package io.livemod.loadtest;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything a run counts, thread-safe: per comment (by sequence number) when it was meant to be
 * sent, whether the gateway acknowledged it, how often it reached the comments topic and how many
 * keyword/pattern flags it got; latency histograms overall and per second of the run.
 */
public final class Tally {
    final int capacity;
    final long[] intendedAt;            // epoch ms the comment was scheduled for (open loop)
    final byte[] expectedFlags;         // flags the rules should raise: one per matching kind
    final BitSet acked;
    final AtomicLongArray stored;       // times seen on the comments topic
    final AtomicLongArray flagged;      // keyword/pattern flags seen
    final Histogram ackMicros = new Histogram(3_600_000_000L, 3);
    final Histogram e2eMillis = new Histogram(3_600_000L, 3);
    final List<Second> seconds = new ArrayList<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong generatorDropped = new AtomicLong();
    final Histogram liveFeedMillis = new Histogram(3_600_000L, 3);
    final AtomicLongArray liveSeen;     // keyword/pattern flags seen on the moderators' live feed
    volatile String liveFeedProblem;    // why the live feed was not measured, if it was not
    final AtomicLong storedEvents = new AtomicLong();   // comments-topic records of this run
    final AtomicLong flagEvents = new AtomicLong();     // keyword/pattern flags of this run

    /** Per second of the run (by intended send time): accepted events and latency recorders. */
    static final class Second {
        final AtomicLong accepted = new AtomicLong();
        final Recorder ack = new Recorder(3);
        final Recorder e2e = new Recorder(3);
    }

    Tally(int capacity, int seconds) {
        this.capacity = capacity;
        this.intendedAt = new long[capacity + 1];
        this.expectedFlags = new byte[capacity + 1];
        this.acked = new BitSet(capacity + 1);
        this.stored = new AtomicLongArray(capacity + 1);
        this.flagged = new AtomicLongArray(capacity + 1);
        this.liveSeen = new AtomicLongArray(capacity + 1);
        for (int i = 0; i <= seconds; i++) this.seconds.add(new Second());
    }

    synchronized void planned(long seq, long intendedMs, int expected) {
        intendedAt[(int) seq] = intendedMs;
        expectedFlags[(int) seq] = (byte) expected;
    }

    synchronized void acked(long seq) {
        acked.set((int) seq);
    }

    synchronized void recordAck(int second, long micros, int events) {
        ackMicros.recordValue(Math.max(0, micros));
        Second s = seconds.get(Math.min(second, seconds.size() - 1));
        s.ack.recordValue(Math.max(0, micros));
        s.accepted.addAndGet(events);
    }

    synchronized void recordE2e(int second, long millis) {
        e2eMillis.recordValue(Math.max(0, millis));
        seconds.get(Math.min(Math.max(second, 0), seconds.size() - 1)).e2e.recordValue(Math.max(0, millis));
    }

    synchronized void recordLive(long millis) {
        liveFeedMillis.recordValue(Math.max(0, millis));
    }

    synchronized long intendedAt(long seq) {
        return seq >= 0 && seq <= capacity ? intendedAt[(int) seq] : 0;
    }

    synchronized int expectedFlags(long seq) {
        return expectedFlags[(int) seq];
    }

    synchronized boolean isAcked(long seq) {
        return acked.get((int) seq);
    }
}
