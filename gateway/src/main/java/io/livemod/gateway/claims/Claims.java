package io.livemod.gateway.claims;

import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.ministry.Applied;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;

import java.time.Clock;

/** The registry of false claims, gateway side: the book that follows the claims topic, and its routes. */
public final class Claims implements AutoCloseable {
    private final ClaimBook book;
    private final ClaimRoutes routes;

    public Claims(String bootstrap, KafkaWriter writer, AuditLog audit, Clock clock, MeterRegistry metrics) {
        Applied applied = new Applied(5_000);
        this.book = new ClaimBook(bootstrap, applied::done);
        this.routes = new ClaimRoutes(book, writer, audit, applied, clock, metrics);
    }

    public Claims start() {
        book.start();
        return this;
    }

    public void mount(Router router, Auth auth) {
        routes.mount(router, auth);
    }

    public boolean isCaughtUp() {
        return book.isCaughtUp();
    }

    @Override
    public void close() {
        book.close();
    }
}
