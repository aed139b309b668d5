package io.livemod.sdk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Batches close at their size or byte limit, or after the linger; add waits while maxPending comments are unanswered. */
class BatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<List<Comment>> batches = new CopyOnWriteArrayList<>();

    private IngestResult record(List<Comment> events, byte[] body) {
        batches.add(List.copyOf(events));
        bodies.add(body);
        return new IngestResult(events.size(), 0, List.of());
    }

    @Test
    void aBatchIsSentWhenItHoldsMaxEventsAndItsBodyIsTheirJsonArray() throws Exception {
        try (Batcher b = new Batcher(this::record, new Batcher.Settings(3, 1024 * 1024, Duration.ofHours(1), 100, 1))) {
            for (int i = 0; i < 7; i++) {
                var unused = b.add(comment(i, "chào " + i)); // the batches are what is checked
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 2);
            assertThat(batches.get(0)).extracting(Comment::id).containsExactly("c-0", "c-1", "c-2");
            JsonNode body = JSON.readTree(bodies.get(1));
            assertThat(body.isArray()).isTrue();
            assertThat(body.get(0).path("id").asText()).isEqualTo("c-3");
            assertThat(body.get(0).path("text").asText()).isEqualTo("chào 3");
            assertThat(body.get(0).has("kind")).isFalse();
        }
        assertThat(batches).hasSize(3); // close flushed the seventh
        assertThat(batches.get(2)).extracting(Comment::id).containsExactly("c-6");
    }

    @Test
    void aBatchIsSentBeforeTheNextCommentWouldTakeItOverMaxBytes() throws Exception {
        String text = "x".repeat(300);
        try (Batcher b = new Batcher(this::record, new Batcher.Settings(100, 1024, Duration.ofHours(1), 100, 1))) {
            for (int i = 0; i < 5; i++) {
                var unused = b.add(comment(i, text)); // the batches are what is checked
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() >= 2);
        }
        for (byte[] body : bodies) assertThat(body.length).isLessThanOrEqualTo(1024);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(5);
        assertThat(batches.get(0)).hasSize(2); // two 300-character comments fit in 1 KiB, a third does not
    }

    @Test
    void aPartialBatchLeavesAfterTheLinger() throws Exception {
        try (Batcher b =
                new Batcher(this::record, new Batcher.Settings(100, 1024 * 1024, Duration.ofMillis(100), 100, 1))) {
            CompletableFuture<IngestResult> first = b.add(comment(1, "a"));
            var unused = b.add(comment(2, "b"));
            assertThat(first.get(10, TimeUnit.SECONDS).accepted()).isEqualTo(2);
            assertThat(batches).hasSize(1);
        }
    }

    @Test
    void addWaitsWhileMaxPendingCommentsAreUnanswered() throws Exception {
        CountDownLatch gatewaySlow = new CountDownLatch(1);
        Batcher.Sink slow = (events, body) -> {
            try {
                gatewaySlow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return record(events, body);
        };
        try (Batcher b = new Batcher(slow, new Batcher.Settings(2, 1024 * 1024, Duration.ofMillis(1), 4, 1))) {
            for (int i = 0; i < 4; i++) {
                var unused = b.add(comment(i, "t")); // the batches are what is checked
            }
            AtomicBoolean fifthAdded = new AtomicBoolean();
            Thread producer = new Thread(() -> {
                try {
                    var unused = b.add(comment(4, "t"));
                    fifthAdded.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.getState() == Thread.State.WAITING);
            assertThat(fifthAdded).isFalse();
            gatewaySlow.countDown();
            await().atMost(Duration.ofSeconds(10)).untilTrue(fifthAdded);
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(5);
    }

    @Test
    void aFailedBatchFailsItsFutureAndBadSettingsAreRefusedNamingTheField() throws Exception {
        try (Batcher b = new Batcher(
                (e, body) -> {
                    throw new IllegalStateException("gateway down");
                },
                Batcher.Settings.DEFAULT)) {
            CompletableFuture<IngestResult> f = b.add(comment(1, "a"));
            b.flush();
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("gateway down");
        }
        assertThatThrownBy(() -> new Batcher.Settings(1001, 1024, Duration.ZERO, 2000, 1))
                .hasMessageContaining("maxEvents");
        assertThatThrownBy(() -> new Batcher.Settings(10, 2 * 1024 * 1024, Duration.ZERO, 2000, 1))
                .hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> Comment.of("c", "s", "u", "x".repeat(2001), Instant.now()))
                .hasMessageContaining("text");
        assertThatThrownBy(() -> Comment.of("c".repeat(129), "s", "u", "x", Instant.now()))
                .hasMessageContaining("id");
    }

    private static Comment comment(int i, String text) {
        return Comment.of("c-" + i, "live-1", "u-" + i, text, Instant.parse("2026-11-28T12:00:00Z"));
    }
}
