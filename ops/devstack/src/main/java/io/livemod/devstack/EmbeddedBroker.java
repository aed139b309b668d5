package io.livemod.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
            Path logDir = dataDir.resolve("kafka");
            Files.createDirectories(logDir);
            Properties props = properties(logDir);
            Path propsFile = dataDir.resolve("broker.properties");
            try (var out = Files.newOutputStream(propsFile)) {
                props.store(out, "written by livemod; regenerated at each start");
            }
            format(propsFile, clusterId());
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Properties properties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        // One node: every internal topic must live with replication 1, or EOS Streams hang in REBALANCING.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    private String clusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) return Files.readString(idFile).trim();
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    private static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"}, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format broker storage: " + e.getMessage(), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("cannot format broker storage: " + buf.toString(StandardCharsets.UTF_8).trim());
        }
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
