package io.livemod.event;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
                missing.add(new NewTopic(t.name(), t.partitions(), replication).configs(t.config()));
            }
        }
        if (missing.isEmpty()) return List.of();
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance created them between list and create: that is the outcome we wanted.
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
        return missing.stream().map(NewTopic::name).toList();
    }
}
