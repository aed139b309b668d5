package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim and decide. A decision is written only by the moderator holding the flag (a free flag is
 * claimed on the way), is answered 201 only once Kafka acknowledged it, and at most one decision
 * is written per flag: the store's "deciding" mark is taken atomically before the write and turned
 * into the decision after it. Then the platform's webhook is queued. Claims, releases and decisions
 * are audited ({@code flag.claimed}, {@code flag.released}, {@code flag.decided}). Moderators only: officers and
 * admins get 403 (officers act through takedowns, never on comments).
 */
public final class DecisionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionRoutes.class);
    static final String WEBHOOK_TYPE = "decision.created";
    private final Vertx vertx;
    private final FlagStore store;
    private final KafkaWriter writer;
    private final Webhooks webhooks;
    private final ClaimSignals signals;
    private final ReviewSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AuditLog audit;

    DecisionRoutes(
            Vertx vertx,
            FlagStore store,
            KafkaWriter writer,
            Webhooks webhooks,
            ClaimSignals signals,
            ReviewSettings settings,
            Clock clock,
            MeterRegistry metrics) {
        this.audit = new AuditLog(writer, clock);
        this.vertx = vertx;
        this.store = store;
        this.writer = writer;
        this.webhooks = webhooks;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void claim(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String id = ctx.pathParam("flagId");
        blocking(() -> store.get(who.platform(), id)
                        .map(v -> store.claim(id, who.sub(), settings.claimTtl()))
                        .orElse(null))
                .onSuccess(r -> {
                    if (r == null) {
                        Errors.send(ctx, 404, "not_found", "no such flag");
                        return;
                    }
                    metrics.counter(
                                    "livemod_claims_total",
                                    "outcome",
                                    r.outcome().name().toLowerCase(java.util.Locale.ROOT))
                            .increment();
                    if (!r.won()) {
                        refuse(ctx, r);
                        return;
                    }
                    announce(who.platform(), id);
                    JsonObject body = new JsonObject()
                            .put("flagId", id)
                            .put("moderator", r.claim().moderator())
                            .put("expiresAt", r.claim().expiresAt());
                    audited(who, "flag.claimed", id, body).onComplete(x -> Responses.json(ctx, 200, body));
                })
                .onFailure(ctx::fail);
    }

    /** DELETE .../claim: hands the flag back before the claim expires (addition to contract v1). */
    public void release(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String id = ctx.pathParam("flagId");
        blocking(() -> store.get(who.platform(), id)
                        .map(v -> store.release(id, who.sub()))
                        .orElse(null))
                .onSuccess(released -> {
                    if (released == null) {
                        Errors.send(ctx, 404, "not_found", "no such flag");
                    } else if (!released) {
                        Errors.send(ctx, 409, "claimed", "the claim is someone else's, or a decision is being stored");
                    } else {
                        announce(who.platform(), id);
                        audited(who, "flag.released", id, new JsonObject().put("flagId", id))
                                .onComplete(
                                        x -> ctx.response().setStatusCode(204).end());
                    }
                })
                .onFailure(ctx::fail);
    }

    public void decide(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String id = ctx.pathParam("flagId");
        DecisionRequest req;
        try {
            req = DecisionRequest.parse(ctx.body().asString());
        } catch (DecisionRequest.Invalid e) {
            Errors.send(ctx, 400, "invalid_decision", e.getMessage(), e.field);
            return;
        }
        blocking(() -> store.get(who.platform(), id)
                        .map(v -> Map.entry(v, store.beginDecision(id, who.sub(), settings.decisionLockTtl())))
                        .orElse(null))
                .onSuccess(held -> {
                    if (held == null) {
                        Errors.send(ctx, 404, "not_found", "no such flag");
                    } else if (!held.getValue().won()) {
                        refuse(ctx, held.getValue());
                    } else {
                        write(ctx, who, decision(held.getKey(), req, who));
                    }
                })
                .onFailure(ctx::fail);
    }

    private Decision decision(FlagView v, DecisionRequest req, Principal who) {
        return Decision.builder(UUID.randomUUID().toString(), req.action())
                .flag(v.flag())
                .platform(v.platform())
                .note(req.note())
                .durationSeconds(req.durationSeconds())
                .moderator(who.sub())
                .decidedAt(clock.millis())
                .build();
    }

    private void write(RoutingContext ctx, Principal who, Decision d) {
        writer.send(Topics.DECISIONS, d.key(), d).onComplete(ar -> {
            boolean written = ar.succeeded();
            blocking(() -> {
                        if (written) store.putDecision(d);
                        store.endDecision(d.flagId(), who.sub(), written, settings.claimTtl());
                        return null;
                    })
                    .onComplete(done -> {
                        if (!written) {
                            metrics.counter("livemod_review_errors_total", "reason", "kafka_unavailable")
                                    .increment();
                            LOG.warn(
                                    "decision on {} not written: {}",
                                    d.flagId(),
                                    ar.cause().toString());
                            Errors.retryLater(
                                    ctx,
                                    503,
                                    "unavailable",
                                    "the decision could not be stored now; the claim is still yours",
                                    5);
                            return;
                        }
                        metrics.counter(
                                        "livemod_decisions_total",
                                        "platform",
                                        d.platform(),
                                        "action",
                                        d.action().wire())
                                .increment();
                        // No announcement: every gateway's projection publishes the decision from Kafka.
                        webhooks.deliver(d.platform(), WEBHOOK_TYPE, payload(d)).onFailure(e -> metrics.counter(
                                        "livemod_review_errors_total", "reason", "webhook_queue")
                                .increment());
                        audited(
                                        who,
                                        "flag.decided",
                                        d.flagId(),
                                        new JsonObject()
                                                .put("flagId", d.flagId())
                                                .put("decisionId", d.decisionId())
                                                .put("action", d.action().wire())
                                                .put("streamId", d.streamId()))
                                .onComplete(x -> Responses.json(ctx, 201, payload(d)));
                    });
        });
    }

    /**
     * The audit entry of a claim, release or decision, written before the answer. The change itself
     * has happened (a decision is on its topic): a failed audit write is counted and logged, and
     * does not turn the answer into an error the moderator would retry.
     */
    private Future<Void> audited(Principal who, String action, String flagId, JsonObject detail) {
        return audit.record(who, action, "flag/" + who.platform() + "/" + flagId, detail.encode())
                .<Void>mapEmpty()
                .recover(e -> {
                    metrics.counter("livemod_review_errors_total", "reason", "audit")
                            .increment();
                    LOG.warn("audit of {} on {} not written: {}", action, flagId, e.toString());
                    return Future.succeededFuture();
                });
    }

    /** The decision as the API answers it and as the platform's webhook receives it. */
    static JsonObject payload(Decision d) {
        return new JsonObject(Json.string(d));
    }

    private void refuse(RoutingContext ctx, FlagStore.ClaimResult r) {
        switch (r.outcome()) {
            case DECIDED -> Errors.send(ctx, 409, "already_decided", "this flag has been decided");
            case DECIDING -> Errors.send(ctx, 409, "decision_in_progress", "a decision on this flag is being stored");
            default ->
                Errors.send(
                        ctx,
                        409,
                        "claimed",
                        "claimed by " + r.claim().moderator() + " until "
                                + r.claim().expiresAt());
        }
    }

    private void announce(String platform, String flagId) {
        blocking(() -> {
                    signals.announce(platform, flagId);
                    return null;
                })
                .onFailure(e -> metrics.counter("livemod_review_errors_total", "reason", "claim_signals")
                        .increment());
    }

    private <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
