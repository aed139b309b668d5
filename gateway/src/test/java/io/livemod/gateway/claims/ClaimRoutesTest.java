package io.livemod.gateway.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.ministry.Samples;
import io.livemod.gateway.ministry.TestStack;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.rules.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The false-claim registry over HTTP: officers register and search, admins import (and so approve),
 * moderators do neither; false_claim flags reach only their platform's moderators, and claim alerts
 * reach officers with their spread, in the CAP feed and in the report.
 */
class ClaimRoutesTest {
    static TestStack.Running gw;
    static String officer;
    static String admin;
    static String moderator;

    @BeforeAll
    static void start() {
        gw = TestStack.gateway(new MutableClock(Instant.parse("2026-11-28T07:00:00Z")), null, Duration.ofMinutes(10));
        officer = gw.token(Role.OFFICER, "officer-1");
        admin = gw.token(Role.ADMIN, "admin-1");
        moderator = gw.token(Role.MODERATOR, "mod-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String claim(String text, String date) {
        return new JsonObject()
                .put("text", text)
                .put("source", "Trung tâm xử lý tin giả")
                .put("verdict", "Sai sự thật")
                .put("date", date)
                .put("category", "vaccine")
                .put("severity", "critical")
                .encode();
    }

    @Test
    void officersRegisterAndSearchClaimsInAnySpelling() {
        HttpResponse<String> created =
                gw.post("/v1/claims", officer, claim("Vắc xin Covid gây vô sinh ở phụ nữ trẻ", "2026-11-20"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = new JsonObject(created.body()).getString("id");
        JsonArray found =
                new JsonObject(gw.get("/v1/claims?q=vac%20xin%20covid", officer).body()).getJsonArray("items");
        assertThat(found.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
        JsonObject c = found.stream()
                .map(o -> (JsonObject) o)
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(c.getString("origin")).isEqualTo("officer");
        assertThat(c.getString("createdBy")).isEqualTo("officer-1");
        assertThat(c.getInteger("version")).isEqualTo(1);
        assertThat(new JsonObject(gw.get("/v1/claims?q=ngan%20hang%20pha%20san%20xyz", officer)
                                .body())
                        .getJsonArray("items"))
                .isEmpty();
        assertThat(gw.get("/v1/claims", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyOfficersAndAdminsRegisterOnlyAdminsImport() {
        assertThat(gw.post("/v1/claims", moderator, claim("Tỏi ngâm mật ong diệt virus corona", "2026-11-20"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.get("/v1/claims", moderator).statusCode()).isEqualTo(403);
        assertThat(gw.post("/v1/claims/import", officer, "{\"source\":\"x\",\"claims\":[]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.post("/v1/claims/import", moderator, "{\"source\":\"x\",\"claims\":[]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.get("/v1/claims", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badClaimsNameTheField() {
        assertThat(field(gw.post("/v1/claims", officer, claim("vắc xin covid", "2026-11-20"))))
                .isEqualTo("$.text");
        assertThat(field(gw.post("/v1/claims", officer, claim("Vắc xin Covid gây vô sinh ở phụ nữ trẻ", "20/11/2026"))))
                .isEqualTo("$.date");
        assertThat(field(gw.post("/v1/claims", officer, "{\"text\":\"Vắc xin Covid gây vô sinh ở phụ nữ trẻ\"}")))
                .isEqualTo("$.source");
        assertThat(field(gw.get("/v1/claims?limit=0", officer))).isEqualTo("limit");
    }

    @Test
    void anImportIsVersionedByTheCentresIdAndAllOrNothing() {
        String source = Samples.id("centre");
        String batch = new JsonObject()
                .put("source", source)
                .put(
                        "claims",
                        new JsonArray()
                                .add(item(
                                        "fc-1",
                                        "Ngân hàng Sài Gòn Thương Tín sắp phá sản, người gửi tiền sẽ mất trắng",
                                        "bank"))
                                .add(item("fc-2", "Động đất 8 độ richter sẽ xảy ra ở Hà Nội đêm nay", "disaster")))
                .encode();
        JsonObject first =
                new JsonObject(gw.post("/v1/claims/import", admin, batch).body());
        assertThat(first.getInteger("created")).isEqualTo(2);
        assertThat(new JsonObject(gw.post("/v1/claims/import", admin, batch).body()).getInteger("unchanged"))
                .isEqualTo(2);

        String changed = batch.replace("đêm nay", "đêm mai");
        JsonObject second =
                new JsonObject(gw.post("/v1/claims/import", admin, changed).body());
        assertThat(second.getInteger("updated")).isEqualTo(1);
        String id = second.getJsonArray("ids").getString(0);
        JsonObject claim = new JsonObject(gw.get("/v1/claims?q=" + id, officer).body())
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(claim.getInteger("version")).isEqualTo(2);
        assertThat(claim.getString("approvedBy")).isEqualTo("admin-1");
        assertThat(claim.getString("origin")).isEqualTo("import");

        String ndjson = item("fc-3", "Trứng gà giả làm từ hóa chất được bán ở các siêu thị", "food")
                        .put("source", source)
                        .encode()
                + "\n"
                + item("fc-4", "Gạo nhựa Trung Quốc đang bán tràn lan", "food")
                        .put("source", source)
                        .put("date", "hôm qua")
                        .encode()
                + "\n";
        HttpResponse<String> bad =
                TestStack.Running.send(HttpRequest.newBuilder(URI.create(gw.base() + "/v1/claims/import"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                        .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(field(bad)).isEqualTo("$[1].date");
        assertThat(new JsonObject(
                                gw.get("/v1/claims?q=trung%20ga%20gia", officer).body())
                        .getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void falseClaimFlagsReachOnlyTheirPlatformsModerators() {
        long now = gw.clock().millis();
        Flag mine = flag(Samples.id("fc"), Platforms.DEMO_GAPO, now);
        Flag theirs = flag(Samples.id("fc"), Platforms.DEMO_VNG, now);
        TestStack.publish(Topics.FLAGS, mine.flagId(), mine);
        TestStack.publish(Topics.FLAGS, theirs.flagId(), theirs);
        JsonObject seen = await().atMost(Duration.ofSeconds(15))
                .until(() -> gw.get("/v1/flags/" + mine.flagId(), moderator), r -> r.statusCode() == 200)
                .body()
                .transform(JsonObject::new);
        assertThat(seen.getString("kind")).isEqualTo("false_claim");
        assertThat(seen.getString("claimId")).isEqualTo("c-vaccine");
        assertThat(seen.getDouble("score")).isEqualTo(0.93);
        String other = gw.gateway().auth().devToken("mod-vng", Role.MODERATOR, Platforms.DEMO_VNG, 10);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> gw.get("/v1/flags/" + theirs.flagId(), other).statusCode() == 200);
        assertThat(gw.get("/v1/flags/" + theirs.flagId(), moderator).statusCode())
                .isEqualTo(404);
        assertThat(gw.get("/v1/flags/" + mine.flagId(), other).statusCode()).isEqualTo(404);
    }

    @Test
    void claimAlertsReachOfficersTheCapFeedAndTheReport() {
        long day = java.time.OffsetDateTime.parse("2026-09-01T00:00:00+07:00")
                .toInstant()
                .toEpochMilli();
        String claimId = Samples.id("c");
        Flag a = flag(Samples.id("fc"), Platforms.DEMO_GAPO, day + 1_000, claimId, "u-secret-9");
        Flag b = flag(Samples.id("fc"), Platforms.DEMO_VNG, day + 61_000, claimId, "u-secret-8");
        TestStack.publish(Topics.FLAGS, a.flagId(), a);
        TestStack.publish(Topics.FLAGS, b.flagId(), b);
        Alert alert = Alert.builder(Samples.id("a"), Alert.Kind.FALSE_CLAIM)
                .platforms(List.of(Platforms.DEMO_GAPO, Platforms.DEMO_VNG))
                .streams(List.of(Platforms.DEMO_GAPO + "/live-1", Platforms.DEMO_VNG + "/live-1"))
                .category("fake_news")
                .severity(Severity.CRITICAL)
                .summary("false claim spreading: claim " + claimId)
                .count(2)
                .distinctUsers(2)
                .seen(a.receivedAt(), b.receivedAt())
                .userIds(List.of(Platforms.DEMO_GAPO + "/u-secret-9", Platforms.DEMO_VNG + "/u-secret-8"))
                .samples(List.of(a, b))
                .rulesVersion("v1")
                .state(Alert.State.OPEN)
                .detectedAt(day + 62_000)
                .claimId(claimId)
                .perMinute(List.of(new Alert.MinuteCount(day, 1), new Alert.MinuteCount(day + 60_000, 1)))
                .build();
        TestStack.publish(Topics.ALERTS, alert.alertId(), alert);

        HttpResponse<String> got = await().atMost(Duration.ofSeconds(15))
                .until(() -> gw.get("/v1/alerts/" + alert.alertId(), officer), r -> r.statusCode() == 200);
        JsonObject v = new JsonObject(got.body());
        assertThat(v.getString("claimId")).isEqualTo(claimId);
        assertThat(v.getJsonArray("perMinute")).hasSize(2);
        assertThat(got.body()).doesNotContain("u-secret-9", "u-secret-8");
        assertThat(v.getJsonArray("samples").getJsonObject(0).getString("claimId"))
                .isEqualTo(claimId);

        String cap = gw.get("/v1/alerts/" + alert.alertId() + "/cap", officer).body();
        assertThat(cap)
                .contains("Livestream false claim", "<valueName>claimId</valueName>", claimId)
                .doesNotContain("u-secret");

        String query = "/v1/reports/summary?from=2026-09-01&to=2026-09-02";
        JsonObject r = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> new JsonObject(gw.get(query, officer).body()),
                        o -> o.getLong("falseClaimMatches", 0L) >= 2);
        assertThat(r.getJsonObject("falseClaimsByClaim").getJsonObject(claimId).getMap())
                .containsEntry(Platforms.DEMO_GAPO, 1)
                .containsEntry(Platforms.DEMO_VNG, 1);
        assertThat(gw.get(query + "&format=csv", officer).body())
                .contains("false_claims," + Platforms.DEMO_GAPO + "," + claimId + ",1\r\n");
    }

    static JsonObject item(String externalId, String text, String category) {
        return new JsonObject()
                .put("externalId", externalId)
                .put("text", text)
                .put("verdict", "Sai sự thật")
                .put("date", "2026-11-21")
                .put("category", category);
    }

    static Flag flag(String flagId, String platform, long at) {
        return flag(flagId, platform, at, "c-vaccine", "u1");
    }

    static Flag flag(String flagId, String platform, long at, String claimId, String user) {
        return Flag.builder(flagId, Flag.Kind.FALSE_CLAIM)
                .comment(platform, "live-1", "m-" + flagId, user, "vaccine covid lam phu nu tre bi vo sinh")
                .category("fake_news")
                .severity(Severity.CRITICAL)
                .matches(List.of(new FlagMatch("false_claim", "claim " + claimId, 0, 10, List.of())))
                .rulesVersion("v1")
                .receivedAt(at)
                .detectedAt(at)
                .status(Flag.Status.OPEN)
                .claim(claimId, 0.93)
                .build();
    }

    static String field(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        return new JsonObject(r.body()).getString("field");
    }
}
