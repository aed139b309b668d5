package io.livemod.gateway.ministry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Takedown requests: filing, webhook, the platform's own view and answer, the 24-hour deadline. */
class TakedownRoutesTest {
    static MutableClock clock;
    static TestStack.Running gw;
    static String officer;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
        gw = TestStack.gateway(clock, null, Duration.ofMinutes(10));
        officer = gw.token(Principal.Role.OFFICER, "officer-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static JsonObject request(String platform, String target) {
        HttpResponse<String> r = gw.post(
                "/v1/takedowns",
                officer,
                new JsonObject()
                        .put("platform", platform)
                        .put("streamId", target)
                        .put("reason", "Livestream quảng cáo cờ bạc")
                        .put("legalBasis", "Nghị định 147/2024/NĐ-CP, Điều 23")
                        .encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/v1/takedowns/td-"));
        return new JsonObject(r.body());
    }

    static boolean listed(HttpResponse<String> r, String id) {
        return new JsonObject(r.body())
                .getJsonArray("items").stream()
                        .anyMatch(o -> ((JsonObject) o).getString("takedownId").equals(id));
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(field(gw.post(
                        "/v1/takedowns",
                        officer,
                        "{\"platform\":\"demo-gapo\",\"reason\":\"r\",\"legalBasis\":\"l\"}")))
                .isEqualTo("$.streamId");
        assertThat(field(gw.post(
                        "/v1/takedowns",
                        officer,
                        "{\"platform\":\"nope\",\"streamId\":\"s\",\"reason\":\"r\",\"legalBasis\":\"l\"}")))
                .isEqualTo("$.platform");
        assertThat(field(gw.post(
                        "/v1/takedowns", officer, "{\"platform\":\"demo-gapo\",\"commentId\":\"c\",\"reason\":\"r\"}")))
                .isEqualTo("$.legalBasis");
        assertThat(field(gw.post(
                        "/v1/takedowns",
                        officer,
                        "{\"platform\":\"demo-gapo\",\"commentId\":7,\"reason\":\"r\",\"legalBasis\":\"l\"}")))
                .isEqualTo("$.commentId");
        assertThat(field(gw.post("/v1/takedowns", officer, "[]"))).isEqualTo("$");
        assertThat(field(gw.get("/v1/takedowns?status=late", officer))).isEqualTo("status");
    }

    static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        return new JsonObject(r.body()).getString("field");
    }

    @Test
    void aPlatformIsToldSeesOnlyItsOwnAndAnswers() {
        JsonObject t = request(Platforms.DEMO_GAPO, "live-42");
        String id = t.getString("takedownId");
        assertThat(t.getString("status")).isEqualTo("open");
        assertThat(t.getLong("deadline") - t.getLong("requestedAt"))
                .isEqualTo(Duration.ofHours(24).toMillis());
        assertThat(t.getLong("requestedAt")).isEqualTo(clock.millis());
        assertThat(t.getString("requestedBy")).isEqualTo("officer-1");
        assertThat(gw.hooks().deliveries).anySatisfy(d -> {
            assertThat(d.platform()).isEqualTo(Platforms.DEMO_GAPO);
            assertThat(d.type()).isEqualTo("takedown.requested");
            assertThat(d.payload().getString("takedownId")).isEqualTo(id);
            assertThat(d.payload().getString("legalBasis")).contains("147/2024");
        });
        assertThat(listed(gw.get("/v1/takedowns?status=open", officer), id)).isTrue();
        assertThat(listed(gw.get("/v1/takedowns?status=done", officer), id)).isFalse();

        assertThat(listed(gw.signed("GET", "/v1/platform/takedowns", Platforms.DEMO_GAPO, null), id))
                .isTrue();
        assertThat(listed(gw.signed("GET", "/v1/platform/takedowns", Platforms.DEMO_VNG, null), id))
                .isFalse();
        assertThat(gw.signed("GET", "/v1/platform/takedowns/" + id, Platforms.DEMO_VNG, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.signed("POST", "/v1/takedowns/" + id + "/done", Platforms.DEMO_VNG, "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.post("/v1/takedowns/" + id + "/done", officer, "{}").statusCode())
                .as("officers cannot answer for a platform")
                .isEqualTo(401);

        clock.advance(Duration.ofHours(3));
        HttpResponse<String> done =
                gw.signed("POST", "/v1/takedowns/" + id + "/done", Platforms.DEMO_GAPO, "{\"note\":\"live đã bị gỡ\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonObject d = new JsonObject(done.body());
        assertThat(d.getString("status")).isEqualTo("done");
        assertThat(d.getBoolean("late")).isFalse();
        assertThat(d.getString("doneNote")).isEqualTo("live đã bị gỡ");
        assertThat(listed(gw.get("/v1/takedowns?status=done", officer), id)).isTrue();
        // Answering twice changes nothing.
        assertThat(new JsonObject(gw.signed("POST", "/v1/takedowns/" + id + "/done", Platforms.DEMO_GAPO, "{}")
                                .body())
                        .getLong("doneAt"))
                .isEqualTo(d.getLong("doneAt"));
        assertThat(gw.get("/v1/takedowns/" + id, officer).statusCode()).isEqualTo(200);
    }

    @Test
    void unansweredRequestsBecomeOverdueAndAreMarked() {
        String id = request(Platforms.DEMO_VNG, "live-77").getString("takedownId");
        clock.advance(Duration.ofHours(23));
        assertThat(new JsonObject(gw.get("/v1/takedowns/" + id, officer).body()).getString("status"))
                .isEqualTo("open");
        clock.advance(Duration.ofHours(2));
        JsonObject marked = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> new JsonObject(
                                gw.get("/v1/takedowns/" + id, officer).body()),
                        o -> o.getLong("overdueMarkedAt") != null);
        assertThat(marked.getString("status")).isEqualTo("overdue");
        assertThat(listed(gw.get("/v1/takedowns?status=overdue", officer), id)).isTrue();
        assertThat(listed(gw.get("/v1/takedowns?status=open", officer), id)).isFalse();

        JsonObject late = new JsonObject(gw.signed("POST", "/v1/takedowns/" + id + "/done", Platforms.DEMO_VNG, null)
                .body());
        assertThat(late.getString("status")).isEqualTo("done");
        assertThat(late.getBoolean("late")).isTrue();
        assertThat(late.getLong("overdueMarkedAt")).isEqualTo(marked.getLong("overdueMarkedAt"));
    }

    @Test
    void theSummaryReportCountsTakedownsDoneWithinTheDeadline() {
        String from = Instant.ofEpochMilli(clock.millis()).toString();
        JsonObject before = report(from);
        String onTime = request(Platforms.DEMO_GAPO, "live-r1").getString("takedownId");
        request(Platforms.DEMO_GAPO, "live-r2");
        assertThat(gw.signed("POST", "/v1/takedowns/" + onTime + "/done", Platforms.DEMO_GAPO, null)
                        .statusCode())
                .isEqualTo(200);
        JsonObject after = report(from).getJsonObject("takedowns");
        JsonObject b = before.getJsonObject("takedowns");
        assertThat(after.getLong("requested") - b.getLong("requested")).isEqualTo(2);
        assertThat(after.getLong("doneWithinDeadline") - b.getLong("doneWithinDeadline"))
                .isEqualTo(1);
        assertThat(after.getLong("open") - b.getLong("open")).isEqualTo(1);
    }

    static JsonObject report(String from) {
        String to = Instant.ofEpochMilli(clock.millis() + 1).toString();
        HttpResponse<String> r = gw.get("/v1/reports/summary?from=" + from + "&to=" + to, officer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    @Test
    void listingsPage() {
        for (int i = 0; i < 3; i++) request(Platforms.DEMO_GAPO, "live-page-" + i);
        JsonObject first =
                new JsonObject(gw.get("/v1/takedowns?limit=2", officer).body());
        JsonArray items = first.getJsonArray("items");
        assertThat(items).hasSize(2);
        JsonObject second = new JsonObject(gw.get("/v1/takedowns?limit=2&cursor=" + first.getString("next"), officer)
                .body());
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("takedownId"))
                .isNotIn(
                        items.getJsonObject(0).getString("takedownId"),
                        items.getJsonObject(1).getString("takedownId"));
    }
}
