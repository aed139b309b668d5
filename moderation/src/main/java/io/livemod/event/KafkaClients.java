package io.livemod.event;

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
 * certificate), SASL over TLS (PLAIN or SCRAM). Read from the environment once; a cluster named by
 * its bootstrap can be given its own settings ({@link #register}: tests, tools).
 *
 * <pre>
 * LIVEMOD_KAFKA_SECURITY_PROTOCOL  PLAINTEXT (default) | SSL | SASL_SSL
 * LIVEMOD_KAFKA_CA                 PEM file of the CA(s) that signed the brokers' certificates
 * LIVEMOD_KAFKA_CLIENT_KEYSTORE    PEM file with this client's PKCS#8 key and certificate chain (mutual TLS)
 * LIVEMOD_KAFKA_SASL_MECHANISM     PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512 (SASL_SSL)
 * LIVEMOD_KAFKA_SASL_USERNAME, LIVEMOD_KAFKA_SASL_PASSWORD
 * </pre>
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
        if (env == null) fromEnv = env = settings(System::getenv);
        return env;
    }

    /** Settings for one cluster, e.g. a test broker with its own certificates. */
    public static void register(String bootstrap, Map<String, Object> settings) {
        BY_BOOTSTRAP.put(bootstrap, Map.copyOf(settings));
    }

    /** Checks the environment's settings now, so a mistake stops a role at start with a reason. */
    public static void validateEnvironment() {
        fromEnv = settings(System::getenv);
    }

    /** The client settings the variables describe; a refused value names its variable. */
    public static Map<String, Object> settings(Function<String, String> env) {
        String protocol = or(env.apply("LIVEMOD_KAFKA_SECURITY_PROTOCOL"), "PLAINTEXT");
        Map<String, Object> s = new HashMap<>();
        switch (protocol) {
            case "PLAINTEXT" -> {
                return Map.of();
            }
            case "SSL", "SASL_SSL" -> s.put("security.protocol", protocol);
            default -> throw new IllegalArgumentException("LIVEMOD_KAFKA_SECURITY_PROTOCOL: PLAINTEXT, SSL or SASL_SSL, got " + protocol);
        }
        String ca = env.apply("LIVEMOD_KAFKA_CA");
        if (ca != null && !ca.isBlank()) {
            s.put("ssl.truststore.type", "PEM");
            s.put("ssl.truststore.location", readable("LIVEMOD_KAFKA_CA", ca));
        }
        String keystore = env.apply("LIVEMOD_KAFKA_CLIENT_KEYSTORE");
        if (keystore != null && !keystore.isBlank()) {
            s.put("ssl.keystore.type", "PEM");
            s.put("ssl.keystore.location", readable("LIVEMOD_KAFKA_CLIENT_KEYSTORE", keystore));
        }
        if (protocol.equals("SASL_SSL")) {
            String mechanism = or(env.apply("LIVEMOD_KAFKA_SASL_MECHANISM"), "SCRAM-SHA-512");
            String module = switch (mechanism) {
                case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
                case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
                default -> throw new IllegalArgumentException("LIVEMOD_KAFKA_SASL_MECHANISM: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got " + mechanism);
            };
            String user = env.apply("LIVEMOD_KAFKA_SASL_USERNAME");
            String password = env.apply("LIVEMOD_KAFKA_SASL_PASSWORD");
            if (user == null || user.isBlank() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("LIVEMOD_KAFKA_SASL_USERNAME and LIVEMOD_KAFKA_SASL_PASSWORD: required with SASL_SSL");
            }
            s.put("sasl.mechanism", mechanism);
            s.put("sasl.jaas.config", module + " required username=\"" + jaas(user) + "\" password=\"" + jaas(password) + "\";");
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

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
