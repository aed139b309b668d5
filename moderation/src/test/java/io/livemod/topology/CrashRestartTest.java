package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the moderation process (SIGKILL, a child JVM) while comments are still arriving, starts a
 * new one on the same state directory, and checks with a read_committed consumer that every
 * expected flag is there exactly once and no flag at all is duplicated.
 */
class CrashRestartTest {
    static final String RULES = """
            version: "crash-1"
            rules:
              - id: gambling
                kind: keyword
                category: gambling_ads
                severity: high
                match: phrase
                terms: ["nhà cái"]
            """;
    static final int AFTER_KILL = 1500;
    static final int MAX_COMMENTS = 30_000;
    static final String APP = "crash-test";

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) // the children's logs outlive a failure
    static Path dir;

    static BrokerFixture kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new BrokerFixture(dir.resolve("broker"));
        kafka.publishRules("crash-1", RULES, 1L);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) kafka.close();
    }

    static Comment comment(int i) {
        String text = i % 3 == 0 ? "vào nhà cái số " + i + " nhận thưởng" : "chào mọi người, bình luận thứ " + i;
        return Comment.builder("demo-gapo", "crash-" + i)
                .streamId("live-" + (i % 10))
                .userId("viewer-" + (i % 700))
                .text(text)
                .ts("2026-11-28T19:00:00+07:00")
                .receivedAt(System.currentTimeMillis())
                .build();
    }

    Process child(Path state, String name) throws Exception {
        Path marker = dir.resolve(name + ".running");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                cp,
                ModerationMain.class.getName(),
                kafka.bootstrap(),
                state.toString(),
                APP,
                marker.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Process p = pb.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker) || !p.isAlive());
        assertThat(p.isAlive())
                .as("child %s is running, see %s", name, dir.resolve(name + ".log"))
                .isTrue();
        return p;
    }

    @Test
    void aKilledModerationProcessRestartsWithNoFlagLostAndNoneDuplicated() throws Exception {
        Path state = dir.resolve("state");
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger sentAtKill = new AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicReference<String> sendFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Process first = child(state, "first");
        Process second = null;
        try (KafkaProducer<String, Comment> producer = kafka.producer(
                Topics.COMMENTS.key().serializer(), Topics.COMMENTS.value().serializer())) {
            // Sends until well after the kill (bounded), so the crash always lands mid-stream.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < MAX_COMMENTS; i++) {
                    int killedAt = sentAtKill.get();
                    if (killedAt >= 0 && i >= killedAt + AFTER_KILL) break;
                    Comment c = comment(i);
                    var unused = producer.send(new ProducerRecord<>(Topics.COMMENTS.name(), c.key(), c), (md, e) -> {
                        if (e != null && sendFailure.get() == null) sendFailure.set(c.id() + ": " + e);
                    });
                    sent.incrementAndGet();
                    if (i % 50 == 49) {
                        producer.flush();
                        try {
                            TimeUnit.MILLISECONDS.sleep(25); // a steady live stream, not one burst
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                producer.flush();
            });
            // Mid-stream: some flags are committed, most comments are still to come.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> kafka.readAll(Topics.FLAGS).size() >= 50);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            sentAtKill.set(sent.get());

            second = child(state, "second");
            sending.get(120, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(90)).until(() -> kafka.lag(APP, Topics.COMMENTS.name()) == 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.settled(Topics.FLAGS.name()));
        } finally {
            first.destroyForcibly();
            if (second != null) second.destroyForcibly();
        }

        assertThat(sendFailure.get())
                .as("a comment the test sent never reached Kafka")
                .isNull();
        List<Flag> flags =
                kafka.readAll(Topics.FLAGS).stream().map(ConsumerRecord::value).toList();
        Map<String, Long> perId = flags.stream().collect(Collectors.groupingBy(Flag::flagId, Collectors.counting()));
        assertThat(perId.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("flag ids seen more than once")
                .isEmpty();
        Map<String, Integer> expected = new java.util.HashMap<>();
        System.out.printf(
                "crash test: %d comments, %d sent before the kill, %d flags%n",
                sent.get(), sentAtKill.get(), flags.size());
        assertThat(sent.get())
                .as("comments went on after the kill")
                .isGreaterThanOrEqualTo(sentAtKill.get() + AFTER_KILL);
        for (int i = 0; i < sent.get(); i += 3)
            expected.put(KeywordFlagger.flagId("demo-gapo", "crash-" + i, Flag.Kind.KEYWORD), i);
        Set<String> keywordIds = flags.stream()
                .filter(f -> f.kind() == Flag.Kind.KEYWORD)
                .map(Flag::flagId)
                .collect(Collectors.toSet());
        // Named by comment number, so a failure says which part of the stream was lost (before, around or after the
        // kill).
        List<Integer> missing = expected.entrySet().stream()
                .filter(e -> !keywordIds.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        List<String> unexpected =
                keywordIds.stream().filter(id -> !expected.containsKey(id)).toList();
        assertThat(missing.size())
                .as(
                        "comments whose keyword flag is missing: %s (%d sent, %d before the kill); logs in %s",
                        ranges(missing), sent.get(), sentAtKill.get(), dir)
                .isZero();
        assertThat(unexpected).as("keyword flags for comments never sent").isEmpty();
        assertThat(flags).filteredOn(f -> f.kind() == Flag.Kind.KEYWORD).allSatisfy(f -> assertThat(f.rulesVersion())
                .isEqualTo("crash-1"));
    }

    /** "3-300, 906" rather than a hundred numbers: consecutive multiples of 3 are one range. */
    static String ranges(List<Integer> numbers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < numbers.size(); ) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 3) j++;
            if (out.length() > 0) out.append(", ");
            out.append(numbers.get(i)).append(i == j ? "" : "-" + numbers.get(j));
            i = j + 1;
        }
        return out.toString();
    }
}
