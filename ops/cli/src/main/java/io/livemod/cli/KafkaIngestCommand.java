package io.livemod.cli;

import io.livemod.event.InboundTopics;
import io.livemod.event.KafkaClients;
import io.livemod.event.Topics;
import io.livemod.ingest.InboundAccess;
import io.livemod.server.KafkaCheck;
import io.livemod.server.StartupException;
import io.livemod.settings.KafkaCatalogue;
import io.livemod.settings.ProcessSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livemod kafka-ingest}: lets a registered platform produce to its own inbound topic with its
 * own Kafka principal ({@link InboundAccess} does the work). An operator's command: it needs a Kafka
 * principal that may create topics and ACLs, which the gateway does not hold.
 */
@Command(
        name = "kafka-ingest",
        mixinStandardHelpOptions = true,
        description = "Kafka-native ingest: give a platform's Kafka principal its own inbound topic, or take it back.",
        subcommands = {KafkaIngestCommand.Enable.class, KafkaIngestCommand.Disable.class, KafkaIngestCommand.Show.class
        })
public final class KafkaIngestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: enable, disable or show");
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port]")
        String bootstrap;

        @Option(
                names = "--platform",
                required = true,
                description = "The platform's id, as registered (POST /v1/platforms).")
        String platform;

        String topic() {
            try {
                return InboundTopics.name(platform);
            } catch (IllegalArgumentException e) {
                throw new StartupException("--platform: " + e.getMessage());
            }
        }

        <T> T admin(KafkaCheck.AdminCall<T> call) {
            String b = KafkaCheck.validAddress(bootstrap);
            return KafkaCheck.withAdmin(b, admin -> {
                try {
                    return call.apply(admin);
                } catch (ExecutionException e) {
                    throw new StartupException("kafka refused: " + e.getCause().getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new StartupException(e.getMessage(), e);
                }
            });
        }

        java.io.PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(List<AclBinding> acls) {
            for (AclBinding b : acls) {
                out().println("  " + b.entry().permissionType() + " "
                        + b.entry().principal() + " " + b.entry().operation() + " on "
                        + b.pattern().patternType().toString().toLowerCase(java.util.Locale.ROOT) + " topic "
                        + b.pattern().name());
            }
        }
    }

    @Command(
            name = "enable",
            mixinStandardHelpOptions = true,
            description =
                    "Create the platform's inbound topic; its principal may WRITE it and nothing else, Livemod's may READ every inbound topic.")
    static final class Enable extends Base {
        @Option(names = "--principal", required = true, description = "The platform's Kafka principal, User:<name>.")
        String principal;

        @Option(
                names = "--livemod-principal",
                description = "Livemod's own Kafka principal (default: User:$LIVEMOD_KAFKA_SASL_USERNAME).")
        String livemodPrincipal;

        @Override
        public Integer call() {
            String topic = topic();
            String livemod = livemodPrincipal != null ? livemodPrincipal : defaultLivemodPrincipal();
            InboundAccess.Grant g = admin(admin -> {
                if (!registered(bootstrap.trim(), platform)) {
                    throw new StartupException("--platform: no platform '" + platform
                            + "' is registered; create it first (POST /v1/platforms)");
                }
                int brokers = admin.describeCluster()
                        .nodes()
                        .get(10, TimeUnit.SECONDS)
                        .size();
                return InboundAccess.enable(admin, platform, principal, livemod, (short) Math.min(3, brokers));
            });
            out().println((g.topicCreated() ? "created " : "kept ") + topic + "; " + g.principal()
                    + " may write it. ACLs on the topic:");
            print(g.acls());
            if (!g.elsewhere().isEmpty()) {
                out().println("warning: " + g.principal() + " also holds ACLs elsewhere; review them:");
                print(g.elsewhere());
            }
            out().println(
                            "the moderation application picks the topic up within 5 minutes (its consumers' metadata refresh)");
            return 0;
        }

        private static String defaultLivemodPrincipal() {
            String user = KafkaCatalogue.SASL_USERNAME.read(ProcessSettings.source());
            if (user == null) {
                throw new StartupException("--livemod-principal: required when LIVEMOD_KAFKA_SASL_USERNAME is not set");
            }
            return "User:" + user;
        }

        /** Whether the compacted platforms topic holds the platform (its last record is not a tombstone). */
        private static boolean registered(String bootstrap, String id) {
            Set<String> ids = new HashSet<>();
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(
                    KafkaClients.with(bootstrap, Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                    new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(Topics.PLATFORMS.name(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
                while (parts.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(10)) < end.get(tp))) {
                    c.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (r.value() == null) ids.remove(r.key());
                        else ids.add(r.key());
                    });
                }
            }
            return ids.contains(id);
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description =
                    "Revoke the platform's ACLs on its inbound topic; the topic and what it holds stay, and are still validated.")
    static final class Disable extends Base {
        @Override
        public Integer call() {
            String topic = topic();
            int n = admin(admin -> InboundAccess.disable(admin, platform));
            out().println("revoked " + n + " ACL(s) on " + topic);
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "List the ACLs that apply to the platform's inbound topic.")
    static final class Show extends Base {
        @Override
        public Integer call() {
            String topic = topic();
            List<AclBinding> acls = admin(admin -> InboundAccess.applying(admin, topic));
            out().println(topic + ":");
            print(acls);
            return 0;
        }
    }
}
