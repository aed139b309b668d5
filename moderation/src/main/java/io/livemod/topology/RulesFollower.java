package io.livemod.topology;

import io.livemod.event.RuleSetRecord;
import io.livemod.event.Topics;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows the compacted rules topic from its start and activates the version published last.
 * Every instance reads the whole topic (no consumer group): rule sets are few and small, and each
 * instance needs all of them. A version that fails to compile is logged and skipped; the previous
 * one stays active.
 */
public final class RulesFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesFollower.class);
    private final KafkaConsumer<String, RuleSetRecord> consumer;
    private final RuleBook book;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private long newestPublishedAt = Long.MIN_VALUE;

    public RulesFollower(String bootstrap, RuleBook book) {
        this.book = book;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Topics.RULES.key().deserializer(), Topics.RULES.value().deserializer());
        this.thread = new Thread(this::run, "livemod-rules-follower");
        this.thread.setDaemon(true);
    }

    public RulesFollower start() {
        thread.start();
        return this;
    }

    /** Waits until the topic has been read to its end once, so processing starts with the published rules. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> parts = List.of(new TopicPartition(Topics.RULES.name(), 0));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                for (ConsumerRecord<String, RuleSetRecord> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) consider(r.value());
                }
                if (caughtUp.getCount() > 0 && consumer.position(parts.get(0)) >= end.get(parts.get(0))) caughtUp.countDown();
            }
        } catch (WakeupException e) {
            if (running) throw e;
        } catch (RuntimeException e) {
            LOG.error("rules follower stopped: {}", e.toString());
        } finally {
            consumer.close();
        }
    }

    private void consider(RuleSetRecord rec) {
        if (rec.publishedAt() < newestPublishedAt) return;
        newestPublishedAt = rec.publishedAt();
        try {
            CompiledRuleSet compiled = CompiledRuleSet.compile(RuleSetLoader.parse("rules@" + rec.version(), rec.source()));
            if (book.activate(compiled)) LOG.info("rule set {} active", compiled.version());
        } catch (RuleSetException | RuntimeException e) {
            LOG.error("rule set {} refused, keeping {}: {}", rec.version(), book.current().version(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
