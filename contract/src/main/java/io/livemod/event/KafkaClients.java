package io.livemod.event;

import static io.livemod.settings.KafkaCatalogue.*;

import io.livemod.settings.KafkaCatalogue;
import io.livemod.settings.ProcessSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The security settings of every Kafka client the project creates (producers, consumers, admin,
 * Streams), in one place: TLS (server verified against a PEM CA), mutual TLS (a PEM client key and
 * certificate), SASL over TLS (PLAIN or SCRAM). Read once from the process's settings (environment
 * over config file; the variables are {@link KafkaCatalogue}'s); a cluster named by its bootstrap can
 * be given its own settings ({@link #register}: tests, tools).
 */
public final class KafkaClients {
    private static final Map<String, Map<String, Object>> BY_BOOTSTRAP = new ConcurrentHashMap<>();
    private static volatile Map<String, Object> fromEnv;

    private KafkaClients() {}

    /** {@code base} (bootstrap, serializers, tuning) with the cluster's security settings added. */
    public static Map<String, Object> with(String bootstrap, Map<String, ?> base) {
        Map<String, Object> all = new HashMap<>(base);
        all.putAll(security(bootstrap));
        return all;
    }

    public static Properties with(String bootstrap, Properties base) {
        Properties p = new Properties();
        p.putAll(base);
        p.putAll(security(bootstrap));
        return p;
    }

    /** The security settings for this cluster: registered ones, else the environment's. */
    public static Map<String, Object> security(String bootstrap) {
        Map<String, Object> own = BY_BOOTSTRAP.get(bootstrap);
        if (own != null) return own;
        Map<String, Object> env = fromEnv;
        if (env == null) fromEnv = env = settings(ProcessSettings.source());
        return env;
    }

    /** Settings for one cluster, e.g. a test broker with its own certificates. */
    public static void register(String bootstrap, Map<String, Object> settings) {
        BY_BOOTSTRAP.put(bootstrap, Map.copyOf(settings));
    }

    /** Checks the environment's settings now, so a mistake stops a role at start with a reason. */
    public static void validateEnvironment() {
        fromEnv = settings(ProcessSettings.source());
    }

    /** The client settings the variables describe; a refused value names its variable. */
    public static Map<String, Object> settings(Function<String, String> env) {
        String protocol = SECURITY_PROTOCOL.read(env);
        if (protocol.equals("PLAINTEXT")) return Map.of();
        Map<String, Object> s = new HashMap<>();
        s.put("security.protocol", protocol);
        String ca = CA.read(env);
        if (ca != null) {
            s.put("ssl.truststore.type", "PEM");
            s.put("ssl.truststore.location", readable(CA.env(), ca));
        }
        String keystore = CLIENT_KEYSTORE.read(env);
        if (keystore != null) {
            s.put("ssl.keystore.type", "PEM");
            s.put("ssl.keystore.location", readable(CLIENT_KEYSTORE.env(), keystore));
        }
        if (protocol.equals("SASL_SSL")) {
            String mechanism = SASL_MECHANISM.read(env);
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            String user = SASL_USERNAME.read(env);
            String password = SASL_PASSWORD.read(env);
            if (user == null || password == null) {
                throw new IllegalArgumentException(
                        "LIVEMOD_KAFKA_SASL_USERNAME and LIVEMOD_KAFKA_SASL_PASSWORD: required with SASL_SSL");
            }
            s.put("sasl.mechanism", mechanism);
            s.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + jaas(user) + "\" password=\"" + jaas(password) + "\";");
        }
        return Map.copyOf(s);
    }

    private static String readable(String variable, String file) {
        if (!Files.isReadable(Path.of(file))) throw new IllegalArgumentException(variable + ": cannot read " + file);
        return file;
    }

    private static String jaas(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
