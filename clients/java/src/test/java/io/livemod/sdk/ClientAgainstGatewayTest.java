package io.livemod.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.quota.Quota;
import io.livemod.sdk.ingest.Batcher;
import io.livemod.sdk.ingest.Comment;
import io.livemod.sdk.ingest.IngestResult;
import io.livemod.sdk.ingest.StreamEvent;
import io.livemod.sdk.stream.LiveSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client against a real gateway on the embedded broker: ingest, idempotent resends, quotas and retries, WebSocket acks. */
class ClientAgainstGatewayTest {
    private static final Instant TS = Instant.parse("2026-11-28T12:00:00Z");
    private final LocalGateway gw = LocalGateway.get();

    @Test
    void commentsAreStoredOnceHowEverOftenTheyAreSent() {
        gw.platform("cl-ingest", "secret-ingest", null, null, null);
        LivemodClient client = gw.client("cl-ingest", "secret-ingest", RetryPolicy.DEFAULT);
        List<Comment> batch = List.of(
                comment("a-1", "chào cả nhà"),
                comment("a-2", "hay quá").withUserName("Lan").withVerified(true),
                comment("a-3", "đúng rồi").withReplyTo("a-1").withAccountCreatedAt(TS.minusSeconds(86_400)));
        IngestResult first = client.sendComments(batch);
        assertThat(first.accepted()).isEqualTo(3);
        assertThat(first.rejected()).isEmpty();
        IngestResult again = client.sendComments(batch); // a retry after a lost answer: same ids
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
    }

    @Test
    void streamEventHelpersAreAcceptedAndAResentEventIsADuplicate() {
        gw.platform("cl-stream", "secret-stream", null, null, null);
        LivemodClient client = gw.client("cl-stream", "secret-stream", RetryPolicy.DEFAULT);
        List<StreamEvent> events = List.of(
                StreamEvent.started("live-9", "s-1", "Giao lưu cuối tuần", TS)
                        .withCommercial(true)
                        .withStreamerVerified(false)
                        .withDescription("Cùng nhau trò chuyện mỗi tối thứ bảy"),
                StreamEvent.viewers("live-9", "s-1", 1200, TS.plusSeconds(30)),
                StreamEvent.titleChanged("live-9", "s-1", "Giao lưu và bốc thăm", TS.plusSeconds(60)),
                StreamEvent.ended("live-9", "s-1", TS.plusSeconds(900)));
        assertThat(client.sendStreamEvents(events).accepted()).isEqualTo(4);
        assertThat(client.sendStreamEvents(List.of(StreamEvent.viewers("live-9", "s-1", 1200, TS.plusSeconds(30))))
                        .duplicates())
                .isEqualTo(1);
    }

    @Test
    void overTheQuotaTheClientWaitsAsRetryAfterSaysAndThenSucceeds() {
        gw.platform("cl-quota", "secret-quota", null, null, new Quota(5, 5));
        LivemodClient once = gw.client("cl-quota", "secret-quota", RetryPolicy.NONE);
        assertThat(once.sendComments(comments("q1-", 5)).accepted()).isEqualTo(5);
        LivemodException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                LivemodException.class, () -> once.sendComments(comments("q2-", 5)));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("quota_exceeded");
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(refused.retryable()).isTrue();

        double throttledBefore = gw.counter("livemod_ingest_throttled", "platform", "cl-quota");
        LivemodClient patient = gw.client(
                "cl-quota", "secret-quota", new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2)));
        patient.sendComments(comments("q3-", 5)); // drains the bucket again (after waiting for it if need be)
        IngestResult r = patient.sendComments(comments("q4-", 5));
        assertThat(r.accepted()).isEqualTo(5);
        assertThat(gw.counter("livemod_ingest_throttled", "platform", "cl-quota"))
                .isGreaterThan(throttledBefore);
    }

    @Test
    void aWrongSecretIsRefusedAtOnceWithTheGatewaysCodeAndBadEventsAreListedByIndex() {
        gw.platform("cl-bad", "secret-bad", null, null, null);
        LivemodException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                LivemodException.class, () -> gw.client("cl-bad", "not-the-secret", RetryPolicy.DEFAULT)
                        .sendComments(List.of(comment("b-1", "x"))));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.retryable()).isFalse();

        LivemodClient client = gw.client("cl-bad", "secret-bad", RetryPolicy.DEFAULT);
        byte[] mixed =
                "[{\"id\":\"b-2\",\"streamId\":\"s\",\"userId\":\"u\",\"text\":\"ok\",\"ts\":\"2026-11-28T12:00:00Z\"},{\"id\":\"b-3\",\"streamId\":\"s\",\"userId\":\"u\",\"ts\":\"2026-11-28T12:00:00Z\"}]"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IngestResult r = IngestResult.from(client.http()
                .send("POST", LivemodClient.COMMENTS, mixed, "application/json")
                .json());
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.index()).isEqualTo(1);
            assertThat(x.error()).isEqualTo("missing_field");
            assertThat(x.field()).contains("text");
        });
    }

    @Test
    void theBatcherDeliversEveryCommentInBatchesWithinTheLimits() throws Exception {
        gw.platform("cl-batch", "secret-batch", null, null, null);
        LivemodClient client = gw.client("cl-batch", "secret-batch", RetryPolicy.DEFAULT);
        List<CompletableFuture<IngestResult>> futures = new ArrayList<>();
        try (Batcher b = client.batcher(new Batcher.Settings(40, 64 * 1024, Duration.ofMillis(20), 200, 2))) {
            for (Comment c : comments("bt-", 250)) futures.add(b.add(c));
        }
        int accepted =
                futures.stream().distinct().mapToInt(f -> f.join().accepted()).sum();
        assertThat(accepted).isEqualTo(250);
        assertThat(futures.stream().distinct().count()).isGreaterThanOrEqualTo(7); // 250 / 40 per batch at most
    }

    @Test
    void aWebSocketAnswersEveryFrameInOrderAndHoldsTheSenderAtItsWindow() throws Exception {
        gw.platform("cl-ws", "secret-ws", null, null, null);
        LivemodClient client = gw.client("cl-ws", "secret-ws", RetryPolicy.DEFAULT);
        List<CompletableFuture<IngestResult>> acks = new ArrayList<>();
        try (LiveSocket socket = client.openSocket(3)) {
            acks.add(socket.send(List.of(StreamEvent.started("ws-live", "s-1", "Tối nay", TS))));
            for (int i = 0; i < 20; i++) {
                acks.add(socket.send(comments("ws" + i + "-", 10)));
                assertThat(socket.unacked()).isLessThanOrEqualTo(3);
            }
            acks.add(socket.send(comments("ws0-", 10))); // the first frame again: all duplicates
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        assertThat(acks.get(0).join().accepted()).isEqualTo(1);
        assertThat(acks.subList(1, 21))
                .allSatisfy(f -> assertThat(f.join().accepted()).isEqualTo(10));
        assertThat(acks.get(21).join().duplicates()).isEqualTo(10);
    }

    @Test
    void aWebSocketWithAWrongSignatureIsRefused() {
        gw.platform("cl-ws-bad", "secret-ws-bad", null, null, null);
        assertThatThrownBy(
                        () -> gw.client("cl-ws-bad", "wrong", RetryPolicy.NONE).openSocket(2))
                .isInstanceOf(LivemodException.class)
                .hasMessageContaining("upgrade");
    }

    static Comment comment(String id, String text) {
        return Comment.of(id, "live-1", "u-" + id, text, TS);
    }

    static List<Comment> comments(String prefix, int n) {
        List<Comment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(comment(prefix + i, "bình luận số " + i));
        return out;
    }
}
