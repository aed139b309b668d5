package io.livemod.server;

import io.livemod.event.TopicProvisioner;
import io.livemod.event.TopicSizing;
import io.livemod.event.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Checks a bootstrap address before anything starts, and provisions the topics. */
public final class KafkaCheck {
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

    private KafkaCheck() {}

    public static String validAddress(String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank())
            throw new StartupException("--bootstrap: a Kafka address host:port is required");
        try {
            io.livemod.event.KafkaClients.validateEnvironment(); // TLS/SASL settings: a bad one stops here, named
        } catch (IllegalArgumentException e) {
            throw new StartupException("kafka: " + e.getMessage());
        }
        for (String part : bootstrap.split(",", -1)) {
            if (part.isBlank()) continue; // as Kafka's own list parsing: a stray comma is no server
            if (!HOST_PORT.matcher(part.trim()).matches()) {
                throw new StartupException("--bootstrap: '" + part.trim() + "' is not host:port");
            }
            int port = Integer.parseInt(part.trim().substring(part.trim().lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) throw new StartupException("--bootstrap: port " + port + " is out of range");
        }
        return bootstrap.trim();
    }

    /** Reaches the cluster without changing it (tools that only read), or says why not in one line. */
    public static void reach(String bootstrap) {
        withAdmin(bootstrap, admin -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));
    }

    /** Reaches the cluster and creates missing topics; replication 1 only for a one-broker cluster. */
    public static List<String> provision(String bootstrap) {
        try {
            TopicSizing.check();
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        return withAdmin(bootstrap, admin -> {
            int brokers =
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            short replication = (short) Math.min(3, brokers);
            return TopicProvisioner.ensure(admin, Topics.ALL, replication);
        });
    }

    public interface AdminCall<T> {
        T apply(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
    }

    /** Runs {@code call} on a short-lived admin client; every way of not reaching Kafka is one line. */
    public static <T> T withAdmin(String bootstrap, AdminCall<T> call) {
        try (Admin admin = Admin.create(io.livemod.event.KafkaClients.with(
                bootstrap,
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)))) {
            return call.apply(admin);
        } catch (TimeoutException | ExecutionException e) {
            throw new StartupException("cannot reach Kafka at " + bootstrap + " within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while reaching Kafka at " + bootstrap);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new StartupException("cannot use Kafka at " + bootstrap + ": " + e.getMessage());
        }
    }
}
