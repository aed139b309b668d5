package io.livemod.gateway.ministry;

import static io.livemod.gateway.ministry.Samples.alert;
import static io.livemod.gateway.ministry.Samples.decision;
import static io.livemod.gateway.ministry.Samples.flag;
import static io.livemod.gateway.ministry.Samples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.RedisServer;
import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ministry and admin projections are rebuilt from Kafka at start: after a restart a gateway
 * serves the same content, in memory, on a fresh Redis, and on the Redis it used before.
 */
class RebuildTest {

    /** What one scenario left behind, and how to read it back as a whole. */
    record Scenario(
            String platform, String officerSub, List<String> alertIds, List<String> takedownIds, String reportQuery) {
        Map<String, Object> snapshot(TestStack.Running gw) {
            String officer = gw.token(Principal.Role.OFFICER, "reader");
            String admin = gw.token(Principal.Role.ADMIN, "reader");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("list", body(gw.get("/v1/alerts?limit=200&platform=" + platform, officer)));
            for (String a : alertIds) s.put(a, body(gw.get("/v1/alerts/" + a, officer)));
            for (String t : takedownIds) s.put(t, body(gw.get("/v1/takedowns/" + t, officer)));
            s.put("audit", body(gw.get("/v1/audit?limit=200&actor=" + officerSub, admin)));
            JsonObject report = body(gw.get(reportQuery, officer));
            s.put("report.flags", report.getJsonObject("flagsByPlatform").getValue(platform));
            s.put(
                    "report.decisions",
                    report.getJsonObject("decisionsByPlatform").getValue(platform));
            s.put("report.median", report.getValue("medianSecondsToDecision"));
            return s;
        }
    }

    static JsonObject body(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** Alerts in every officer status, a pseudonym and a revealed user, a re-escalation, takedowns done and overdue, flags and decisions. */
    static Scenario play(TestStack.Running gw) {
        String platform = id("rb");
        String sub = id("officer");
        String officer = gw.token(Principal.Role.OFFICER, sub);
        long now = gw.clock().millis();
        List<String> alerts = new ArrayList<>();
        Alert open = alert(id("open"), platform, "critical", now, "u-1", "u-2");
        Alert acked = alert(id("acked"), platform, "high", now, "u-3");
        Alert resolved = alert(id("resolved"), platform, "medium", now, "u-4");
        for (Alert a : List.of(open, acked, resolved)) {
            TestStack.publish(Topics.ALERTS, a.alertId(), a);
            alerts.add(a.alertId());
        }
        // The incident grows: the last record wins, openedAt stays the first detection.
        Alert grown = alert(open.alertId(), platform, "critical", now + 5_000, "u-1", "u-2", "u-5");
        TestStack.publish(Topics.ALERTS, grown.alertId(), grown);
        TestStack.publish(Topics.DECISIONS, "k", decision("x", platform, "u-2", Decision.Action.ESCALATE, now));
        Flag f1 = flag(id("f"), platform, "u-1", "gambling_ads", now - 120_000);
        Flag f2 = flag(id("f"), platform, "u-2", "profanity", now - 60_000);
        TestStack.publish(Topics.FLAGS, f1.flagId(), f1);
        TestStack.publish(Topics.FLAGS, f2.flagId(), f2);
        TestStack.publish(Topics.DECISIONS, "k", decision(f1.flagId(), platform, "u-1", Decision.Action.REMOVE, now));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> gw.get("/v1/alerts/" + resolved.alertId(), officer).statusCode() == 200
                        && new JsonObject(gw.get("/v1/alerts/" + open.alertId(), officer)
                                                .body())
                                        .getLong("lastSeen")
                                == grown.lastSeen());

        assertThat(gw.post("/v1/alerts/" + acked.alertId() + "/ack", officer, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(gw.post("/v1/alerts/" + acked.alertId() + "/assign", officer, "{\"to\":\"officer-9\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(gw.post("/v1/alerts/" + resolved.alertId() + "/resolve", officer, "{\"note\":\"xong\"}")
                        .statusCode())
                .isEqualTo(200);

        List<String> takedowns = new ArrayList<>();
        for (String stream : List.of("live-done", "live-late")) {
            HttpResponse<String> r = gw.post(
                    "/v1/takedowns",
                    officer,
                    new JsonObject()
                            .put("platform", Platforms.DEMO_GAPO)
                            .put("streamId", stream)
                            .put("reason", "r")
                            .put("legalBasis", "Nghị định 147/2024")
                            .encode());
            assertThat(r.statusCode()).isEqualTo(201);
            takedowns.add(new JsonObject(r.body()).getString("takedownId"));
        }
        assertThat(gw.signed("POST", "/v1/takedowns/" + takedowns.get(0) + "/done", Platforms.DEMO_GAPO, null)
                        .statusCode())
                .isEqualTo(200);
        gw.clock().advance(Duration.ofHours(25));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> new JsonObject(gw.get("/v1/takedowns/" + takedowns.get(1), officer)
                                                .body())
                                        .getLong("overdueMarkedAt")
                                != null
                        && new JsonObject(gw.get("/v1/alerts/" + open.alertId(), officer)
                                                .body())
                                        .getInteger("reescalations")
                                == 1);
        String day = Instant.ofEpochMilli(now).toString().substring(0, 10);
        return new Scenario(
                platform,
                sub,
                alerts,
                takedowns,
                "/v1/reports/summary?from=" + Instant.ofEpochMilli(now - 3_600_000) + "&to="
                        + Instant.ofEpochMilli(now + 3_600_000) + "&day=" + day);
    }

    static void checkContent(Map<String, Object> s, Scenario sc) {
        JsonObject open = (JsonObject) s.get(sc.alertIds().get(0));
        assertThat(open.getJsonArray("userIds").stream().toList())
                .hasSize(3)
                .contains("u-2")
                .doesNotContain("u-1", "u-5");
        assertThat(open.getInteger("reescalations")).isEqualTo(1);
        assertThat(((JsonObject) s.get(sc.alertIds().get(1))).getString("assignee"))
                .isEqualTo("officer-9");
        assertThat(((JsonObject) s.get(sc.alertIds().get(2))).getString("status"))
                .isEqualTo("resolved");
        assertThat(((JsonObject) s.get(sc.takedownIds().get(0))).getString("status"))
                .isEqualTo("done");
        assertThat(((JsonObject) s.get(sc.takedownIds().get(1))).getString("status"))
                .isEqualTo("overdue");
        assertThat(((JsonObject) s.get("audit")).getJsonArray("items")).hasSize(5);
        assertThat(s.get("report.median")).isEqualTo(120.0);
    }

    static Map<String, Object> awaitAudit(TestStack.Running gw, Scenario sc) {
        // The audit projection may trail the last answer by a moment: wait for all five entries.
        String admin = gw.token(Principal.Role.ADMIN, "reader");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> body(gw.get("/v1/audit?limit=200&actor=" + sc.officerSub(), admin))
                                .getJsonArray("items")
                                .size()
                        == 5);
        return sc.snapshot(gw);
    }

    @Test
    void inMemoryAGatewayRestartsWithTheSameContent() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        Scenario sc;
        Map<String, Object> before;
        try (TestStack.Running gw = TestStack.gateway(clock, null, Duration.ofMinutes(10))) {
            sc = play(gw);
            before = awaitAudit(gw, sc);
        }
        checkContent(before, sc);
        try (TestStack.Running again = TestStack.gateway(clock, null, Duration.ofMinutes(10))) {
            assertThat(sc.snapshot(again)).isEqualTo(before);
        }
    }

    @Test
    void onRedisAGatewayRestartsWithTheSameContentOnAFreshOrTheSameRedis() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T11:00:00Z"));
        try (RedisServer redis = RedisServer.start();
                RedisServer fresh = RedisServer.start()) {
            Scenario sc;
            Map<String, Object> before;
            try (TestStack.Running gw = TestStack.gateway(clock, redis.uri(), Duration.ofMinutes(10))) {
                sc = play(gw);
                before = awaitAudit(gw, sc);
            }
            checkContent(before, sc);
            try (TestStack.Running rebuilt = TestStack.gateway(clock, fresh.uri(), Duration.ofMinutes(10))) {
                assertThat(sc.snapshot(rebuilt))
                        .as("rebuilt from Kafka into an empty Redis")
                        .isEqualTo(before);
            }
            try (TestStack.Running same = TestStack.gateway(clock, redis.uri(), Duration.ofMinutes(10));
                    TestStack.Running second = TestStack.gateway(clock, redis.uri(), Duration.ofMinutes(10))) {
                assertThat(sc.snapshot(same)).as("replayed over its own Redis").isEqualTo(before);
                assertThat(sc.snapshot(second))
                        .as("a second gateway on the same Redis")
                        .isEqualTo(before);
            }
        }
    }
}
