package io.livemod.gateway.claims;

import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The registry of false claims, gateway side: the book that follows the claims topic, and its routes. */
public final class Claims {
    private final ClaimBook book;
    private final ClaimRoutes routes;

    public Claims(TopicFeeds feeds, KafkaWriter writer, AuditLog audit, Clock clock, MeterRegistry metrics) {
        Applied applied = new Applied(5_000);
        this.book = new ClaimBook(feeds, applied::done);
        this.routes = new ClaimRoutes(book, new Changes(writer, audit, applied, clock, metrics));
    }

    public ClaimRoutes routes() {
        return routes;
    }

    public boolean isCaughtUp() {
        return book.isCaughtUp();
    }
}
