package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.KafkaWriter;
import io.vertx.core.Future;


/**
 * Makes platform changes durable and shared: a change is written to the compacted platforms topic
 * (acks=all) and applied here at once; every gateway follows the topic into its {@link Platforms},
 * so a platform created or rotated on one gateway verifies on all of them moments later. Secrets
 * travel sealed ({@link SecretSeal}).
 */
public final class PlatformStore implements AutoCloseable {
    private final Platforms platforms;
    private final KafkaWriter writer;
    private final TopicFollower<String, PlatformRecord> follower;

    private final SecretSeal seal;

    /** @param seal seals secrets on their way to the topic and opens them on the way back */
    public PlatformStore(String bootstrap, Platforms platforms, KafkaWriter writer, SecretSeal seal) {
        this.platforms = platforms;
        this.writer = writer;
        this.seal = seal;
        // A record that does not open (another key) is skipped and counted by the follower; the message names no secret.
        this.follower = new TopicFollower<>(bootstrap, Topics.PLATFORMS, (r, live) -> {
            if (r.value() != null) platforms.apply(seal.open(r.value()));
        });
    }

    public PlatformStore start() {
        follower.start();
        return this;
    }

    /** True once the platforms topic has been read to the end seen at start. */
    public boolean isCaughtUp() {
        return follower.isCaughtUp();
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

    @Override
    public void close() {
        follower.close();
    }
}
