package io.livemod.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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
    private KafkaRaftServer server;

    /**
     * A SASL_SSL listener beside the plaintext one: TLS with a PEM key and certificate chain, and SASL
     * PLAIN users. For tests of clients' TLS settings.
     *
     * @param keystorePem a PEM file holding the broker's PKCS#8 key and its certificate chain
     * @param users       SASL PLAIN user → password
     */
    public record Secure(Path keystorePem, java.util.Map<String, String> users, int port) {}

    private EmbeddedBroker(Path dataDir, int port, int controllerPort, Secure secure) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.secure = secure;
    }

    /** Starts a broker on {@code port} (0 picks a free one); returns once it serves clients. */
    public static EmbeddedBroker start(Path dataDir, int port) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir.toAbsolutePath(), port == 0 ? freePort() : port, freePort(), null);
        broker.startServer();
        return broker;
    }

    /** A broker that also listens with SASL_SSL (PLAIN) on a free port: {@link #secureBootstrap}. */
    public static EmbeddedBroker startSecure(Path dataDir, Path keystorePem, java.util.Map<String, String> users) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir.toAbsolutePath(), freePort(), freePort(),
                new Secure(keystorePem.toAbsolutePath(), java.util.Map.copyOf(users), freePort()));
        broker.startServer();
        return broker;
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
            KraftNode node = new KraftNode(1, 1, "1@127.0.0.1:" + controllerPort, port, controllerPort, dataDir.resolve("kafka"));
            Files.createDirectories(dataDir);
            node.prepare(dataDir.resolve("broker.properties"), clusterId());
            Properties props = node.properties();
            if (secure != null) secureListener(props); // formatting needs only the controller settings
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void secureListener(Properties p) {
        p.put("listeners", p.get("listeners") + ",SASL_SSL://127.0.0.1:" + secure.port());
        p.put("advertised.listeners", p.get("advertised.listeners") + ",SASL_SSL://127.0.0.1:" + secure.port());
        p.put("listener.security.protocol.map", p.get("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.sasl_ssl.ssl.keystore.type", "PEM");
        p.put("listener.name.sasl_ssl.ssl.keystore.location", secure.keystorePem().toString());
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        secure.users().forEach((u, pw) -> jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
        p.put("listener.name.sasl_ssl.plain.sasl.jaas.config", jaas.append(';').toString());
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
