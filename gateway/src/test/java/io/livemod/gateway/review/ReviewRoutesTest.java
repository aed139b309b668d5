package io.livemod.gateway.review;

import static io.livemod.gateway.platform.Platforms.DEMO_GAPO;
import static io.livemod.gateway.platform.Platforms.DEMO_VNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Decision;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.Http;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.ReviewStack;
import io.livemod.gateway.testing.TestPlatforms;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moderators' routes on a real broker and a memory-backed gateway: every route for every role,
 * allowed and denied; tenant isolation on lists, ids and the live feed; claims, decisions into
 * Kafka, the webhook to a real receiver, and the same queue after a restart.
 */
class ReviewRoutesTest {
    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static Vertx receiverVertx;
    static HttpServer receiver;
    static final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
    static final List<Decision> decisions = new CopyOnWriteArrayList<>();
    static TopicFollower<String, Decision> decisionsTopic;
    static Platforms platforms;

    @SuppressWarnings(
            "TimeInStaticInitializer") // one start for the whole class, near real time: the broker sees these stamps
    static final MutableClock clock = new MutableClock(Instant.now());

    static ReviewStack.Running gw;
    static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() {
        broker = ReviewStack.broker(dir);
        receiverVertx = Vertx.vertx();
        receiver = receiverVertx
                .createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    hooks.add(new JsonObject(b.toString()).put("webhook-id", req.getHeader("webhook-id")));
                    req.response().setStatusCode(200).end();
                }))
                .listen(0, "127.0.0.1")
                .await();
        platforms = new Platforms(true);
        platforms.put(TestPlatforms.platform(
                DEMO_GAPO,
                "http://127.0.0.1:" + receiver.actualPort() + "/livemod",
                Platforms.DEMO_SECRETS.get(DEMO_GAPO)));
        platforms.put(TestPlatforms.platform(DEMO_VNG, null, Platforms.DEMO_SECRETS.get(DEMO_VNG)));
        decisionsTopic = new TopicFollower<>(
                        broker.bootstrap(), Topics.DECISIONS, (r, live) -> decisions.add(r.value()))
                .start();
        gw = ReviewStack.gateway(broker.bootstrap(), null, platforms, clock);
    }

    @AfterAll
    static void stop() {
        if (gw != null) gw.close();
        if (decisionsTopic != null) decisionsTopic.close();
        if (receiverVertx != null) receiverVertx.close().await();
        if (broker != null) broker.close();
    }

    static String mod(String platform) {
        return gw.token("mod-" + platform, Role.MODERATOR, platform);
    }

    /** A new flag of {@code platform}, visible to its moderators once projected. */
    static String newFlag(String platform, String severity) {
        String id = "f-" + ids.incrementAndGet();
        ReviewStack.produceFlags(
                broker.bootstrap(), ReviewStack.flag(id, platform, "live-1", severity, clock.millis() + ids.get()));
        String token = mod(platform);
        await().until(() -> gw.http().get("/v1/flags/" + id, token).statusCode() == 200);
        return id;
    }

    static JsonObject json(HttpResponse<String> r) {
        return new JsonObject(r.body());
    }

    @Test
    void theQueueListsTheModeratorsPlatformOnlyAndIsClosedToOtherRoles() {
        String gapoFlag = newFlag(DEMO_GAPO, "high");
        String vngFlag = newFlag(DEMO_VNG, "high");
        HttpResponse<String> list = gw.http().get("/v1/flags?limit=500", mod(DEMO_GAPO));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonArray items = json(list).getJsonArray("items");
        assertThat(items.stream().map(o -> ((JsonObject) o).getString("platform")))
                .containsOnly(DEMO_GAPO);
        assertThat(items.stream().map(o -> ((JsonObject) o).getString("flagId")))
                .contains(gapoFlag)
                .doesNotContain(vngFlag);

        assertThat(gw.http().get("/v1/flags/" + gapoFlag, mod(DEMO_GAPO)).statusCode())
                .isEqualTo(200);
        assertThat(gw.http().get("/v1/flags/" + gapoFlag, mod(DEMO_VNG)).statusCode())
                .isEqualTo(404);
        assertThat(gw.http().get("/v1/flags/no-such-flag", mod(DEMO_VNG)).statusCode())
                .isEqualTo(404);
        for (String path : List.of("/v1/flags", "/v1/flags/" + gapoFlag)) {
            assertThat(gw.http().get(path, null).statusCode()).isEqualTo(401);
            assertThat(gw.http().get(path, "not-a-jwt").statusCode()).isEqualTo(401);
            assertThat(gw.http().get(path, gw.token("olga", Role.OFFICER, null)).statusCode())
                    .isEqualTo(403);
            assertThat(gw.http().get(path, gw.token("root", Role.ADMIN, null)).statusCode())
                    .isEqualTo(403);
            assertThat(gw.http()
                            .get(path, gw.token("nobody", Role.MODERATOR, null))
                            .statusCode())
                    .as("a moderator without a platform")
                    .isEqualTo(403);
        }
    }

    @Test
    void filtersPagingAndBadParameters() {
        String critical = newFlag(DEMO_GAPO, "critical");
        String low = newFlag(DEMO_GAPO, "low");
        JsonArray crit = json(gw.http().get("/v1/flags?severity=critical&limit=500", mod(DEMO_GAPO)))
                .getJsonArray("items");
        assertThat(crit.stream().map(o -> ((JsonObject) o).getString("severity")))
                .containsOnly("critical");
        assertThat(crit.stream().map(o -> ((JsonObject) o).getString("flagId")))
                .contains(critical)
                .doesNotContain(low);

        JsonObject first = json(gw.http().get("/v1/flags?limit=1", mod(DEMO_GAPO)));
        assertThat(first.getJsonArray("items")).hasSize(1);
        JsonObject second = json(gw.http().get("/v1/flags?limit=1&cursor=" + first.getString("next"), mod(DEMO_GAPO)));
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("flagId"))
                .isNotEqualTo(first.getJsonArray("items").getJsonObject(0).getString("flagId"));

        for (String[] bad : new String[][] {
            {"status=gone", "status"},
            {"severity=huge", "severity"},
            {"limit=0", "limit"},
            {"limit=x", "limit"},
            {"cursor=forged", "cursor"}
        }) {
            HttpResponse<String> r = gw.http().get("/v1/flags?" + bad[0], mod(DEMO_GAPO));
            assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(json(r).getString("field")).isEqualTo(bad[1]);
        }
    }

    @Test
    void theLiveFeedCarriesNewAndChangedFlagsOfTheModeratorsPlatformOnly() throws Exception {
        try (Http.Sse gapo = gw.http().sse("/v1/flags/live", mod(DEMO_GAPO));
                Http.Sse vng = gw.http().sse("/v1/flags/live", mod(DEMO_VNG))) {
            assertThat(gapo.status).isEqualTo(200);
            await().until(() -> gapo.opened && vng.opened);
            String vngFlag = newFlag(DEMO_VNG, "medium");
            String gapoFlag = newFlag(DEMO_GAPO, "medium");
            await().until(() -> gapo.data.stream().anyMatch(d -> d.contains(gapoFlag)));
            assertThat(gw.http()
                            .post("/v1/flags/" + gapoFlag + "/claim", mod(DEMO_GAPO), null)
                            .statusCode())
                    .isEqualTo(200);
            await().until(() -> gapo.data.stream()
                    .map(JsonObject::new)
                    .anyMatch(o -> o.getString("flagId").equals(gapoFlag)
                            && o.getString("status").equals("claimed")));
            await().until(() -> vng.data.stream().anyMatch(d -> d.contains(vngFlag)));
            assertThat(gapo.data).noneMatch(d -> d.contains(DEMO_VNG));
            assertThat(vng.data).noneMatch(d -> d.contains(DEMO_GAPO));
            assertThat(gapo.names)
                    .as("unnamed events reach EventSource.onmessage")
                    .isEmpty();
        }
        try (Http.Sse none = gw.http().sse("/v1/flags/live", null);
                Http.Sse officer = gw.http().sse("/v1/flags/live", gw.token("olga", Role.OFFICER, null));
                Http.Sse admin = gw.http().sse("/v1/flags/live", gw.token("root", Role.ADMIN, null))) {
            assertThat(none.status).isEqualTo(401);
            assertThat(officer.status).isEqualTo(403);
            assertThat(admin.status).isEqualTo(403);
        }
    }

    @Test
    void aClaimIsExclusiveExpiresAndIsClosedToOtherPlatformsAndRoles() {
        String id = newFlag(DEMO_GAPO, "high");
        String alice = gw.token("alice", Role.MODERATOR, DEMO_GAPO);
        String bob = gw.token("bob", Role.MODERATOR, DEMO_GAPO);
        HttpResponse<String> won = gw.http().post("/v1/flags/" + id + "/claim", alice, null);
        assertThat(won.statusCode()).isEqualTo(200);
        assertThat(json(won).getString("moderator")).isEqualTo("alice");
        HttpResponse<String> lost = gw.http().post("/v1/flags/" + id + "/claim", bob, null);
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(json(lost).getString("error")).isEqualTo("claimed");
        assertThat(json(gw.http().get("/v1/flags/" + id, bob))
                        .getJsonObject("claim")
                        .getString("moderator"))
                .isEqualTo("alice");

        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/claim", mod(DEMO_VNG), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/claim", gw.token("olga", Role.OFFICER, null), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/claim", gw.token("root", Role.ADMIN, null), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http().post("/v1/flags/" + id + "/claim", null, null).statusCode())
                .isEqualTo(401);

        assertThat(gw.http().delete("/v1/flags/" + id + "/claim", bob).statusCode())
                .as("not bob's to release")
                .isEqualTo(409);
        assertThat(gw.http().delete("/v1/flags/" + id + "/claim", mod(DEMO_VNG)).statusCode())
                .isEqualTo(404);
        assertThat(gw.http()
                        .delete("/v1/flags/" + id + "/claim", gw.token("olga", Role.OFFICER, null))
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http()
                        .delete("/v1/flags/" + id + "/claim", gw.token("root", Role.ADMIN, null))
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http().delete("/v1/flags/" + id + "/claim", null).statusCode())
                .isEqualTo(401);
        assertThat(gw.http().delete("/v1/flags/" + id + "/claim", alice).statusCode())
                .isEqualTo(204);
        assertThat(json(gw.http().get("/v1/flags/" + id, bob)).getString("status"))
                .isEqualTo("open");
        assertThat(gw.http().post("/v1/flags/" + id + "/claim", alice, null).statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(6)); // past the 5-minute claim
        assertThat(json(gw.http().get("/v1/flags/" + id, bob)).getString("status"))
                .isEqualTo("open");
        assertThat(gw.http().post("/v1/flags/" + id + "/claim", bob, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aDecisionIsStoredInKafkaDeliveredToThePlatformAndNeverTakenTwice() {
        String id = newFlag(DEMO_GAPO, "critical");
        String alice = gw.token("alice", Role.MODERATOR, DEMO_GAPO);
        String bob = gw.token("bob", Role.MODERATOR, DEMO_GAPO);
        assertThat(gw.http().post("/v1/flags/" + id + "/claim", alice, null).statusCode())
                .isEqualTo(200);
        String body = "{\"action\":\"timeout\",\"durationSeconds\":600,\"note\":\"spam cờ bạc\"}";
        HttpResponse<String> notHolder = gw.http().post("/v1/flags/" + id + "/decision", bob, body);
        assertThat(notHolder.statusCode()).isEqualTo(409);

        HttpResponse<String> decided = gw.http().post("/v1/flags/" + id + "/decision", alice, body);
        assertThat(decided.statusCode()).isEqualTo(201);
        String decisionId = json(decided).getString("decisionId");
        // 201 means Kafka has it: the decisions topic shows it, with the flag's user for the offender count.
        await().until(() -> decisions.stream().anyMatch(d -> d.decisionId().equals(decisionId)));
        Decision d = decisions.stream()
                .filter(x -> x.decisionId().equals(decisionId))
                .findFirst()
                .orElseThrow();
        assertThat(d)
                .extracting(
                        Decision::flagId,
                        Decision::platform,
                        Decision::userId,
                        Decision::action,
                        Decision::durationSeconds,
                        Decision::moderator)
                .containsExactly(id, DEMO_GAPO, "user-" + id, Decision.Action.TIMEOUT, 600L, "alice");
        assertThat(d.note()).isEqualTo("spam cờ bạc");

        JsonObject view = json(gw.http().get("/v1/flags/" + id, alice));
        assertThat(view.getString("status")).isEqualTo("decided");
        assertThat(view.getJsonObject("decision").getString("action")).isEqualTo("timeout");
        HttpResponse<String> twice = gw.http().post("/v1/flags/" + id + "/decision", alice, "{\"action\":\"ban\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).getString("error")).isEqualTo("already_decided");
        assertThat(gw.http().post("/v1/flags/" + id + "/claim", bob, null).statusCode())
                .isEqualTo(409);

        await().until(() ->
                hooks.stream().anyMatch(h -> h.getString("webhook-id").equals("decision.created:" + decisionId)));
        JsonObject hook = hooks.stream()
                .filter(h -> h.getString("webhook-id").equals("decision.created:" + decisionId))
                .findFirst()
                .orElseThrow();
        assertThat(hook.getString("type")).isEqualTo("decision.created");
        assertThat(hook.getJsonObject("data").getString("commentId")).isEqualTo("c-" + id);
        assertThat(hook.getJsonObject("data").getString("action")).isEqualTo("timeout");
        assertThat(gw.http().get("/metrics", null).body())
                .contains("livemod_decisions_total{action=\"timeout\",platform=\"demo-gapo\"}")
                .contains("livemod_webhook_deliveries_total{outcome=\"delivered\"}");

        // The claim and the decision are on the audit trail, written before they were answered.
        List<io.livemod.event.AuditEntry> audit =
                io.livemod.gateway.testkit.TestBroker.readAll(broker.bootstrap(), io.livemod.event.Topics.AUDIT)
                        .stream()
                        .map(org.apache.kafka.clients.consumer.ConsumerRecord::value)
                        .filter(a -> a.target().equals("flag/" + DEMO_GAPO + "/" + id))
                        .toList();
        assertThat(audit)
                .extracting(io.livemod.event.AuditEntry::action, io.livemod.event.AuditEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("flag.claimed", "alice"),
                        org.assertj.core.groups.Tuple.tuple("flag.decided", "alice"));
        assertThat(new JsonObject(audit.get(1).detail()).getString("decisionId"))
                .isEqualTo(decisionId);
    }

    @Test
    void claimAndDecideInOneStepAndEscalateReachesTheDecisionsTopic() {
        String id = newFlag(DEMO_GAPO, "critical");
        HttpResponse<String> r = gw.http()
                .post("/v1/flags/" + id + "/decision", mod(DEMO_GAPO), "{\"action\":\"escalate\",\"note\":\"threat\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        await().until(() ->
                decisions.stream().anyMatch(d -> d.flagId().equals(id) && d.action() == Decision.Action.ESCALATE));
    }

    @Test
    void aBadDecisionNamesItsFieldAndOtherRolesOrPlatformsCannotDecide() {
        String id = newFlag(DEMO_GAPO, "high");
        String alice = mod(DEMO_GAPO);
        for (String[] bad : new String[][] {
            {"{\"action\":\"delete\"}", "action"},
            {"{}", "action"},
            {"{\"action\":\"timeout\"}", "durationSeconds"},
            {"{\"action\":\"timeout\",\"durationSeconds\":-1}", "durationSeconds"},
            {"{\"action\":\"ban\",\"durationSeconds\":60}", "durationSeconds"},
            {"{\"action\":\"warn\",\"note\":7}", "note"}
        }) {
            HttpResponse<String> r = gw.http().post("/v1/flags/" + id + "/decision", alice, bad[0]);
            assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(json(r).getString("field")).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/decision", alice, "not json")
                        .statusCode())
                .isEqualTo(400);
        String remove = "{\"action\":\"remove\"}";
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/decision", gw.token("olga", Role.OFFICER, null), remove)
                        .statusCode())
                .as("officers cannot decide on comments")
                .isEqualTo(403);
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/decision", gw.token("root", Role.ADMIN, null), remove)
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http()
                        .post("/v1/flags/" + id + "/decision", mod(DEMO_VNG), remove)
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.http().post("/v1/flags/" + id + "/decision", null, remove).statusCode())
                .isEqualTo(401);
        assertThat(json(gw.http().get("/v1/flags/" + id, alice)).getString("status"))
                .as("nothing was decided")
                .isEqualTo("open");
    }

    @Test
    void theDeliveryLogIsPerPlatform() {
        String id = newFlag(DEMO_GAPO, "high");
        String decisionId = json(gw.http()
                        .post("/v1/flags/" + id + "/decision", mod(DEMO_GAPO), "{\"action\":\"warn\"}"))
                .getString("decisionId");
        await().until(() ->
                json(gw.http().get("/v1/webhooks/deliveries?status=delivered", mod(DEMO_GAPO)))
                        .getJsonArray("items")
                        .stream()
                        .anyMatch(o -> ((JsonObject) o).getString("id").equals("decision.created:" + decisionId)));
        assertThat(json(gw.http().get("/v1/webhooks/deliveries", mod(DEMO_VNG))).getJsonArray("items").stream()
                        .map(o -> ((JsonObject) o).getString("platform")))
                .doesNotContain(DEMO_GAPO);
        String admin = gw.token("root", Role.ADMIN, null);
        assertThat(gw.http().get("/v1/webhooks/deliveries", admin).statusCode()).isEqualTo(400);
        assertThat(json(gw.http().get("/v1/webhooks/deliveries?platform=" + DEMO_GAPO, admin))
                        .getJsonArray("items"))
                .isNotEmpty();
        assertThat(gw.http()
                        .get("/v1/webhooks/deliveries", gw.token("olga", Role.OFFICER, null))
                        .statusCode())
                .isEqualTo(403);
        assertThat(gw.http().get("/v1/webhooks/deliveries", null).statusCode()).isEqualTo(401);
        assertThat(gw.http()
                        .get("/v1/webhooks/deliveries?status=lost", mod(DEMO_GAPO))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void manyConcurrentClaimsExactlyOneWins() throws Exception {
        String id = newFlag(DEMO_GAPO, "high");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String token = gw.token("mod-" + i, Role.MODERATOR, DEMO_GAPO);
                codes.add(pool.submit(() -> gw.http()
                        .post("/v1/flags/" + id + "/claim", token, null)
                        .statusCode()));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : codes) got.add(f.get());
            assertThat(got).containsOnly(200, 409).filteredOn(c -> c == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRestartedGatewayServesTheSameQueue() {
        String decided = newFlag(DEMO_GAPO, "high");
        gw.http().post("/v1/flags/" + decided + "/decision", mod(DEMO_GAPO), "{\"action\":\"dismiss\"}");
        newFlag(DEMO_VNG, "low");
        List<JsonArray> before = snapshot();
        assertThat(before.get(0).stream().map(o -> ((JsonObject) o).getString("status")))
                .contains("decided");

        gw.close();
        gw = ReviewStack.gateway(broker.bootstrap(), null, platforms, clock);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Both platforms' queues; claims are in-memory locks, not queue content, so they are left out. */
    static List<JsonArray> snapshot() {
        List<JsonArray> out = new ArrayList<>();
        for (String p : List.of(DEMO_GAPO, DEMO_VNG)) {
            JsonArray items = json(gw.http().get("/v1/flags?limit=500", mod(p))).getJsonArray("items");
            items.forEach(o -> {
                JsonObject f = (JsonObject) o;
                if (f.remove("claim") != null) f.put("status", "open");
            });
            out.add(items);
        }
        return out;
    }
}
