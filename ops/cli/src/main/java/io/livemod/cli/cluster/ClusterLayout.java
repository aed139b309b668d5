package io.livemod.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * Where every process of a local cluster lives: counts and ports, under one directory. Saved as
 * {@code cluster.properties} at the first `up`, so a later `up` (after a crash) restarts the
 * missing processes on the same ports and data.
 *
 * Broker n listens on {@code kafkaPort + n - 1} (its controller on {@code controllerPort + n - 1}),
 * gateway n on {@code gatewayPort + n - 1}, moderation n's health server on {@code moderationPort + n - 1}.
 */
public record ClusterLayout(
        Path dir,
        int brokers,
        int gateways,
        int moderation,
        int kafkaPort,
        int controllerPort,
        int redisPort,
        int gatewayPort,
        int moderationPort) {

    public static final String FILE = "cluster.properties";

    public enum Role {
        BROKER,
        REDIS,
        MODERATION,
        GATEWAY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One process of the cluster: its role and its number, counting from 1. */
    public record Node(Role role, int n) {
        public String name() {
            return role.id() + "-" + n;
        }
    }

    public ClusterLayout validate() {
        if (brokers < 1 || brokers > 9) throw new IllegalArgumentException("--brokers: 1..9, got " + brokers);
        if (gateways < 1 || gateways > 9) throw new IllegalArgumentException("--gateways: 1..9, got " + gateways);
        if (moderation < 1 || moderation > 9)
            throw new IllegalArgumentException("--moderation: 1..9, got " + moderation);
        for (int p : List.of(kafkaPort, controllerPort, redisPort, gatewayPort, moderationPort)) {
            if (p < 1 || p + 9 > 65535) throw new IllegalArgumentException("port out of range: " + p);
        }
        return this;
    }

    /** Start order: brokers, Redis, moderation, gateways (gateways last: they are what clients see). */
    public List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        for (int i = 1; i <= brokers; i++) all.add(new Node(Role.BROKER, i));
        all.add(new Node(Role.REDIS, 1));
        for (int i = 1; i <= moderation; i++) all.add(new Node(Role.MODERATION, i));
        for (int i = 1; i <= gateways; i++) all.add(new Node(Role.GATEWAY, i));
        return all;
    }

    public String bootstrap() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < brokers; i++) j.add("127.0.0.1:" + (kafkaPort + i));
        return j.toString();
    }

    public String voters() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < brokers; i++) j.add((i + 1) + "@127.0.0.1:" + (controllerPort + i));
        return j.toString();
    }

    /** The HTTP port of a gateway or moderation node (its probes); -1 for brokers and Redis. */
    public int httpPort(Node node) {
        return switch (node.role()) {
            case GATEWAY -> gatewayPort + node.n() - 1;
            case MODERATION -> moderationPort + node.n() - 1;
            default -> -1;
        };
    }

    public String url(Node node) {
        return "http://127.0.0.1:" + httpPort(node);
    }

    public String redisUri() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public Path pids() {
        return dir.resolve("pids");
    }

    public Path pidFile(Node node) {
        return pids().resolve(node.name() + ".pid");
    }

    public Path logFile(Node node) {
        return pids().resolve(node.name() + ".log");
    }

    public Path dataDir(Node node) {
        return dir.resolve("data").resolve(node.name());
    }

    public void save() {
        Properties p = new Properties();
        p.put("brokers", Integer.toString(brokers));
        p.put("gateways", Integer.toString(gateways));
        p.put("moderation", Integer.toString(moderation));
        p.put("kafkaPort", Integer.toString(kafkaPort));
        p.put("controllerPort", Integer.toString(controllerPort));
        p.put("redisPort", Integer.toString(redisPort));
        p.put("gatewayPort", Integer.toString(gatewayPort));
        p.put("moderationPort", Integer.toString(moderationPort));
        try {
            Files.createDirectories(pids());
            try (var out = Files.newOutputStream(dir.resolve(FILE))) {
                p.store(out, "livemod cluster layout; `livemod cluster down --purge` removes it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The layout a previous `up` saved in {@code dir}, or null when there is none. */
    public static ClusterLayout load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return null;
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new ClusterLayout(
                            dir,
                            num(p, "brokers"),
                            num(p, "gateways"),
                            num(p, "moderation"),
                            num(p, "kafkaPort"),
                            num(p, "controllerPort"),
                            num(p, "redisPort"),
                            num(p, "gatewayPort"),
                            num(p, "moderationPort"))
                    .validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static int num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException(key + " is missing");
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v);
        }
    }
}
