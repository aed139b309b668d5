package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.quota.Quota;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's platform routes (admin role): list, create or update (name, webhook URL, quota,
 * legacy v1 signatures), and rotate its secrets. A platform has two: the HMAC secret that signs its
 * requests ({@code lmps_...}) and the Standard Webhooks secret that signs what it receives
 * ({@code whsec_...}). A new secret is shown once, in the answer that created it, and never logged
 * nor audited; the previous secret keeps verifying for the grace period so the platform can
 * switch over without dropping a request. Every change is audited before it is answered.
 */
public final class PlatformRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformRoutes.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PlatformStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration defaultGrace;
    private final Quota defaultQuota;

    public PlatformRoutes(PlatformStore store, AuditLog audit, Clock clock, Duration defaultGrace, Quota defaultQuota) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.defaultGrace = defaultGrace;
        this.defaultQuota = defaultQuota;
    }

    public void noStore(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    public void list(RoutingContext ctx) {
        JsonArray items = new JsonArray();
        store.platforms().all().forEach(p -> items.add(view(p)));
        Responses.json(ctx, 200, new JsonObject().put("items", items));
    }

    public void createOrUpdate(RoutingContext ctx) {
        PlatformRequest req;
        try {
            req = PlatformRequest.parse(ctx.body().buffer(), store.platforms().devMode());
        } catch (PlatformRequest.Invalid e) {
            Errors.send(ctx, 400, e.code, e.getMessage(), e.field);
            return;
        }
        long now = clock.millis();
        Platform existing = store.platforms().get(req.id()).orElse(null);
        String secret = existing == null ? newSecret() : null;
        // A platform from before webhook secrets existed gets its first one at its next save.
        String webhookSecret = existing == null || existing.webhookKeys().isEmpty() ? WebhookSecrets.generate() : null;
        Platform p = existing == null
                ? new Platform(
                        req.id(),
                        req.name() == null ? req.id() : req.name(),
                        List.of(new PlatformRecord.Secret(secret, null)),
                        req.webhookUrl(),
                        req.quota(),
                        now,
                        now,
                        List.of(new PlatformRecord.Secret(webhookSecret, null)),
                        Boolean.TRUE.equals(req.legacySignatures()))
                : new Platform(
                        existing.id(),
                        req.name() == null ? existing.name() : req.name(),
                        existing.keys(),
                        req.webhookUrl() == null ? existing.webhookUrl() : req.webhookUrl(),
                        req.quota() == null ? existing.quota() : req.quota(),
                        existing.createdAt(),
                        Math.max(now, existing.updatedAt() + 1),
                        webhookSecret == null
                                ? existing.webhookKeys()
                                : List.of(new PlatformRecord.Secret(webhookSecret, null)),
                        req.legacySignatures() == null ? existing.legacySignatures() : req.legacySignatures());
        String action = existing == null ? "platform.created" : "platform.updated";
        JsonObject detail = view(p);
        change(ctx, p, action, detail).onSuccess(saved -> {
            JsonObject body = view(saved);
            if (secret != null) body.put("secret", secret);
            if (webhookSecret != null) body.put("webhookSecret", webhookSecret);
            Responses.json(ctx, existing == null ? 201 : 200, body);
        });
    }

    public void rotate(RoutingContext ctx) {
        Platform existing = store.platforms().get(ctx.pathParam("id")).orElse(null);
        if (existing == null) {
            Errors.send(ctx, 404, "not_found", "no platform " + ctx.pathParam("id"));
            return;
        }
        Duration grace;
        try {
            grace = PlatformRequest.grace(ctx.body().buffer(), defaultGrace);
        } catch (PlatformRequest.Invalid e) {
            Errors.send(ctx, 400, e.code, e.getMessage(), e.field);
            return;
        }
        long now = clock.millis();
        long until = now + grace.toMillis();
        String secret = newSecret();
        String webhookSecret = WebhookSecrets.generate();
        Platform p = new Platform(
                existing.id(),
                existing.name(),
                rotated(existing.keys(), secret, now, until),
                existing.webhookUrl(),
                existing.quota(),
                existing.createdAt(),
                Math.max(now, existing.updatedAt() + 1),
                rotated(existing.webhookKeys(), webhookSecret, now, until),
                existing.legacySignatures());
        JsonObject detail = new JsonObject()
                .put("secret", "rotated")
                .put("webhookSecret", "rotated")
                .put("previousValidUntil", until);
        change(ctx, p, "platform.secret_rotated", detail)
                .onSuccess(saved -> Responses.json(
                        ctx,
                        200,
                        new JsonObject()
                                .put("platform", saved.id())
                                .put("secret", secret)
                                .put("webhookSecret", webhookSecret)
                                .put("previousValidUntil", until)));
    }

    /** The new secret first; the current one enters its grace period, older ones keep theirs (or end sooner), expired ones go. */
    private static List<PlatformRecord.Secret> rotated(
            List<PlatformRecord.Secret> keys, String fresh, long now, long until) {
        List<PlatformRecord.Secret> out = new ArrayList<>();
        out.add(new PlatformRecord.Secret(fresh, null));
        for (PlatformRecord.Secret k : keys) {
            long end = k.validUntil() == null ? until : Math.min(k.validUntil(), until);
            if (end > now) out.add(new PlatformRecord.Secret(k.value(), end));
        }
        return out;
    }

    /** Writes the platform, then the audit entry; answers 503 itself when either fails. */
    private Future<Platform> change(RoutingContext ctx, Platform p, String action, JsonObject detail) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        return store.save(p)
                .compose(saved -> audit.record(who, action, "platform/" + p.id(), detail.encode())
                        .map(a -> saved))
                .onFailure(e -> {
                    LOG.warn("{} of {} failed: {}", action, p.id(), e.toString());
                    Errors.retryLater(
                            ctx,
                            503,
                            "kafka_unavailable",
                            "Kafka cannot take writes now; the change may not be recorded, retry",
                            1);
                });
    }

    /** A platform as the API shows it: never a secret's value, only how many verify and until when. */
    private JsonObject view(Platform p) {
        Quota q = p.quota() == null ? defaultQuota : p.quota();
        JsonArray secrets = new JsonArray();
        for (PlatformRecord.Secret k : p.keys())
            secrets.add(new JsonObject().put("current", k.validUntil() == null).put("validUntil", k.validUntil()));
        return new JsonObject()
                .put("id", p.id())
                .put("name", p.name())
                .put("webhookUrl", p.webhookUrl())
                .put(
                        "quota",
                        new JsonObject()
                                .put("eventsPerSecond", q.eventsPerSecond())
                                .put("burst", q.burst())
                                .put("default", p.quota() == null))
                .put("secrets", secrets)
                .put("webhookSecrets", p.webhookKeys().size())
                .put("legacySignatures", p.legacySignatures())
                .put("createdAt", p.createdAt())
                .put("updatedAt", p.updatedAt());
    }

    /** 32 random bytes: HMAC-SHA256's full strength. */
    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "lmps_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
