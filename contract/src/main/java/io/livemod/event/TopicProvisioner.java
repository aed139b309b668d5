package io.livemod.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the registry's topics that are missing; existing topics are left as they are. */
public final class TopicProvisioner {
    private TopicProvisioner() {}

    /** @return the names of the topics it created */
    public static List<String> ensure(Admin admin, List<Topic<?, ?>> topics, short replication)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> t : topics) {
            if (!existing.contains(t.name())) {
                missing.add(new NewTopic(t.name(), TopicSizing.partitions(t), replication).configs(t.config()));
            }
        }
        if (missing.isEmpty()) return List.of();
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance created them between list and create: that is the outcome we wanted.
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
        List<String> names = missing.stream().map(NewTopic::name).toList();
        awaitLeaders(admin, names);
        return names;
    }

    /**
     * Waits until every partition of the new topics has a leader: a produce right after creation
     * can otherwise meet NOT_LEADER_OR_FOLLOWER, which the idempotent producer retries for minutes.
     */
    public static void awaitLeaders(Admin admin, List<String> names)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean led;
            try {
                led = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(d -> d.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            } catch (ExecutionException e) {
                // Just created: the broker answering may not know the topic yet (UNKNOWN_TOPIC_OR_PARTITION,
                // retriable).
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) throw e;
                led = false;
            }
            if (led) return;
            if (System.nanoTime() > deadline)
                throw new TimeoutException("partitions of " + names + " have no leader after 30 s");
            TimeUnit.MILLISECONDS.sleep(50); // polling the cluster's metadata, not waiting for a test result
        }
    }
}
