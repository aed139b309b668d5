package io.livemod.bench.topology;

import io.livemod.event.Comment;

/** Where the topology benchmark's comments come from: synthetic ({@link CommentMix}) or the load test's chat ({@link RealisticMix}). */
interface CommentSource {
    /** The {@code i}-th comment, stamped as received at {@code receivedAt}. */
    Comment next(int i, long receivedAt);
}
