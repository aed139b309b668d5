package io.livemod.gateway.claims;

import io.livemod.event.ClaimRecord;
import io.livemod.event.Topics;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The false-claim registry's routes. Officers (and admins) register a claim and list or search the
 * registry; only admins import a fact-checking centre's batch, and the admin's call is the
 * approval ({@code approvedBy}). Claims go to the compacted claims topic, which every moderation
 * instance matches against and this gateway's {@link ClaimBook} follows; a 2xx answers once the
 * book has the write (read-your-writes). Every registration and import is audited.
 */
public final class ClaimRoutes {
    static final int MAX_LIST = 500;
    static final int MAX_IMPORT = 10_000;
    private final ClaimBook book;
    private final Changes changes;

    ClaimRoutes(ClaimBook book, Changes changes) {
        this.changes = changes;
        this.book = book;
    }

    public void list(RoutingContext ctx) {
        int limit = Requests.limit(ctx, 100, MAX_LIST);
        if (limit < 0) return;
        String q = ctx.request().getParam("q");
        if (q != null && q.length() > 200) {
            Errors.send(ctx, 400, "invalid_parameter", "q is longer than 200 characters", "q");
            return;
        }
        int n = limit;
        ctx.vertx().executeBlocking(() -> book.search(q, n), false).onComplete(ar -> {
            if (ar.failed()) ctx.fail(ar.cause());
            else Responses.json(ctx, 200, Map.of("items", ar.result(), "total", book.size()));
        });
    }

    public void create(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        ClaimInput in;
        try {
            in = ClaimInput.parse(body, "$", null, false);
        } catch (ClaimInput.Invalid e) {
            Errors.send(ctx, 400, "invalid_field", e.getMessage(), e.field);
            return;
        }
        String id = "c-" + UUID.randomUUID().toString().substring(0, 13);
        ClaimRecord rec = in.record(
                id,
                1,
                ClaimRecord.Origin.OFFICER,
                who.sub(),
                null,
                changes.clock().millis());
        write(ctx, List.of(rec))
                .compose(v -> changes.audit()
                        .record(
                                who,
                                "claims.created",
                                "claims/" + id,
                                new JsonObject()
                                        .put("source", rec.source())
                                        .put("category", rec.category())
                                        .put("severity", rec.severity().wire())
                                        .encode()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        unavailable(ctx);
                    } else {
                        changes.metrics()
                                .counter("livemod_claims_registered", "origin", "officer")
                                .increment();
                        Responses.json(ctx, 201, Map.of("id", id, "version", 1));
                    }
                });
    }

    /**
     * A fact-checking centre's batch: {@code {"source": ..., "claims": [...]}}, or NDJSON (one claim
     * per line, each with its source) with {@code Content-Type: application/x-ndjson}. Every item
     * needs the centre's {@code externalId}: a re-import of the same id is a new version of the same
     * claim, or nothing when unchanged. All or nothing: the first bad item is named and nothing is written.
     */
    public void importBatch(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String type = ctx.request().getHeader("Content-Type");
        String text = ctx.body() == null ? "" : ctx.body().asString(StandardCharsets.UTF_8.name());
        // Up to 1 MB of JSON and a normalization per claim: parsed on a worker, not the event loop.
        ctx.vertx().executeBlocking(() -> parse(type, text), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result() instanceof ClaimInput.Invalid e) {
                Errors.send(
                        ctx, 400, e.field.equals("$") ? "malformed_body" : "invalid_field", e.getMessage(), e.field);
            } else {
                @SuppressWarnings("unchecked")
                List<ClaimInput> items = (List<ClaimInput>) ar.result();
                store(ctx, who, items);
            }
        });
    }

    /** The batch's claims, or the first refusal. */
    private static Object parse(String type, String text) {
        List<ClaimInput> items = new ArrayList<>();
        try {
            if (type != null && type.startsWith("application/x-ndjson")) ndjson(text, items);
            else batch(text, items);
        } catch (ClaimInput.Invalid e) {
            return e;
        }
        if (items.isEmpty() || items.size() > MAX_IMPORT) {
            return new ClaimInput.Invalid("$.claims", "an import carries 1.." + MAX_IMPORT + " claims");
        }
        return items;
    }

    private void store(RoutingContext ctx, Principal who, List<ClaimInput> items) {
        long now = changes.clock().millis();
        List<ClaimRecord> changed = new ArrayList<>();
        int created = 0, unchanged = 0;
        for (ClaimInput in : items) {
            String id = "fc-"
                    + UUID.nameUUIDFromBytes(
                                    (in.source() + "\u0000" + in.externalId()).getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .substring(0, 13);
            ClaimRecord old = book.get(id).orElse(null);
            if (old != null && in.sameAs(old)) {
                unchanged++;
                continue;
            }
            if (old == null) created++;
            changed.add(in.record(
                    id, old == null ? 1 : old.version() + 1, ClaimRecord.Origin.IMPORT, who.sub(), who.sub(), now));
        }
        int updated = changed.size() - created, fresh = created, same = unchanged;
        write(ctx, changed)
                .compose(v -> changes.audit()
                        .record(
                                who,
                                "claims.imported",
                                "claims",
                                new JsonObject()
                                        .put("created", fresh)
                                        .put("updated", updated)
                                        .put("unchanged", same)
                                        .encode()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        unavailable(ctx);
                    } else {
                        changes.metrics()
                                .counter("livemod_claims_registered", "origin", "import")
                                .increment(changed.size());
                        Responses.json(
                                ctx,
                                200,
                                Map.of(
                                        "created",
                                        fresh,
                                        "updated",
                                        updated,
                                        "unchanged",
                                        same,
                                        "ids",
                                        changed.stream().map(ClaimRecord::id).toList()));
                    }
                });
    }

    private static void batch(String text, List<ClaimInput> items) throws ClaimInput.Invalid {
        JsonObject o = decode(text, "$");
        Object source = o.getValue("source");
        if (!(source instanceof String s) || s.isBlank())
            throw new ClaimInput.Invalid("$.source", "source (the fact-checking centre) is required");
        if (!(o.getValue("claims") instanceof JsonArray claims))
            throw new ClaimInput.Invalid("$.claims", "claims must be an array of claims");
        for (int i = 0; i < claims.size() && i <= MAX_IMPORT; i++) {
            if (!(claims.getValue(i) instanceof JsonObject c))
                throw new ClaimInput.Invalid("$.claims[" + i + "]", "each claim must be an object");
            items.add(ClaimInput.parse(c, "$.claims[" + i + "]", s.trim(), true));
        }
    }

    private static void ndjson(String text, List<ClaimInput> items) throws ClaimInput.Invalid {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length && items.size() <= MAX_IMPORT; i++) {
            if (lines[i].isBlank()) continue;
            items.add(ClaimInput.parse(decode(lines[i], "$[" + i + "]"), "$[" + i + "]", null, true));
        }
    }

    private static JsonObject decode(String text, String at) throws ClaimInput.Invalid {
        try {
            if (io.vertx.core.json.Json.decodeValue(text) instanceof JsonObject o) return o;
        } catch (DecodeException e) {
            throw new ClaimInput.Invalid(at, "not valid JSON: " + e.getMessage());
        }
        throw new ClaimInput.Invalid(at, "must be a JSON object");
    }

    /** Writes the records and waits until the book has the last of them; nothing to write succeeds at once. */
    private Future<Void> write(RoutingContext ctx, List<ClaimRecord> records) {
        if (records.isEmpty()) return Future.succeededFuture();
        Context c = ctx.vertx().getOrCreateContext();
        String last = ClaimBook.key(records.get(records.size() - 1));
        Future<Void> shown = changes.applied().await(c, last);
        return changes.writer()
                .sendAll(
                        Topics.CLAIMS,
                        records.stream().map(r -> Map.entry(r.id(), r)).toList())
                .onFailure(e -> changes.applied().forget(last))
                .compose(v -> shown);
    }

    private void unavailable(RoutingContext ctx) {
        changes.metrics().counter("livemod_claims_write_failures").increment();
        Errors.retryLater(
                ctx, 503, "kafka_unavailable", "Kafka cannot take writes now; the claims were not registered", 1);
    }
}
