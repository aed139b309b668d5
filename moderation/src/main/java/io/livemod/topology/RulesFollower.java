package io.livemod.topology;

import io.livemod.event.RuleSetRecord;
import io.livemod.event.TopicFollower;
import io.livemod.event.Topics;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted rules topic and activates the version published last. Every instance
 * reads the whole topic: rule sets are few and small, and each instance needs all of them. A
 * version that fails to compile is logged and skipped; the previous one stays active.
 */
public final class RulesFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesFollower.class);
    private final RuleBook book;
    private final TopicFollower<String, RuleSetRecord> follower;
    private long newestPublishedAt = Long.MIN_VALUE;

    public RulesFollower(String bootstrap, RuleBook book) {
        this.book = book;
        this.follower = new TopicFollower<>(bootstrap, Topics.RULES, (r, live) -> {
            if (r.value() != null) consider(r.value());
        });
    }

    public RulesFollower start() {
        follower.start();
        return this;
    }

    /** Waits until the topic has been read to its end once, so processing starts with the published rules. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        try {
            follower.caughtUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    private void consider(RuleSetRecord rec) {
        if (rec.publishedAt() < newestPublishedAt) return;
        newestPublishedAt = rec.publishedAt();
        try {
            CompiledRuleSet compiled =
                    CompiledRuleSet.compile(RuleSetLoader.parse("rules@" + rec.version(), rec.source()));
            if (book.activate(compiled)) LOG.info("rule set {} active", compiled.version());
        } catch (RuleSetException | RuntimeException e) {
            LOG.error(
                    "rule set {} refused, keeping {}: {}",
                    rec.version(),
                    book.current().version(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
