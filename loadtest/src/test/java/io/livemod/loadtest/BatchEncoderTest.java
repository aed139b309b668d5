package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.Json;
import io.livemod.rules.Severity;
import io.livemod.signing.RequestSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator's hand-written JSON and signature against the real parser and the gateway's signature. */
class BatchEncoderTest {
    @Test
    void batchesAreTheIngestJsonSignedAsTheGatewayChecks() {
        StreamBook streams = new StreamBook("lt1", 2, 2, 1.1, 100, 1);
        String text = "shop ơi \"áo\" này \\ còn size M không ạ 😍\tnha";
        TrafficPlan.Batch batch = new TrafficPlan.Batch(
                1,
                "b",
                List.of(
                        new TrafficPlan.Planned(41, 1, "v1-7", text, Truth.BENIGN, -1, (byte) 0),
                        new TrafficPlan.Planned(42, 3, "v3-1", "gg", Truth.BENIGN, -1, (byte) 0)));
        BatchEncoder encoder = new BatchEncoder("lt1", streams, Map.of("b", "secret-b"));
        BatchEncoder.Encoded e = encoder.encode(batch, "2026-11-28T12:00:00Z", 1_790_000_000L, false);
        JsonArray parsed = new JsonArray(e.body().toString(StandardCharsets.UTF_8));
        assertThat(parsed.getJsonObject(0))
                .isEqualTo(new JsonObject()
                        .put("id", "lt1-41")
                        .put("streamId", streams.id(1))
                        .put("userId", "v1-7")
                        .put("text", text)
                        .put("ts", "2026-11-28T12:00:00Z"));
        assertThat(parsed.getJsonObject(1).getString("id")).isEqualTo("lt1-42");
        assertThat(e.signature())
                .isEqualTo(RequestSignature.v2(
                        "secret-b",
                        1_790_000_000L,
                        "POST",
                        "/v1/ingest/comments",
                        e.body().getBytes()));
        // The Mac is reused: the next batch is signed afresh, not over both.
        BatchEncoder.Encoded again = encoder.encode(batch, "2026-11-28T12:00:01Z", 1_790_000_001L, false);
        assertThat(again.signature())
                .isEqualTo(RequestSignature.v2(
                        "secret-b",
                        1_790_000_001L,
                        "POST",
                        "/v1/ingest/comments",
                        again.body().getBytes()));
        BatchEncoder.Encoded frame = encoder.encode(batch, "2026-11-28T12:00:00Z", 1_790_000_000L, true);
        assertThat(new JsonArray(frame.body().toString()).getJsonObject(0).getString("kind"))
                .isEqualTo("comment");
    }

    @Test
    void realisticCommentsSayWhenTheirAccountWasCreated() {
        StreamBook streams = new StreamBook("lt1", 2, 2, 1.1, 100, 1);
        TrafficPlan.Batch batch = new TrafficPlan.Batch(
                1,
                "b",
                List.of(
                        new TrafficPlan.Planned(1, 1, "v1-7", "gg", Truth.BENIGN, -1, (byte) 0),
                        new TrafficPlan.Planned(2, 1, Accounts.BURST_PREFIX + "3-1", "gg", Truth.SPAM, 3, (byte) 0)));
        long now = java.time.Instant.parse("2026-11-28T12:00:00Z").getEpochSecond();
        JsonArray parsed = new JsonArray(new BatchEncoder("lt1", streams, Map.of("b", "s"), true)
                .encode(batch, "2026-11-28T12:00:00Z", now, false)
                .body()
                .toString(StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            String user = parsed.getJsonObject(i).getString("userId");
            java.time.Instant created =
                    java.time.Instant.parse(parsed.getJsonObject(i).getString("accountCreatedAt"));
            assertThat(java.time.Duration.between(created, java.time.Instant.ofEpochSecond(now))
                            .toDays())
                    .as(user)
                    .isEqualTo(Accounts.ageDays(user));
        }
        assertThat(Accounts.ageDays(Accounts.BURST_PREFIX + "3-1")).isLessThan(7);
    }

    @Test
    void fieldsAreReadWithoutParsingAndKeysInsideStringsDoNotMatch() {
        Flag f = Flag.builder("f-1", Flag.Kind.DUPLICATE_FLOOD)
                .comment("a", "lt1-game-3", "lt1-9", "u", "say \"kind\":\"keyword\" here ❤️")
                .category("spam")
                .severity(Severity.MEDIUM)
                .matches(List.of(new FlagMatch("duplicate_flood", "x", 0, 0, List.of())))
                .rulesVersion("v")
                .receivedAt(123)
                .detectedAt(456)
                .status(Flag.Status.OPEN)
                .build();
        byte[] bytes = Json.bytes(f);
        java.nio.ByteBuffer framed =
                java.nio.ByteBuffer.allocate(bytes.length + 20).put(new byte[7]).put(bytes);
        JsonScan json = JsonScan.of(
                framed.position(7).limit(7 + bytes.length).slice()); // a view into a larger buffer, as the taps get
        assertThat(json.string(JsonScan.key("commentId"))).isEqualTo("lt1-9");
        assertThat(json.string(JsonScan.key("kind"))).isEqualTo("duplicate_flood");
        assertThat(json.string(JsonScan.key("text"))).isEqualTo("say \"kind\":\"keyword\" here ❤️");
        assertThat(json.number(JsonScan.key("receivedAt"), -1)).isEqualTo(123);
        assertThat(json.string(JsonScan.key("absent"))).isNull();
        assertThat(json.contains("lt1-game".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(json.bytes()).isEqualTo(bytes);
        assertThat(JsonScan.of(Json.bytes(Map.of("n", 5))).string(JsonScan.key("n")))
                .isNull();
        assertThat(IngestClient.accepted(
                        io.vertx.core.buffer.Buffer.buffer("{\"accepted\":173,\"duplicates\":0,\"rejected\":[]}")))
                .isEqualTo(173);
    }
}
