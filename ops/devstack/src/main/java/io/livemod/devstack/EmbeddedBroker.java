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

/**
 * A single-node KRaft Kafka broker (broker and controller in one) in this JVM, for `livemod run`
 * and the tests. Storage under {@code dataDir} survives restarts: the cluster id is kept beside it,
 * so a second start finds the same topics and offsets.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker on {@code port} (0 picks a free one); returns once it serves clients. */
    public static EmbeddedBroker start(Path dataDir, int port) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir.toAbsolutePath(), port == 0 ? freePort() : port, freePort());
        broker.startServer();
        return broker;
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
            server = new KafkaRaftServer(KafkaConfig.fromProps(node.properties(), false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker storage in " + dataDir + ": " + e.getMessage(), e);
        }
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
