package io.livemod.gateway.ministry;

import static io.livemod.gateway.ministry.Samples.alert;
import static io.livemod.gateway.ministry.Samples.decision;
import static io.livemod.gateway.ministry.Samples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Officers' alert routes on a real broker and gateway: listing, pseudonyms, actions, re-escalation, live feed. */
class AlertRoutesTest {
    static MutableClock clock;
    static TestStack.Running gw;
    static String officer;
    static String admin;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-28T05:00:00Z"));
        gw = TestStack.gateway(clock, null, Duration.ofMinutes(10));
        officer = gw.token(Principal.Role.OFFICER, "officer-1");
        admin = gw.token(Principal.Role.ADMIN, "admin-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static JsonObject awaitAlert(String alertId, Predicate<JsonObject> until) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> {
                            HttpResponse<String> r = gw.get("/v1/alerts/" + alertId, officer);
                            return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
                        },
                        a -> a != null && until.test(a));
    }

    static Alert published(Alert a) {
        TestStack.publish(Topics.ALERTS, a.alertId(), a);
        awaitAlert(a.alertId(), v -> v.getLong("lastSeen") == a.lastSeen());
        return a;
    }

    @Test
    void officersSeeUserIdsPseudonymizedStablyPerPlatform() {
        // Users of their own: the shared broker holds other tests' escalations of demo users.
        String u1 = id("u"), u2 = id("u");
        Alert a = published(alert(id("a"), Platforms.DEMO_GAPO, "high", clock.millis(), u1, u2));
        Alert b = published(alert(id("b"), Platforms.DEMO_GAPO, "high", clock.millis(), u1));
        Alert c = published(alert(id("c"), Platforms.DEMO_VNG, "high", clock.millis(), u1));
        JsonObject va = awaitAlert(a.alertId(), v -> true);
        List<Object> ids = va.getJsonArray("userIds").stream().toList();
        assertThat(ids).hasSize(2).doesNotContain(u1, u2).allSatisfy(u -> assertThat((String) u)
                .matches("anon-[A-Za-z0-9_-]{16}"));
        assertThat(va.getJsonArray("samples").getJsonObject(0).getString("userId"))
                .isEqualTo(ids.get(0));
        assertThat(va.getBoolean("escalated")).isFalse();
        assertThat(va.getString("status")).isEqualTo("open");
        String inB = awaitAlert(b.alertId(), v -> true).getJsonArray("userIds").getString(0);
        String inC = awaitAlert(c.alertId(), v -> true).getJsonArray("userIds").getString(0);
        assertThat(inB).as("same user, same platform").isEqualTo(ids.get(0));
        assertThat(inC).as("same user id on another platform").isNotEqualTo(inB);
    }

    @Test
    void aRawIdInTheSummaryOrAnExplanationIsPseudonymizedUntilEscalated() {
        // As the topology writes a repeat offender's lock recommendation: the raw id in the text.
        String user = "8490" + Integer.toUnsignedString(id("n").hashCode());
        String why = "lock recommended: 5 confirmed violations within 30 days (threshold 5)";
        io.livemod.event.Flag f = io.livemod.event.Flag.builder(id("fo"), io.livemod.event.Flag.Kind.REPEAT_OFFENDER)
                .comment(Platforms.DEMO_GAPO, "live-1", null, user, null)
                .category("repeat_offender")
                .severity(Severity.HIGH)
                .matches(List.of(
                        new io.livemod.event.FlagMatch("repeat_offender", why + " for " + user, 0, 0, List.of())))
                .rulesVersion("v1")
                .receivedAt(clock.millis())
                .detectedAt(clock.millis())
                .status(io.livemod.event.Flag.Status.OPEN)
                .build();
        Alert a = published(Alert.builder(id("ro"), Alert.Kind.REPEAT_OFFENDER).stream(Platforms.DEMO_GAPO, "live-1")
                .category("repeat_offender")
                .severity(Severity.HIGH)
                .summary(why + " (user " + user + ")")
                .count(1)
                .distinctUsers(1)
                .seen(clock.millis(), clock.millis())
                .userIds(List.of(user))
                .samples(List.of(f))
                .rulesVersion("v1")
                .state(Alert.State.OPEN)
                .detectedAt(clock.millis())
                .build());

        JsonObject v = awaitAlert(a.alertId(), x -> true);
        String pseudonym = v.getJsonArray("userIds").getString(0);
        assertThat(pseudonym).startsWith("anon-");
        assertThat(v.encode()).doesNotContain(user);
        assertThat(v.getString("summary")).isEqualTo(why + " (user " + pseudonym + ")");
        assertThat(v.getJsonArray("samples")
                        .getJsonObject(0)
                        .getJsonArray("matches")
                        .getJsonObject(0)
                        .getString("term"))
                .endsWith(pseudonym);
        assertThat(gw.get("/v1/alerts/cap", officer).body())
                .doesNotContain(user)
                .contains(pseudonym);

        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision("x", Platforms.DEMO_GAPO, user, Decision.Action.ESCALATE, clock.millis()));
        assertThat(awaitAlert(a.alertId(), x -> x.getJsonArray("userIds").contains(user))
                        .getString("summary"))
                .endsWith("(user " + user + ")");
    }

    @Test
    void usersAndAlertsEscalatedByModeratorsAreShownInClear() {
        String u7 = id("u"), u8 = id("u"), u9 = id("u"), u10 = id("u");
        Alert byUser = published(alert(id("eu"), Platforms.DEMO_GAPO, "high", clock.millis(), u7, u8));
        Alert byFlag = published(alert(id("ef"), Platforms.DEMO_GAPO, "high", clock.millis(), u9, u10));
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision("elsewhere", Platforms.DEMO_GAPO, u7, Decision.Action.ESCALATE, clock.millis()));
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision(
                        byFlag.samples().get(0).flagId(),
                        Platforms.DEMO_GAPO,
                        u9,
                        Decision.Action.ESCALATE,
                        clock.millis()));
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision("other", Platforms.DEMO_GAPO, u8, Decision.Action.REMOVE, clock.millis()));

        JsonObject u =
                awaitAlert(byUser.alertId(), v -> v.getJsonArray("userIds").contains(u7));
        assertThat(u.getJsonArray("userIds").getString(1))
                .as("not escalated: a removal is not an escalation")
                .startsWith("anon-");
        assertThat(u.getBoolean("escalated")).isFalse();
        JsonObject f = awaitAlert(byFlag.alertId(), v -> v.getBoolean("escalated"));
        assertThat(f.getJsonArray("userIds").stream().toList()).containsExactly(u9, u10);
        // The same user on another platform is another person: still pseudonymized there.
        Alert vng = published(alert(id("ev"), Platforms.DEMO_VNG, "high", clock.millis(), u7));
        assertThat(awaitAlert(vng.alertId(), v -> true).getJsonArray("userIds").getString(0))
                .startsWith("anon-");
    }

    @Test
    void listFiltersAndPagesWithoutRepeats() {
        String platform = id("p");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            ids.add(published(alert(id("l" + i), platform, i % 2 == 0 ? "critical" : "low", clock.millis() + i))
                    .alertId());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = new JsonObject(gw.get(
                            "/v1/alerts?platform=" + platform + "&limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            officer)
                    .body());
            page.getJsonArray("items").forEach(o -> assertThat(seen.add(((JsonObject) o).getString("alertId")))
                    .isTrue());
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        JsonArray critical = new JsonObject(gw.get("/v1/alerts?platform=" + platform + "&severity=critical", officer)
                        .body())
                .getJsonArray("items");
        assertThat(critical).hasSize(3);
        assertThat(critical.getJsonObject(0).getString("alertId"))
                .as("newest first within a severity")
                .isEqualTo(ids.get(4));
        assertThat(new JsonObject(gw.get("/v1/alerts?platform=" + platform + "&status=resolved", officer)
                                .body())
                        .getJsonArray("items"))
                .isEmpty();

        HttpResponse<String> bad = gw.get("/v1/alerts?status=closed", officer);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("status");
        assertThat(new JsonObject(gw.get("/v1/alerts?limit=0", officer).body()).getString("field"))
                .isEqualTo("limit");
        assertThat(new JsonObject(gw.get("/v1/alerts?cursor=!!!", officer).body()).getString("field"))
                .isEqualTo("cursor");
        assertThat(gw.get("/v1/alerts/no-such-alert", officer).statusCode()).isEqualTo(404);
    }

    @Test
    void ackAssignResolveAreDurableOrderedAndAudited() {
        Alert a = published(alert(id("act"), Platforms.DEMO_GAPO, "high", clock.millis(), "u-1"));
        String path = "/v1/alerts/" + a.alertId();
        HttpResponse<String> ack = gw.post(path + "/ack", officer, "{\"note\":\"đang xem\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ack.body()).getString("status")).isEqualTo("acked");
        // Read-your-writes: the answer waited for the projection.
        assertThat(new JsonObject(gw.get(path, officer).body()).getString("ackedBy"))
                .isEqualTo("officer-1");
        assertThat(gw.post(path + "/ack", officer, null).statusCode()).isEqualTo(409);

        HttpResponse<String> noTo = gw.post(path + "/assign", officer, "{}");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noTo.body()).getString("field")).isEqualTo("$.to");
        assertThat(new JsonObject(gw.post(path + "/assign", officer, "{\"to\":\"officer-2\"}")
                                .body())
                        .getString("assignee"))
                .isEqualTo("officer-2");

        HttpResponse<String> noNote = gw.post(path + "/resolve", officer, "{\"note\":\"  \"}");
        assertThat(new JsonObject(noNote.body()).getString("field")).isEqualTo("$.note");
        assertThat(gw.post(path + "/resolve", officer, "not json").statusCode()).isEqualTo(400);
        JsonObject resolved = new JsonObject(gw.post(path + "/resolve", officer, "{\"note\":\"Nền tảng đã gỡ live\"}")
                .body());
        assertThat(resolved.getString("status")).isEqualTo("resolved");
        assertThat(resolved.getString("resolution")).isEqualTo("Nền tảng đã gỡ live");
        assertThat(resolved.getJsonArray("history").stream().map(o -> ((JsonObject) o).getString("action")))
                .containsExactly("ack", "assign", "resolve");
        assertThat(gw.post(path + "/resolve", officer, "{\"note\":\"again\"}").statusCode())
                .isEqualTo(409);
        assertThat(gw.post(path + "/assign", officer, "{\"to\":\"x\"}").statusCode())
                .isEqualTo(409);
        assertThat(gw.post("/v1/alerts/no-such-alert/ack", officer, null).statusCode())
                .isEqualTo(404);

        JsonArray audit = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> new JsonObject(gw.get("/v1/audit?target=alert/" + a.alertId(), admin)
                                        .body())
                                .getJsonArray("items"),
                        items -> items.size() == 3);
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("action")))
                .containsExactly("alert.resolve", "alert.assign", "alert.ack");
        assertThat(audit.stream().map(o -> ((JsonObject) o).getString("actor"))).containsOnly("officer-1");
        assertThat(audit.getJsonObject(0).getString("role")).isEqualTo("officer");
    }

    @Test
    void anUnacknowledgedCriticalAlertIsEscalatedAgainAfterTheDelay() {
        Alert unacked = published(alert(id("crit"), Platforms.DEMO_GAPO, "critical", clock.millis(), "u-1"));
        Alert acked = published(alert(id("crit-ack"), Platforms.DEMO_GAPO, "critical", clock.millis(), "u-1"));
        Alert high = published(alert(id("high"), Platforms.DEMO_GAPO, "high", clock.millis(), "u-1"));
        assertThat(gw.post("/v1/alerts/" + acked.alertId() + "/ack", officer, null)
                        .statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(9));
        clock.advance(Duration.ofMinutes(2));
        JsonObject once = awaitAlert(unacked.alertId(), v -> v.getInteger("reescalations") == 1);
        assertThat(once.getString("status")).isEqualTo("open");
        assertThat(once.getLong("lastReescalatedAt")).isEqualTo(clock.millis());
        assertThat(awaitAlert(acked.alertId(), v -> true).getInteger("reescalations"))
                .isZero();
        assertThat(awaitAlert(high.alertId(), v -> true).getInteger("reescalations"))
                .isZero();

        clock.advance(Duration.ofMinutes(11));
        JsonObject twice = awaitAlert(unacked.alertId(), v -> v.getInteger("reescalations") == 2);
        assertThat(twice.getJsonArray("history").stream().map(o -> ((JsonObject) o).getString("actor")))
                .containsOnly("system");
    }

    @Test
    void theLiveFeedStreamsAlertsAsTheyChange() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(gw.base() + "/v1/alerts/live?access_token=" + officer))
                .GET()
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> resp =
                TestStack.HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = resp.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> r.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        await().until(() -> lines.contains(": connected"));
        String user = id("u-live"); // escalated below: a user of its own, not to reveal other tests' users
        Alert a = alert(id("live"), Platforms.DEMO_GAPO, "high", clock.millis(), user);
        TestStack.publish(Topics.ALERTS, a.alertId(), a);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ") && l.contains(a.alertId())));
        // Unnamed events (EventSource's onmessage), the whole view as data, pseudonymized like the API.
        int at = lines.indexOf("id: " + a.alertId());
        JsonObject data = new JsonObject(lines.get(at + 1).substring("data: ".length()));
        assertThat(data.getString("status")).isEqualTo("open");
        assertThat(data.getJsonArray("userIds").getString(0)).startsWith("anon-");
        assertThat(lines).noneMatch(l -> l.startsWith("event:"));
        assertThat(gw.post("/v1/alerts/" + a.alertId() + "/ack", officer, "{\"note\":\"\"}")
                        .statusCode())
                .as("a blank optional note")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data: ")
                        && l.contains(a.alertId())
                        && new JsonObject(l.substring(6)).getString("status").equals("acked")));
        // A moderator escalates the user: the alert goes out again, now with the id in clear.
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision(
                        a.samples().get(0).flagId(),
                        Platforms.DEMO_GAPO,
                        user,
                        Decision.Action.ESCALATE,
                        clock.millis()));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data: ")
                        && l.contains(a.alertId())
                        && new JsonObject(l.substring(6)).getBoolean("escalated")
                        && l.contains("\"" + user + "\"")));
        r.body().close();
    }
}
