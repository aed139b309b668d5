package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Comment;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topics;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.quota.Quota;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.livemod.signing.RequestSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signed HTTP ingest against a real gateway and broker: every rejection reason, and what reaches Kafka. */
class IngestHttpTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    static TestGateway gw;
    String platform;
    final String secret = "s3cret-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        gw = new TestGateway(CLOCK);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void newPlatform() {
        platform = "p-" + UUID.randomUUID();
        gw.addPlatform(platform, secret);
    }

    static String comment(String id) {
        return new JsonObject()
                .put("id", id)
                .put("streamId", "live-1")
                .put("userId", "u-" + id)
                .put("text", "xin chào " + id)
                .put("ts", "2026-11-28T20:00:00+07:00")
                .encode();
    }

    HttpResponse<String> comments(String body) {
        return gw.post("/v1/ingest/comments", platform, secret, body);
    }

    List<Comment> stored() {
        return TestBroker.readAll(Topics.COMMENTS).stream()
                .map(ConsumerRecord::value)
                .filter(c -> c.platform().equals(platform))
                .toList();
    }

    @Test
    void acceptedEventsAreInKafkaStampedWithTheReceiveTimeAndKeepTheirOwnTimestamp() {
        HttpResponse<String> r = comments("[" + comment("c1") + "," + comment("c2") + "]");

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(new JsonObject(r.body()))
                .isEqualTo(
                        new JsonObject().put("accepted", 2).put("duplicates", 0).put("rejected", new JsonArray()));
        assertThat(stored()).extracting(Comment::id).containsExactlyInAnyOrder("c1", "c2");
        assertThat(stored()).allSatisfy(c -> {
            assertThat(c.receivedAt()).isEqualTo(CLOCK.millis());
            assertThat(c.ts()).isEqualTo("2026-11-28T20:00:00+07:00");
            assertThat(c.accountCreated()).as("not sent").isNull();
        });
        assertThat(gw.counter("livemod_ingest_accepted", "platform", platform)).isEqualTo(2);
    }

    @Test
    void theAccountsCreationTimeIsStoredAsAnInstant() {
        String c = new JsonObject(comment("a1"))
                .put("accountCreatedAt", "2026-11-27T09:30:00+07:00")
                .encode();
        assertThat(comments("[" + c + "]").statusCode()).isEqualTo(202);
        assertThat(stored()).singleElement().satisfies(x -> assertThat(x.accountCreated())
                .isEqualTo(java.time.Instant.parse("2026-11-27T02:30:00Z").toEpochMilli()));
    }

    static Stream<Arguments> invalidComments() {
        String ok = comment("x1");
        return Stream.of(
                Arguments.of(ok.replace("\"text\":\"xin chào x1\",", ""), "missing_field", "$[1].text"),
                Arguments.of(ok.replace("\"userId\":\"u-x1\"", "\"userId\":42"), "invalid_type", "$[1].userId"),
                Arguments.of(ok.replace("xin chào x1", "a".repeat(2001)), "too_long", "$[1].text"),
                Arguments.of(
                        ok.replace("\"id\":\"x1\"", "\"id\":\"" + "i".repeat(129) + "\""), "invalid_length", "$[1].id"),
                Arguments.of(ok.replace("\"id\":\"x1\"", "\"id\":\"\""), "invalid_length", "$[1].id"),
                Arguments.of(ok.replace("2026-11-28T20:00:00+07:00", "yesterday"), "invalid_timestamp", "$[1].ts"),
                Arguments.of(ok.replace("xin chào x1", "\\ud800 lone"), "invalid_text", "$[1].text"),
                Arguments.of(ok.replace("}", ",\"verified\":\"yes\"}"), "invalid_type", "$[1].verified"),
                Arguments.of(
                        ok.replace("}", ",\"accountCreatedAt\":\"last week\"}"),
                        "invalid_timestamp",
                        "$[1].accountCreatedAt"),
                Arguments.of(
                        ok.replace("}", ",\"accountCreatedAt\":20261128}"), "invalid_type", "$[1].accountCreatedAt"),
                Arguments.of("\"just a string\"", "invalid_type", "$[1]"));
    }

    @ParameterizedTest
    @MethodSource("invalidComments")
    void anInvalidEventIsListedWithItsReasonWhileTheValidOnesAreStored(String bad, String error, String field) {
        HttpResponse<String> r = comments("[" + comment("good-1") + "," + bad + "," + comment("good-2") + "]");

        assertThat(r.statusCode()).isEqualTo(202);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getInteger("accepted")).isEqualTo(2);
        assertThat(body.getJsonArray("rejected")).hasSize(1);
        JsonObject rejection = body.getJsonArray("rejected").getJsonObject(0);
        assertThat(rejection.getInteger("index")).isEqualTo(1);
        assertThat(rejection.getString("error")).isEqualTo(error);
        assertThat(rejection.getString("field")).isEqualTo(field);
        assertThat(stored()).extracting(Comment::id).containsExactlyInAnyOrder("good-1", "good-2");
        assertThat(gw.counter("livemod_ingest_rejected", "platform", platform, "reason", error))
                .isEqualTo(1);
    }

    @Test
    void aBatchWithNoValidEventIs400AndListsEveryProblem() {
        HttpResponse<String> r = comments("[{\"id\":\"a\"},{\"text\":1}]");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("error")).isEqualTo("no_valid_event");
        assertThat(body.getJsonArray("rejected")).hasSize(2);
        assertThat(stored()).isEmpty();
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                Arguments.of("not json", 400, "malformed_body"),
                Arguments.of("{\"id\":\"c1\"}", 400, "malformed_body"),
                Arguments.of("[" + comment("c1") + "] trailing", 400, "malformed_body"),
                Arguments.of(
                        "[{\"id\":\"a\",\"id\":\"b\",\"streamId\":\"s\",\"userId\":\"u\",\"text\":\"t\",\"ts\":\"2026-11-28T20:00:00Z\"}]",
                        400,
                        "malformed_body"),
                Arguments.of("[]", 400, "no_valid_event"),
                Arguments.of("[".repeat(5000) + "]".repeat(5000), 400, "too_deep"),
                Arguments.of(
                        "[" + String.join(",", java.util.Collections.nCopies(1001, comment("c"))) + "]",
                        413,
                        "too_many_events"));
    }

    @ParameterizedTest
    @MethodSource("refusedBodies")
    void aBodyThatIsNotABatchIsRefusedWholeAndNothingIsStored(String body, int status, String error) {
        HttpResponse<String> r = comments(body);

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo(error);
        assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("$");
        assertThat(stored()).isEmpty();
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = ("[" + comment("c1") + "]").getBytes(StandardCharsets.UTF_8);
        body[body.length - 10] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        HttpResponse<String> r = gw.post("/v1/ingest/comments", platform, secret, body, "application/json");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("invalid_utf8");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String big = "[" + comment("c1").replace("xin chào c1", "a".repeat(1024 * 1024)) + "]";
        HttpResponse<String> r = comments(big);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("body_too_large");
    }

    @Test
    void ndjsonLinesAreIndependentEvents() {
        String body = comment("n1") + "\n{broken\n\n" + comment("n2") + "\r\n";
        HttpResponse<String> r = gw.post(
                "/v1/ingest/comments", platform, secret, body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

        assertThat(r.statusCode()).isEqualTo(202);
        JsonObject out = new JsonObject(r.body());
        assertThat(out.getInteger("accepted")).isEqualTo(2);
        assertThat(out.getJsonArray("rejected").getJsonObject(0).getString("error"))
                .isEqualTo("malformed_json");
        assertThat(out.getJsonArray("rejected").getJsonObject(0).getInteger("index"))
                .isEqualTo(1);
        assertThat(stored()).extracting(Comment::id).containsExactlyInAnyOrder("n1", "n2");
    }

    @Test
    void streamEventsAreValidatedAndStoredOnTheirTopic() {
        String ok =
                "{\"id\":\"e1\",\"streamId\":\"live-9\",\"type\":\"started\",\"streamerId\":\"s1\",\"title\":\"Bán hàng\",\"commercial\":true,\"ts\":\"2026-11-28T20:00:00+07:00\",\"description\":\"Hàng mới về\"}";
        String badType = ok.replace("\"e1\"", "\"e2\"").replace("started", "paused");
        String badViewers = ok.replace("\"e1\"", "\"e3\"").replace("\"commercial\":true", "\"viewers\":-5");
        String longDescription = ok.replace("\"e1\"", "\"e4\"").replace("Hàng mới về", "x".repeat(2001));
        HttpResponse<String> r = gw.post(
                "/v1/ingest/stream-events",
                platform,
                secret,
                "[" + ok + "," + badType + "," + badViewers + "," + longDescription + "]");

        assertThat(r.statusCode()).isEqualTo(202);
        JsonArray rejected = new JsonObject(r.body()).getJsonArray("rejected");
        assertThat(rejected.stream().map(o -> ((JsonObject) o).getString("field")))
                .containsExactly("$[1].type", "$[2].viewers", "$[3].description");
        assertThat(rejected.getJsonObject(2).getString("error")).isEqualTo("too_long");
        assertThat(rejected.getJsonObject(0).getString("id")).isEqualTo("e2");
        List<StreamEvent> events = TestBroker.readAll(Topics.STREAM_EVENTS).stream()
                .map(ConsumerRecord::value)
                .filter(e -> e.platform().equals(platform))
                .toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("e1");
            assertThat(e.commercial()).isTrue();
            assertThat(e.description()).isEqualTo("Hàng mới về");
            assertThat(e.receivedAt()).isEqualTo(CLOCK.millis());
        });
    }

    @Test
    void aRetriedBatchIsCountedAsDuplicatesAndNotStoredTwice() {
        String batch = "[" + comment("d1") + "," + comment("d2") + "," + comment("d1") + "]";
        HttpResponse<String> first = comments(batch);
        HttpResponse<String> retry = comments(batch);

        assertThat(new JsonObject(first.body()).getInteger("accepted")).isEqualTo(2);
        assertThat(new JsonObject(first.body()).getInteger("duplicates")).isEqualTo(1);
        assertThat(new JsonObject(retry.body()).getInteger("accepted")).isZero();
        assertThat(new JsonObject(retry.body()).getInteger("duplicates")).isEqualTo(3);
        assertThat(stored()).extracting(Comment::id).containsExactlyInAnyOrder("d1", "d2");
        assertThat(gw.counter("livemod_ingest_duplicates", "platform", platform))
                .isEqualTo(4);
    }

    @Test
    void overItsQuotaAPlatformGets429WithRetryAfterAndNothingIsStored() {
        gw.platforms.put(new Platform(
                platform, platform, gw.platforms.get(platform).orElseThrow().keys(), null, new Quota(2, 3), 0, 0));
        assertThat(comments("[" + comment("q1") + "," + comment("q2") + "]").statusCode())
                .isEqualTo(202);

        HttpResponse<String> r = comments("[" + comment("q3") + "," + comment("q4") + "]");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("quota_exceeded");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(stored()).extracting(Comment::id).containsExactlyInAnyOrder("q1", "q2");
        CLOCK.advance(Duration.ofMillis(250)); // 1 token left + 0.5 refilled: 1.5 of the 2 needed
        assertThat(comments("[" + comment("q3") + "," + comment("q4") + "]").statusCode())
                .isEqualTo(429);
        CLOCK.advance(Duration.ofMillis(250));
        assertThat(comments("[" + comment("q3") + "," + comment("q4") + "]").statusCode())
                .isEqualTo(202);
        assertThat(gw.counter("livemod_ingest_throttled", "platform", platform)).isEqualTo(4);
    }

    static Stream<Arguments> badSignatures() {
        return Stream.of(
                Arguments.of("missing headers", "unauthorized"),
                Arguments.of("wrong secret", "unauthorized"),
                Arguments.of("unknown platform", "unauthorized"),
                Arguments.of("body changed after signing", "unauthorized"),
                Arguments.of("timestamp 301 s old", "stale_timestamp"),
                Arguments.of("timestamp 301 s ahead", "stale_timestamp"),
                Arguments.of("signed for GET /v1/platform/takedowns", "unauthorized"),
                Arguments.of("signed for another query", "unauthorized"),
                Arguments.of("v1 from a platform not marked legacy", "unsupported_signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void aRequestThatDoesNotVerifyIs401(String why, String error) {
        byte[] body = ("[" + comment("a1") + "]").getBytes(StandardCharsets.UTF_8);
        long ts = CLOCK.millis() / 1000 + (why.contains("old") ? -301 : why.contains("ahead") ? 301 : 0);
        String sig = why.startsWith("signed for GET")
                ? RequestSignature.v2(secret, ts, "GET", "/v1/platform/takedowns", new byte[0])
                : why.contains("query")
                        ? RequestSignature.v2(secret, ts, "POST", "/v1/ingest/comments?x=1", body)
                        : why.startsWith("v1")
                                ? RequestSignature.v1(secret, ts, body)
                                : RequestSignature.v2(
                                        why.equals("wrong secret") ? "other" : secret,
                                        ts,
                                        "POST",
                                        "/v1/ingest/comments",
                                        body);
        if (why.startsWith("signed for GET")) body = new byte[0];
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(gw.url("/v1/ingest/comments")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        why.contains("changed") ? "[]".getBytes(StandardCharsets.UTF_8) : body));
        if (!why.equals("missing headers")) {
            req.header("X-Livemod-Platform", why.equals("unknown platform") ? "nobody" : platform)
                    .header("X-Livemod-Timestamp", Long.toString(ts))
                    .header("X-Livemod-Signature", sig);
        }
        HttpResponse<String> r = TestGateway.send(req.build());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo(error);
        assertThat(stored()).isEmpty();
    }

    @Test
    void eachSignatureIsAcceptedOnceAndARetrySignsAgain() {
        byte[] body = ("[" + comment("r1") + "]").getBytes(StandardCharsets.UTF_8);
        long ts = Signer.timestamp(
                CLOCK, "POST", "/v1/ingest/comments", body); // so the retry below signs at another second
        HttpRequest signed = HttpRequest.newBuilder(URI.create(gw.url("/v1/ingest/comments")))
                .header("X-Livemod-Platform", platform)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header("X-Livemod-Signature", RequestSignature.v2(secret, ts, "POST", "/v1/ingest/comments", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        assertThat(TestGateway.send(signed).statusCode()).isEqualTo(202);
        HttpResponse<String> replayed = TestGateway.send(signed);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(replayed.body()).getString("error")).isEqualTo("replayed_signature");
        // The same bytes signed afresh (another timestamp) are a retry: a duplicate, not a replay.
        assertThat(new JsonObject(comments("[" + comment("r1") + "]").body()).getInteger("duplicates"))
                .isEqualTo(1);
    }

    @Test
    void aPlatformMarkedLegacyMayStillSignWithV1() {
        gw.platforms.put(gw.platforms.get(platform).orElseThrow().withLegacySignatures(true));
        byte[] body = ("[" + comment("l1") + "]").getBytes(StandardCharsets.UTF_8);
        long ts = CLOCK.millis() / 1000;
        HttpResponse<String> r = TestGateway.send(HttpRequest.newBuilder(URI.create(gw.url("/v1/ingest/comments")))
                .header("X-Livemod-Platform", platform)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header("X-Livemod-Signature", RequestSignature.v1(secret, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(stored()).extracting(Comment::id).containsExactly("l1");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        HttpResponse<String> r = TestGateway.send(
                HttpRequest.newBuilder(URI.create(gw.url("/openapi.yaml"))).build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.").contains("/v1/ingest/comments:");
    }
}
