package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.Comment;
import io.livemod.event.PlatformRecord;
import io.livemod.event.StreamEvent;
import io.livemod.event.Topics;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.livemod.signing.RequestSignature;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebSocket ingest: signed upgrade, one ack per frame in frame order, events of both kinds in Kafka. */
class IngestSocketTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    static TestGateway gw;
    final String platform = "ws-" + UUID.randomUUID();
    final String secret = "s3cret";

    @BeforeAll
    static void start() {
        gw = new TestGateway(CLOCK);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Collects every text message the gateway sends. */
    static final class Acks implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonObject o = received.poll(30, TimeUnit.SECONDS);
            assertThat(o).as("an ack within 30 s").isNotNull();
            return o;
        }
    }

    WebSocket connect(Acks acks, String signingSecret) {
        long ts = Signer.timestamp(CLOCK, "GET", IngestSocket.PATH, new byte[0]);
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("X-Livemod-Platform", platform)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header(
                        "X-Livemod-Signature",
                        RequestSignature.v2(signingSecret, ts, "GET", IngestSocket.PATH, new byte[0]))
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(gw.url(IngestSocket.PATH).replace("http:", "ws:")), acks)
                .join();
    }

    static String comment(String id) {
        return new JsonObject()
                .put("kind", "comment")
                .put("id", id)
                .put("streamId", "live-1")
                .put("userId", "u1")
                .put("text", "chào " + id)
                .put("ts", "2026-11-28T20:00:00+07:00")
                .encode();
    }

    @Test
    void eachFrameIsAckedInOrderOnceItsEventsAreInKafka() throws Exception {
        gw.addPlatform(platform, secret);
        Acks acks = new Acks();
        WebSocket ws = connect(acks, secret);
        String streamEvent =
                "{\"kind\":\"stream-event\",\"id\":\"se1\",\"streamId\":\"live-1\",\"type\":\"viewers\",\"streamerId\":\"s1\",\"viewers\":1200,\"ts\":\"2026-11-28T20:00:00+07:00\"}";

        ws.sendText("[" + comment("w1") + "," + streamEvent + "]", true).join();
        for (int i = 2; i <= 20; i++)
            ws.sendText("[" + comment("w" + i) + "]", true).join();
        ws.sendText("[" + comment("w1") + ",{\"kind\":\"poll\",\"id\":\"x\"}]", true)
                .join();
        ws.sendText("not json", true).join();

        JsonObject first = acks.next();
        assertThat(first.getLong("frame")).isEqualTo(1);
        assertThat(first.getInteger("status")).isEqualTo(202);
        assertThat(first.getInteger("accepted")).isEqualTo(2);
        for (int i = 2; i <= 20; i++) assertThat(acks.next().getLong("frame")).isEqualTo(i);
        JsonObject mixed = acks.next();
        assertThat(mixed.getInteger("duplicates")).isEqualTo(1);
        assertThat(mixed.getJsonArray("rejected").getJsonObject(0).getString("field"))
                .isEqualTo("$[1].kind");
        JsonObject malformed = acks.next();
        assertThat(malformed.getLong("frame")).isEqualTo(22);
        assertThat(malformed.getInteger("status")).isEqualTo(400);
        assertThat(malformed.getString("error")).isEqualTo("malformed_body");

        List<Comment> comments = TestBroker.readAll(Topics.COMMENTS).stream()
                .map(ConsumerRecord::value)
                .filter(c -> c.platform().equals(platform))
                .toList();
        assertThat(comments).hasSize(20);
        List<StreamEvent> events = TestBroker.readAll(Topics.STREAM_EVENTS).stream()
                .map(ConsumerRecord::value)
                .filter(e -> e.platform().equals(platform))
                .toList();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.viewers())
                .isEqualTo(1200));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void aConnectionWhoseSecretExpiredIsClosedAtItsNextFrame() throws Exception {
        gw.addPlatform(platform, secret);
        Acks acks = new Acks();
        WebSocket ws = connect(acks, secret);
        ws.sendText("[" + comment("r1") + "]", true).join();
        assertThat(acks.next().getInteger("status")).isEqualTo(202);

        Platform rotated = gw.platforms.get(platform).orElseThrow();
        gw.platforms.put(new Platform(
                platform,
                platform,
                List.of(
                        new PlatformRecord.Secret("fresh", null),
                        new PlatformRecord.Secret(secret, CLOCK.millis() + 1000)),
                null,
                null,
                0,
                rotated.updatedAt() + 1));
        CLOCK.advance(Duration.ofSeconds(2));
        ws.sendText("[" + comment("r2") + "]", true).join();

        assertThat(acks.closedWith.get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(TestBroker.readAll(Topics.COMMENTS).stream()
                        .map(ConsumerRecord::value)
                        .filter(c -> c.platform().equals(platform))
                        .map(Comment::id))
                .containsExactly("r1");
    }

    @Test
    void anUpgradeThatDoesNotVerifyIsRefusedWith401() {
        gw.addPlatform(platform, secret);
        assertThatThrownBy(() -> connect(new Acks(), "wrong"))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }
}
