package io.livemod.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;

/**
 * The settings of one combined broker-and-controller KRaft node, for the embedded one-node broker
 * and for each broker JVM of `livemod cluster`. Replication of the internal topics follows the
 * cluster size: three copies (two in sync) from three nodes up, one on a single node, where EOS
 * Streams would otherwise hang in REBALANCING.
 *
 * @param voters {@code controller.quorum.voters}, e.g. {@code 1@127.0.0.1:9093,2@127.0.0.1:9094}
 */
public record KraftNode(int nodeId, int nodes, String voters, int port, int controllerPort, Path logDir) {

    public Properties properties() {
        String replication = Integer.toString(Math.min(3, nodes));
        String minIsr = Integer.toString(Math.min(2, nodes));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", replication);
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("unclean.leader.election.enable", "false");
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    /** Writes the properties file and formats storage (a no-op on storage already formatted). */
    public Path prepare(Path propsFile, String clusterId) throws IOException {
        Files.createDirectories(logDir);
        Files.createDirectories(propsFile.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(propsFile)) {
            properties().store(out, "written by livemod; regenerated at each start");
        }
        format(propsFile, clusterId);
        return propsFile;
    }

    private static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"}, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format broker storage: " + e.getMessage(), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("cannot format broker storage: "
                    + buf.toString(StandardCharsets.UTF_8).trim());
        }
    }
}
