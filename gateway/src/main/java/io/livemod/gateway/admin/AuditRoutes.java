package io.livemod.gateway.admin;

import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/audit?actor=&action=&target=&from=&to=&limit=&cursor=}: who changed what and
 * when, newest first; admins only. {@code action} and {@code target} match as prefixes, so
 * {@code action=rules.} or {@code target=takedown/} select a kind of change.
 */
public final class AuditRoutes {
    private final AuditTrail trail;

    AuditRoutes(AuditTrail trail) {
        this.trail = trail;
    }

    public void list(RoutingContext ctx) {
        int limit = Requests.limit(ctx);
        if (limit < 0) return;
        Long from = time(ctx, "from", 0L);
        if (from == null) return;
        Long to = time(ctx, "to", Long.MAX_VALUE);
        if (to == null) return;
        String actor = ctx.request().getParam("actor");
        String action = ctx.request().getParam("action");
        String target = ctx.request().getParam("target");
        String cursor = ctx.request().getParam("cursor");
        ctx.vertx()
                .executeBlocking(
                        () -> {
                            var page = Paging.page(
                                    trail.between(from, to).stream()
                                            .filter(l -> actor == null
                                                    || actor.equals(l.entry().actor()))
                                            .filter(l -> action == null
                                                    || l.entry().action().startsWith(action))
                                            .filter(l -> target == null
                                                    || (l.entry().target() != null
                                                            && l.entry()
                                                                    .target()
                                                                    .startsWith(target)))
                                            .toList(),
                                    AuditRoutes::sortKey,
                                    cursor,
                                    limit);
                            return new Paging.Page<>(
                                    page.items().stream()
                                            .map(AuditTrail.Logged::entry)
                                            .toList(),
                                    page.next());
                        },
                        false)
                .onComplete(ar -> Responses.page(ctx, ar));
    }

    static String sortKey(AuditTrail.Logged l) {
        return Paging.desc(l.entry().at()) + ":" + Paging.desc(l.seq());
    }

    private static Long time(RoutingContext ctx, String param, long dflt) {
        String v = ctx.request().getParam(param);
        if (v == null || v.isBlank()) return dflt;
        try {
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            Errors.send(ctx, 400, "invalid_parameter", param + " must be an RFC 3339 time", param);
            return null;
        }
    }
}
