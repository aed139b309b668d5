package io.livemod.cli.cluster;

import io.livemod.cli.cluster.ClusterLayout.Node;
import io.livemod.devstack.KraftNode;
import io.livemod.devstack.RedisServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one cluster process, detached: its own session (so Ctrl-C on `cluster up` leaves it
 * running), output appended to its log, its pid written beside. Java processes run this same
 * classpath: brokers are `kafka.Kafka` on a generated server.properties, the roles are `livemod`.
 */
final class Launcher {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final ClusterLayout layout;
    private final String clusterId;

    Launcher(ClusterLayout layout, String clusterId) {
        this.layout = layout;
        this.clusterId = clusterId;
    }

    long start(Node node) throws IOException {
        Files.createDirectories(layout.pids());
        Files.createDirectories(layout.dataDir(node));
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) cmd.add(SETSID.toString());
        cmd.addAll(command(node));
        Files.writeString(
                layout.logFile(node),
                "\n--- livemod cluster: starting " + node.name() + ": " + String.join(" ", cmd) + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(layout.logFile(node).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long pid = pb.start().pid(); // setsid execs in place: a child of a JVM leads no process group
        Files.writeString(layout.pidFile(node), pid + "\n");
        return pid;
    }

    private List<String> command(Node node) throws IOException {
        return switch (node.role()) {
            case BROKER -> java("512m", "kafka.Kafka", broker(node).toString());
            case REDIS ->
                List.of(
                        RedisServer.findBinary(),
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(layout.redisPort()),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--daemonize",
                        "no");
            case MODERATION ->
                java(
                        "512m",
                        "io.livemod.cli.Livemod",
                        "moderation",
                        "--bootstrap",
                        layout.bootstrap(),
                        "--state-dir",
                        layout.dataDir(node).resolve("streams").toString(),
                        "--http-port",
                        Integer.toString(layout.httpPort(node)));
            case GATEWAY ->
                java(
                        "384m",
                        "io.livemod.cli.Livemod",
                        "gateway",
                        "--bootstrap",
                        layout.bootstrap(),
                        "--redis",
                        layout.redisUri(),
                        "--port",
                        Integer.toString(layout.httpPort(node)),
                        "--dev");
        };
    }

    private Path broker(Node node) throws IOException {
        int i = node.n() - 1;
        KraftNode kraft = new KraftNode(
                node.n(),
                layout.brokers(),
                layout.voters(),
                layout.kafkaPort() + i,
                layout.controllerPort() + i,
                layout.dataDir(node).resolve("kafka").toAbsolutePath());
        return kraft.prepare(layout.dataDir(node).resolve("server.properties").toAbsolutePath(), clusterId);
    }

    private static List<String> java(String heap, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
