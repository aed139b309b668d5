package io.livemod.gateway.audit;

import io.livemod.event.AuditEntry;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.kafka.KafkaWriter;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/** Records every change to the audit topic before the change is answered as done (the future completes on the calling context). */
public final class AuditLog {
    private final KafkaWriter writer;
    private final Clock clock;

    public AuditLog(KafkaWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** @param detail JSON text describing the change; must never contain a secret */
    public Future<AuditEntry> record(Principal who, String action, String target, String detail) {
        return record(who.sub(), who.role().wire(), action, target, detail);
    }

    /** For actors without a JWT: a platform answering a takedown is recorded as role "platform". */
    public Future<AuditEntry> record(String actor, String role, String action, String target, String detail) {
        AuditEntry e =
                new AuditEntry(UUID.randomUUID().toString(), actor, role, action, target, detail, clock.millis());
        return writer.send(Topics.AUDIT, target, e).map(v -> e);
    }
}
