package io.livemod.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Comment;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.ministry.TestStack;
import io.livemod.gateway.testing.MutableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rule-set admin (read, validate, dry-run, publish, roll back) and the audit log, on a real broker. */
class AdminRoutesTest {
    static MutableClock clock;
    static TestStack.Running gw;
    static String admin;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        gw = TestStack.gateway(clock, null, Duration.ofMinutes(10));
        admin = gw.token(Principal.Role.ADMIN, "admin-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String rules(String version, String term) {
        return """
                version: "%s"
                rules:
                  - id: gambling-ads
                    kind: keyword
                    category: gambling_ads
                    severity: high
                    match: phrase
                    terms: ["%s"]
                """.formatted(version, term);
    }

    @Test
    void anInvalidRuleSetIsRefusedWithItsField() {
        HttpResponse<String> r = gw.send("PUT", "/v1/rules", admin, "rules:\n  - id: x\n    terms: [a]\n");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject err = new JsonObject(r.body());
        assertThat(err.getString("error")).isEqualTo("invalid_rules");
        assertThat(err.getString("field")).isEqualTo("version");
        HttpResponse<String> badCategory = gw.send(
                "PUT",
                "/v1/rules",
                admin,
                "version: \"v-bad\"\nrules:\n  - id: x\n    category: not-a-category\n    terms: [a]\n");
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badCategory.body()).getString("field")).startsWith("rules[0]");
        assertThat(gw.send("PUT", "/v1/rules", admin, "").statusCode()).isEqualTo(400);
        HttpResponse<String> test = gw.post(
                "/v1/rules/test",
                admin,
                new JsonObject().put("source", "version: [").encode());
        assertThat(test.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(test.body()).getString("error")).isEqualTo("invalid_rules");
    }

    @Test
    void aDryRunShowsWhatARuleSetWouldFlag() {
        JsonObject body = new JsonObject()
                .put("source", rules("dry-" + UUID.randomUUID(), "tài xỉu"))
                .put(
                        "comments",
                        new JsonArray()
                                .add("chơi TÀI XỈU không")
                                .add(new JsonObject().put("id", "c-2").put("text", "chào cả nhà")));
        HttpResponse<String> r = gw.post("/v1/rules/test", admin, body.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray results = new JsonObject(r.body()).getJsonArray("results");
        assertThat(results.getJsonObject(0).getBoolean("flagged")).isTrue();
        JsonObject m = results.getJsonObject(0).getJsonArray("matches").getJsonObject(0);
        assertThat(m.getString("rule")).isEqualTo("gambling-ads");
        assertThat(m.getString("category")).isEqualTo("gambling_ads");
        assertThat("chơi TÀI XỈU không".substring(m.getInteger("start"), m.getInteger("end")))
                .isEqualTo("TÀI XỈU");
        assertThat(results.getJsonObject(1).getString("id")).isEqualTo("c-2");
        assertThat(results.getJsonObject(1).getBoolean("flagged")).isFalse();
        HttpResponse<String> tooMany = gw.post(
                "/v1/rules/test",
                admin,
                new JsonObject().put("comments", new JsonArray().add(7)).encode());
        assertThat(new JsonObject(tooMany.body()).getString("field")).isEqualTo("$.comments[0]");
    }

    @Test
    void aBacktestComparesACandidateWithTheActiveVersionOnRetainedComments() {
        String live = "live-" + UUID.randomUUID(), platform = "bt-" + UUID.randomUUID();
        assertThat(gw.send("PUT", "/v1/rules", admin, rules(live, "nhà cái")).statusCode())
                .isEqualTo(201);
        Instant before = Instant.now().minusSeconds(5); // the comments topic is stamped by the wall clock
        String[] texts = {"vào nhà cái", "chơi tài xỉu không", "chào cả nhà", "TÀI XỈU uy tín"};
        for (int i = 0; i < 8; i++) {
            TestStack.publish(
                    Topics.COMMENTS,
                    platform + "/s1",
                    Comment.builder(platform, "c" + i)
                            .streamId("s1")
                            .userId("u" + i)
                            .text(texts[i % texts.length])
                            .receivedAt(clock.millis())
                            .build());
        }
        TestStack.publish(
                Topics.COMMENTS,
                "other/s1",
                Comment.builder("other", "x")
                        .streamId("s1")
                        .userId("u")
                        .text("tài xỉu")
                        .receivedAt(clock.millis())
                        .build());
        String candidate = rules("cand-" + UUID.randomUUID(), "tài xỉu");
        JsonObject body = new JsonObject()
                .put("source", candidate)
                .put("from", before.toString())
                .put("to", Instant.now().plusSeconds(5).toString())
                .put("platform", platform)
                .put("samples", 1);
        HttpResponse<String> r = gw.post("/v1/rules/backtest", admin, body.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject report = new JsonObject(r.body());
        assertThat(report.getJsonObject("live").getString("version")).isEqualTo(live);
        assertThat(report.getLong("comments")).isEqualTo(8);
        assertThat(report.getJsonObject("flagged").getLong("added")).isEqualTo(4);
        assertThat(report.getJsonObject("flagged").getLong("removed")).isEqualTo(2);
        JsonObject rule = report.getJsonArray("rules").getJsonObject(0);
        assertThat(rule.getString("rule")).isEqualTo("gambling-ads");
        assertThat(rule.getBoolean("changed")).isTrue();
        assertThat(rule.getLong("added")).isEqualTo(4);
        assertThat(rule.getLong("removed")).isEqualTo(2);
        JsonObject sample = rule.getJsonObject("samples").getJsonArray("added").getJsonObject(0);
        assertThat(sample.getString("platform")).isEqualTo(platform);
        assertThat(sample.getString("text")).containsIgnoringCase("tài xỉu");
        assertThat(rule.getJsonObject("samples")
                        .getJsonArray("removed")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("vào nhà cái");
    }

    @Test
    void aBacktestNamesTheFieldItCannotUse() {
        String good = rules("bt-" + UUID.randomUUID(), "x");
        record Bad(JsonObject body, String field) {}
        for (Bad b : java.util.List.of(
                new Bad(new JsonObject().put("from", "2026-12-01T00:00:00Z"), "$.source"),
                new Bad(new JsonObject().put("source", good), "$.from"),
                new Bad(new JsonObject().put("source", good).put("from", "yesterday"), "$.from"),
                new Bad(
                        new JsonObject()
                                .put("source", good)
                                .put("from", "2026-12-01T02:00:00Z")
                                .put("to", "2026-12-01T01:00:00Z"),
                        "$.from"),
                new Bad(
                        new JsonObject()
                                .put("source", good)
                                .put("from", "2026-12-01T00:00:00Z")
                                .put("to", "2026-12-01T01:00:00Z")
                                .put("samples", 99),
                        "$.samples"),
                new Bad(
                        new JsonObject()
                                .put("source", good)
                                .put("from", "2026-12-01T00:00:00Z")
                                .put("to", "2026-12-01T01:00:00Z")
                                .put("limit", 0),
                        "$.limit"))) {
            HttpResponse<String> r =
                    gw.post("/v1/rules/backtest", admin, b.body().encode());
            assertThat(r.statusCode()).as(b.body().encode()).isEqualTo(400);
            assertThat(new JsonObject(r.body()).getString("field"))
                    .as(b.body().encode())
                    .isEqualTo(b.field());
        }
        HttpResponse<String> badRules = gw.post(
                "/v1/rules/backtest",
                admin,
                new JsonObject()
                        .put("source", "version: [")
                        .put("from", "2026-11-01T00:00:00Z")
                        .encode());
        assertThat(new JsonObject(badRules.body()).getString("error")).isEqualTo("invalid_rules");
    }

    @Test
    void publishReadRollBackAndEveryChangeIsAudited() {
        String v1 = "v1-" + UUID.randomUUID();
        String v2 = "v2-" + UUID.randomUUID();
        HttpResponse<String> p1 = gw.send("PUT", "/v1/rules", admin, rules(v1, "nhà cái"));
        assertThat(p1.statusCode()).as(p1.body()).isEqualTo(201);
        assertThat(new JsonObject(p1.body()).getString("publishedBy")).isEqualTo("admin-1");
        assertThat(new JsonObject(gw.get("/v1/rules", admin).body()).getString("version"))
                .as("read-your-writes")
                .isEqualTo(v1);

        clock.advance(Duration.ofSeconds(1));
        // The console sends the file wrapped: {"source": "..."}.
        assertThat(gw.send(
                                "PUT",
                                "/v1/rules",
                                admin,
                                new JsonObject()
                                        .put("source", rules(v2, "cá độ"))
                                        .encode())
                        .statusCode())
                .isEqualTo(201);
        JsonObject current = new JsonObject(gw.get("/v1/rules", admin).body());
        assertThat(current.getString("version")).isEqualTo(v2);
        assertThat(current.getString("source")).contains("cá độ");
        assertThat(current.getJsonArray("versions").stream().map(o -> ((JsonObject) o).getString("version")))
                .contains(v1, v2);

        HttpResponse<String> conflict = gw.send("PUT", "/v1/rules", admin, rules(v1, "something else"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(conflict.body()).getString("field")).isEqualTo("version");
        assertThat(new JsonObject(gw.send("PUT", "/v1/rules", admin, rules(v2, "cá độ"))
                                .body())
                        .getBoolean("unchanged"))
                .isTrue();

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> back = gw.post(
                "/v1/rules/rollback", admin, new JsonObject().put("version", v1).encode());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(new JsonObject(back.body()).getString("previous")).isEqualTo(v2);
        assertThat(new JsonObject(gw.get("/v1/rules", admin).body()).getString("version"))
                .isEqualTo(v1);
        HttpResponse<String> unknown = gw.post("/v1/rules/rollback", admin, "{\"version\":\"never-published\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("field")).isEqualTo("version");
        assertThat(new JsonObject(gw.post("/v1/rules/rollback", admin, "{}").body()).getString("field"))
                .isEqualTo("$.version");

        JsonArray audit = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> new JsonObject(gw.get("/v1/audit?action=rules.&limit=200", admin)
                                        .body())
                                .getJsonArray("items"),
                        items -> items.stream()
                                .anyMatch(o -> ((JsonObject) o)
                                                .getString("target")
                                                .equals("rules/" + v1)
                                        && ((JsonObject) o).getString("action").equals("rules.rolled_back")));
        JsonObject rolledBack = audit.getJsonObject(0);
        assertThat(rolledBack.getString("action")).isEqualTo("rules.rolled_back");
        assertThat(rolledBack.getString("actor")).isEqualTo("admin-1");
        assertThat(rolledBack.getString("role")).isEqualTo("admin");
        assertThat(rolledBack.getLong("at")).isEqualTo(clock.millis());
        assertThat(new JsonObject(rolledBack.getString("detail")).getString("previous"))
                .isEqualTo(v2);
        assertThat(audit.stream()
                        .filter(o -> ((JsonObject) o).getString("target").startsWith("rules/v"))
                        .map(o -> ((JsonObject) o).getString("action")))
                .containsSubsequence("rules.rolled_back", "rules.published", "rules.published");
    }

    @Test
    void theAuditLogFiltersAndPages() {
        String actor = "admin-" + UUID.randomUUID();
        String token = gw.token(Principal.Role.ADMIN, actor);
        for (int i = 0; i < 3; i++) {
            assertThat(gw.send("PUT", "/v1/rules", token, rules("audit-" + UUID.randomUUID(), "x" + i))
                            .statusCode())
                    .isEqualTo(201);
        }
        JsonObject first = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> new JsonObject(gw.get("/v1/audit?limit=2&actor=" + actor, admin)
                                .body()),
                        o -> o.getString("next") != null);
        JsonObject second =
                new JsonObject(gw.get("/v1/audit?limit=2&actor=" + actor + "&cursor=" + first.getString("next"), admin)
                        .body());
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getString("next")).isNull();
        assertThat(new JsonObject(gw.get("/v1/audit?from=nope", admin).body()).getString("field"))
                .isEqualTo("from");
    }
}
