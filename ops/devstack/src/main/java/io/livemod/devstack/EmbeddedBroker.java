package io.livemod.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) in this JVM, for `livemod run`
 * and the tests. Storage under {@code dataDir} survives restarts: the cluster id is kept beside it,
 * so a second start finds the same topics and offsets.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Secure secure;
    private final Guarded guarded;
    private KafkaRaftServer server;

    /**
     * A SASL_SSL listener beside the plaintext one: TLS with a PEM key and certificate chain, and SASL
     * PLAIN users. For tests of clients' TLS settings.
     *
     * @param keystorePem a PEM file holding the broker's PKCS#8 key and its certificate chain
     * @param users       SASL PLAIN user → password
     */
    public record Secure(Path keystorePem, java.util.Map<String, String> users, int port) {}

    /**
     * A SASL_PLAINTEXT (PLAIN) listener whose clients are authorized by ACLs (KRaft's StandardAuthorizer):
     * what they may do is what ACLs allow, nothing else. The plaintext and controller listeners stay
     * the broker's and the operator's own (ANONYMOUS is a super user there). For tests of ACLs.
     *
     * @param users SASL PLAIN user → password
     */
    public record Guarded(java.util.Map<String, String> users, int port) {}

    private EmbeddedBroker(Path dataDir, int port, int controllerPort, Secure secure, Guarded guarded) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.secure = secure;
        this.guarded = guarded;
    }

    /** Starts a broker on {@code port} (0 picks a free one); returns once it serves clients. */
    public static EmbeddedBroker start(Path dataDir, int port) {
        EmbeddedBroker broker =
                new EmbeddedBroker(dataDir.toAbsolutePath(), port == 0 ? freePort() : port, freePort(), null, null);
        broker.startServer();
        return broker;
    }

    /** A broker that also listens with SASL_SSL (PLAIN) on a free port: {@link #secureBootstrap}. */
    public static EmbeddedBroker startSecure(Path dataDir, Path keystorePem, java.util.Map<String, String> users) {
        EmbeddedBroker broker = new EmbeddedBroker(
                dataDir.toAbsolutePath(),
                freePort(),
                freePort(),
                new Secure(keystorePem.toAbsolutePath(), java.util.Map.copyOf(users), freePort()),
                null);
        broker.startServer();
        return broker;
    }

    /** A broker that authorizes SASL_PLAINTEXT clients by ACLs ({@link Guarded}): {@link #saslBootstrap}. */
    public static EmbeddedBroker startWithAcls(Path dataDir, java.util.Map<String, String> users) {
        EmbeddedBroker broker = new EmbeddedBroker(
                dataDir.toAbsolutePath(),
                freePort(),
                freePort(),
                null,
                new Guarded(java.util.Map.copyOf(users), freePort()));
        broker.startServer();
        return broker;
    }

    /** The ACL-guarded SASL_PLAINTEXT listener's address, for brokers started with {@link #startWithAcls}. */
    public String saslBootstrap() {
        if (guarded == null) throw new IllegalStateException("this broker has no ACL-guarded SASL listener");
        return "127.0.0.1:" + guarded.port();
    }

    /** The SASL_SSL listener's address, for brokers started with {@link #startSecure}. */
    public String secureBootstrap() {
        if (secure == null) throw new IllegalStateException("this broker has no SASL_SSL listener");
        return "127.0.0.1:" + secure.port();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void startServer() {
        try {
            KraftNode node = new KraftNode(
                    1, 1, "1@127.0.0.1:" + controllerPort, port, controllerPort, dataDir.resolve("kafka"));
            Files.createDirectories(dataDir);
            node.prepare(dataDir.resolve("broker.properties"), clusterId());
            Properties props = node.properties();
            if (secure != null) secureListener(props); // formatting needs only the controller settings
            if (guarded != null) guardedListener(props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void secureListener(Properties p) {
        saslListener(p, "SASL_SSL", secure.port(), secure.users());
        p.put("listener.name.sasl_ssl.ssl.keystore.type", "PEM");
        p.put(
                "listener.name.sasl_ssl.ssl.keystore.location",
                secure.keystorePem().toString());
    }

    private void guardedListener(Properties p) {
        saslListener(p, "SASL_PLAINTEXT", guarded.port(), guarded.users());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller and inter-broker listeners are plaintext: their ANONYMOUS principal is the broker itself.
        p.put("super.users", "User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
    }

    /** A listener named after its protocol, with SASL PLAIN and these users. */
    private static void saslListener(
            Properties p, String protocol, int listenerPort, java.util.Map<String, String> users) {
        p.put("listeners", p.get("listeners") + "," + protocol + "://127.0.0.1:" + listenerPort);
        p.put("advertised.listeners", p.get("advertised.listeners") + "," + protocol + "://127.0.0.1:" + listenerPort);
        p.put(
                "listener.security.protocol.map",
                p.get("listener.security.protocol.map") + "," + protocol + ":" + protocol);
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put(
                "listener.name." + protocol.toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config",
                plainUsers(users));
    }

    private static String plainUsers(java.util.Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((u, pw) ->
                jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
        return jaas.append(';').toString();
    }

    private String clusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) return Files.readString(idFile).trim();
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** A port free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
