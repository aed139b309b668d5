package io.livemod.gateway.platform;

import io.livemod.event.Topics;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.vertx.core.Future;

/**
 * Makes platform changes durable and shared: a change is written to the compacted platforms topic
 * (acks=all) and applied here at once; every gateway follows the topic into its {@link Platforms},
 * so a platform created or rotated on one gateway verifies on all of them moments later. Secrets
 * travel sealed ({@link SecretSeal}).
 */
public final class PlatformStore {
    private final Platforms platforms;
    private final KafkaWriter writer;
    private final TopicFeeds.Subscription feed;

    private final SecretSeal seal;

    /** @param seal seals secrets on their way to the topic and opens them on the way back */
    public PlatformStore(TopicFeeds feeds, Platforms platforms, KafkaWriter writer, SecretSeal seal) {
        this.platforms = platforms;
        this.writer = writer;
        this.seal = seal;
        // A record that does not open (another key) is skipped and counted by the follower; the message names no
        // secret.
        this.feed = feeds.all(Topics.PLATFORMS, (r, live) -> {
            if (r.value() != null) platforms.apply(seal.open(r.value()));
        });
    }

    /** True once the platforms topic has been read to the end seen at start. */
    public boolean isCaughtUp() {
        return feed.isCaughtUp();
    }

    public Future<Platform> save(Platform p) {
        return writer.send(Topics.PLATFORMS, p.id(), seal.seal(p.toRecord())).map(v -> {
            platforms.put(p);
            return p;
        });
    }

    public Platforms platforms() {
        return platforms;
    }
}
