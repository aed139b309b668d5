package io.livemod.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Topic;
import io.livemod.event.TopicFollower;
import io.livemod.event.TopicProvisioner;
import io.livemod.gateway.testkit.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * One follower per topic feeds every subscriber exactly what its own follower would have read:
 * the whole topic, or from its horizon on, with timestamps out of order across and within
 * partitions; after the catch-up, new records reach every subscriber as live.
 */
class TopicFeedsTest {
    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void eachSubscriberSeesWhatItsOwnFollowerWouldOneFollowerReads() throws Exception {
        String bootstrap = TestBroker.bootstrap();
        // A topic of its own: record times here are the test's, not other tests'.
        Topic<String, String> topic =
                new Topic<>("livemod.test-feeds-" + UUID.randomUUID(), Serdes.String(), Serdes.String(), 3, Map.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensure(admin, List.<Topic<?, ?>>of(topic), (short) 1);
        }
        long now = System.currentTimeMillis();
        // Days ago, per record: not monotonic, so a horizon's first offset is not a timestamp filter.
        long[] ages = {20, 3, 12, 1, 9, 30, 2, 6, 0, 15, 4, 8};
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < ages.length; i++) {
                producer.send(new ProducerRecord<>(topic.name(), i % 3, now - ages[i] * DAY, "k" + i, "v" + i))
                        .get();
            }
        }

        TopicFeeds feeds = new TopicFeeds(bootstrap);
        List<String> all = new CopyOnWriteArrayList<>();
        List<String> week = new CopyOnWriteArrayList<>();
        List<String> days = new CopyOnWriteArrayList<>();
        List<Boolean> liveFlags = new CopyOnWriteArrayList<>();
        var allSub = feeds.all(topic, (r, live) -> all.add(r.value()));
        feeds.since(topic, now - 7 * DAY, (r, live) -> week.add(r.value()));
        feeds.since(topic, now - 2 * DAY - 1, (r, live) -> {
            days.add(r.value());
            liveFlags.add(live);
        });
        List<String> ownWeek = new CopyOnWriteArrayList<>();
        List<String> ownDays = new CopyOnWriteArrayList<>();
        try (feeds;
                var w = TopicFollower.since(bootstrap, topic, now - 7 * DAY, (r, live) -> ownWeek.add(r.value()))
                        .start();
                var d = TopicFollower.since(bootstrap, topic, now - 2 * DAY - 1, (r, live) -> ownDays.add(r.value()))
                        .start()) {
            feeds.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> feeds.isCaughtUp() && w.isCaughtUp() && d.isCaughtUp());

            assertThat(feeds.followers()).isEqualTo(1);
            assertThat(allSub.isCaughtUp()).isTrue();
            assertThat(all).hasSize(ages.length);
            assertThat(week)
                    .containsExactlyInAnyOrderElementsOf(ownWeek)
                    .isNotEmpty()
                    .hasSizeLessThan(ages.length);
            assertThat(days)
                    .containsExactlyInAnyOrderElementsOf(ownDays)
                    .isNotEmpty()
                    .hasSizeLessThan(week.size());
            assertThat(liveFlags).containsOnly(false);

            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>(topic.name(), 1, now, "live", "new"))
                        .get();
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> all.contains("new") && week.contains("new") && days.contains("new"));
            assertThat(liveFlags.get(liveFlags.size() - 1))
                    .as("after the catch-up")
                    .isTrue();
        }
    }

    @Test
    void subscribingAfterStartIsRefusedNamingTheTopic() {
        Topic<String, String> topic = new Topic<>("livemod.test-late", Serdes.String(), Serdes.String(), 1, Map.of());
        try (TopicFeeds feeds = new TopicFeeds(TestBroker.bootstrap()).start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> feeds.all(topic, (r, live) -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("livemod.test-late");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer());
    }
}
