package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Keeps a {@link FlagStore} equal to the flags topic, rebuilt from the start at every boot, so a
 * restart serves the same content. New flags after the catch-up also go to {@code listener}
 * (live feeds). The gateway is ready only once {@link #isCaughtUp()}.
 */
public final class FlagProjection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlagProjection.class);
    private final TopicFollower<String, Flag> follower;

    public FlagProjection(String bootstrap, FlagStore store, Consumer<Flag> listener) {
        this.follower = new TopicFollower<>(bootstrap, Topics.FLAGS, (r, live) -> {
            if (r.value() == null) return;
            store.put(r.value());
            if (live) listener.accept(r.value());
        });
        follower.caughtUp().thenRun(() -> LOG.info("flag projection caught up: {} flags", store.size()));
    }

    public FlagProjection start() {
        follower.start();
        return this;
    }

    public boolean isCaughtUp() {
        return follower.isCaughtUp();
    }

    @Override
    public void close() {
        follower.close();
    }
}
