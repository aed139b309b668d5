package io.livemod.gateway.admin;

import io.livemod.event.RuleSetRecord;
import io.livemod.event.Topics;
import io.livemod.gateway.audit.Changes;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Requests;
import io.livemod.gateway.http.Responses;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule sets for admins: read the active one, validate and publish a new version, dry-run one on
 * sample comments, roll back to an earlier version. Publishing goes through the compacted rules
 * topic the moderation app follows (the gateway's one writer, acks=all). Every publication is
 * audited. A version is immutable: the same version with other content is refused (409), so the
 * rule file a flag was produced with stays readable.
 */
public final class RulesRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(RulesRoutes.class);
    static final int MAX_TEST_COMMENTS = 1000;
    private final RulesBook book;
    private final Changes changes;

    RulesRoutes(RulesBook book, Changes changes) {
        this.changes = changes;
        this.book = book;
    }

    public void getRules(RoutingContext ctx) {
        JsonArray versions = new JsonArray();
        book.all()
                .forEach(r -> versions.add(new JsonObject()
                        .put("version", r.version())
                        .put("publishedAt", r.publishedAt())
                        .put("publishedBy", r.publishedBy())));
        JsonObject body = book.active()
                .map(r -> new JsonObject()
                        .put("version", r.version())
                        .put("source", r.source())
                        .put("publishedAt", r.publishedAt())
                        .put("publishedBy", r.publishedBy())
                        .put("builtIn", false))
                // Nothing published yet: moderation runs the built-in pack.
                .orElseGet(() -> new JsonObject()
                        .put("version", RuleSetLoader.defaults().version())
                        .put("builtIn", true));
        Responses.json(ctx, 200, body.put("versions", versions));
    }

    /**
     * The body is the rule file itself (YAML or JSON), as `livemod rules check` reads it, or
     * {@code {"source": "<rule file>"}} (what the console sends).
     */
    public void putRules(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        String source = wrappedSource(ctx.body() == null ? null : ctx.body().asString());
        if (source == null || source.isBlank()) {
            Errors.send(ctx, 400, "invalid_rules", "the body must be the rule-set file (YAML or JSON)", "$");
            return;
        }
        parsed(ctx, source).onSuccess(rules -> {
            if (rules != null) publishNew(ctx, who, source, rules);
        });
    }

    private void publishNew(RoutingContext ctx, Principal who, String source, RuleSet rules) {
        var existing = book.version(rules.version());
        if (existing.isPresent() && !existing.get().source().equals(source)) {
            Errors.send(
                    ctx,
                    409,
                    "version_exists",
                    "version " + rules.version() + " was published with other content; choose a new version",
                    "version");
            return;
        }
        if (existing.isPresent()
                && book.active().map(a -> a.version().equals(rules.version())).orElse(false)) {
            Responses.json(ctx, 200, summary(existing.get()).put("unchanged", true));
            return;
        }
        publish(
                ctx,
                who,
                new RuleSetRecord(rules.version(), source, changes.clock().millis(), who.sub()),
                "rules.published",
                201);
    }

    public void rollback(RoutingContext ctx) {
        Principal who = ctx.get(Auth.PRINCIPAL);
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String version = Requests.text(ctx, body, "version", true, 200);
        if (Requests.invalid(version)) return;
        var target = book.version(version);
        if (target.isEmpty()) {
            Errors.send(ctx, 404, "not_found", "no rule-set version " + version + " was ever published", "version");
            return;
        }
        publish(
                ctx,
                who,
                new RuleSetRecord(
                        version, target.get().source(), changes.clock().millis(), who.sub()),
                "rules.rolled_back",
                200);
    }

    private void publish(RoutingContext ctx, Principal who, RuleSetRecord rec, String action, int status) {
        String previous = book.active().map(RuleSetRecord::version).orElse(null);
        Context c = ctx.vertx().getOrCreateContext();
        var shown = changes.applied().await(c, RulesBook.key(rec));
        changes.writer()
                .send(Topics.RULES, rec.version(), rec)
                .compose(v -> changes.audit()
                        .record(
                                who,
                                action,
                                "rules/" + rec.version(),
                                new JsonObject()
                                        .put("version", rec.version())
                                        .put("previous", previous)
                                        .put("bytes", rec.source().length())
                                        .encode()))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        changes.applied().forget(RulesBook.key(rec));
                        LOG.warn(
                                "rule set {} not published: {}",
                                rec.version(),
                                ar.cause().toString());
                        changes.metrics()
                                .counter("livemod_rules_publish_failures")
                                .increment();
                        Errors.retryLater(
                                ctx,
                                503,
                                "kafka_unavailable",
                                "Kafka cannot take writes now; the rule set was not published",
                                1);
                        return;
                    }
                    changes.metrics()
                            .counter("livemod_rules_published", "action", action)
                            .increment();
                    shown.onComplete(
                            x -> Responses.json(ctx, status, summary(rec).put("previous", previous)));
                });
    }

    /**
     * Dry run: {@code {"source"?: "<rule file>", "comments": ["text" | {"id","text","platform"?,"streamId"?}]}}.
     * Without rules the active set is used; without comments it only validates.
     */
    public void testRules(RoutingContext ctx) {
        JsonObject body = Requests.object(ctx);
        if (body == null) return;
        String key = body.containsKey("source") ? "source" : "rules"; // "rules" is accepted as an alias
        Object rulesField = body.getValue(key);
        if (rulesField != null && !(rulesField instanceof String)) {
            Errors.send(ctx, 400, "invalid_field", key + " must be the rule-set file as a string", "$." + key);
            return;
        }
        String source = rulesField != null
                ? (String) rulesField
                : book.active().map(RuleSetRecord::source).orElse(null);
        Object c = body.getValue("comments", new JsonArray());
        if (!(c instanceof JsonArray comments) || comments.size() > MAX_TEST_COMMENTS) {
            Errors.send(
                    ctx,
                    400,
                    "invalid_field",
                    "comments must be an array of at most " + MAX_TEST_COMMENTS + " texts or {id,text}",
                    "$.comments");
            return;
        }
        for (int i = 0; i < comments.size(); i++) {
            Object item = comments.getValue(i);
            boolean ok =
                    item instanceof String || (item instanceof JsonObject o && o.getValue("text") instanceof String);
            if (!ok) {
                Errors.send(
                        ctx,
                        400,
                        "invalid_field",
                        "each comment is a text or an object with a text",
                        "$.comments[" + i + "]");
                return;
            }
        }
        (source == null ? Future.succeededFuture(RuleSetLoader.defaults()) : parsed(ctx, source)).onSuccess(rules -> {
            if (rules == null) return;
            ctx.vertx()
                    .executeBlocking(() -> RuleDryRun.run(CompiledRuleSet.compile(rules), comments), false)
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            Errors.send(
                                    ctx,
                                    400,
                                    "invalid_rules",
                                    "the rule set does not compile: "
                                            + ar.cause().getMessage(),
                                    "$.source");
                        } else {
                            Responses.json(ctx, 200, ar.result());
                        }
                    });
        });
    }

    /** A JSON object whose only text field is "source" wraps the file; anything else is the file itself. */
    static String wrappedSource(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) return body;
        try {
            JsonObject o = new JsonObject(body);
            if (o.getValue("source") instanceof String s && !o.containsKey("version") && !o.containsKey("rules"))
                return s;
        } catch (RuntimeException notJson) {
            // A YAML flow mapping or a broken file: the parser names the problem.
        }
        return body;
    }

    /**
     * The parsed and compiled rule set, or null after answering 400 with the line and field. Parsing
     * and compiling a large set (thousands of terms, regex safety checks) take long: on a worker,
     * never on the event loop.
     */
    static Future<RuleSet> parsed(RoutingContext ctx, String source) {
        return ctx.vertx()
                .executeBlocking(
                        () -> {
                            RuleSet rules = RuleSetLoader.parse("rules", source);
                            CompiledRuleSet.compile(
                                    rules); // a set that parses but does not compile (a bad pattern) is refused too
                            return rules;
                        },
                        false)
                .transform(ar -> {
                    if (ar.succeeded()) return Future.succeededFuture(ar.result());
                    if (ar.cause() instanceof RuleSetException e) {
                        JsonObject err =
                                Errors.body("invalid_rules", e.getMessage(), e.field() == null ? "$" : e.field());
                        if (e.line() > 0) err.put("line", e.line());
                        Responses.json(ctx, 400, err);
                    } else {
                        Errors.send(
                                ctx,
                                400,
                                "invalid_rules",
                                "the rule set does not compile: " + ar.cause().getMessage(),
                                "$");
                    }
                    return Future.succeededFuture(null);
                });
    }

    private static JsonObject summary(RuleSetRecord r) {
        return new JsonObject()
                .put("version", r.version())
                .put("publishedAt", r.publishedAt())
                .put("publishedBy", r.publishedBy());
    }
}
