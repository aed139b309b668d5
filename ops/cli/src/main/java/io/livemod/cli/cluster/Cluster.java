package io.livemod.cli.cluster;

import io.livemod.cli.cluster.ClusterLayout.Node;
import io.livemod.cli.cluster.ClusterLayout.Role;
import io.livemod.server.KafkaCheck;
import io.livemod.server.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/**
 * A local cluster of separate processes: `up` starts what is not running (all of it the first
 * time, only the dead after a crash) and returns once everything is ready; `down` stops it all;
 * `status` reads the pid files. Processes outlive the command that started them.
 */
public final class Cluster {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private final ClusterLayout layout;
    private final Probes probes = new Probes();

    public Cluster(ClusterLayout layout) {
        this.layout = layout.validate();
    }

    public ClusterLayout layout() {
        return layout;
    }

    /** Starts every process not running, provisions the topics, and waits until all are ready. */
    public List<Node> up() {
        layout.save();
        Launcher launcher = new Launcher(layout, clusterId());
        List<Node> started = new ArrayList<>();
        try {
            for (Node n : layout.nodes()) {
                if (n.role() == Role.BROKER && pid(n).isEmpty()) started.add(start(launcher, n));
            }
            probes.awaitBrokers(layout, START_TIMEOUT, this::checkAlive);
            KafkaCheck.provision(layout.bootstrap());
            for (Node n : layout.nodes()) {
                if (n.role() != Role.BROKER && pid(n).isEmpty()) started.add(start(launcher, n));
            }
            probes.awaitTcp(layout.redisPort(), START_TIMEOUT, () -> checkAlive(new Node(Role.REDIS, 1)));
            for (Node n : layout.nodes()) {
                if (layout.httpPort(n) > 0)
                    probes.awaitReady(layout.url(n) + "/health/ready", START_TIMEOUT, () -> checkAlive(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }

    /** Stops gateways, moderation, Redis, then all brokers together (a quorum stops as one); SIGKILL after 30 s. */
    public void down() {
        for (Role role : List.of(Role.GATEWAY, Role.MODERATION, Role.REDIS, Role.BROKER)) {
            List<ProcessHandle> stopping = new ArrayList<>();
            for (Node n : layout.nodes()) {
                if (n.role() != role) continue;
                pid(n).flatMap(ProcessHandle::of).ifPresent(h -> {
                    h.destroy();
                    stopping.add(h);
                });
            }
            for (ProcessHandle h : stopping) {
                try {
                    h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception slow) {
                    h.destroyForcibly();
                }
            }
            for (Node n : layout.nodes()) {
                if (n.role() == role) deletePid(n);
            }
        }
    }

    /** kill -9 of one process, as a crash would; its pid file stays, naming a dead process. */
    public void kill(Node node) {
        pid(node).flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
    }

    /** One line per process: name, pid, running or not, where to reach it. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        for (Node n : layout.nodes()) {
            Optional<Long> pid = readPid(n);
            String state = pid.isEmpty() ? "stopped" : pid(n).isPresent() ? "running" : "dead";
            String where =
                    switch (n.role()) {
                        case BROKER -> "127.0.0.1:" + (layout.kafkaPort() + n.n() - 1);
                        case REDIS -> layout.redisUri();
                        default -> layout.url(n);
                    };
            lines.add(String.format(
                    "%-13s %-8s %-8s %s", n.name(), pid.map(String::valueOf).orElse("-"), state, where));
        }
        return lines;
    }

    /** The pid of a running process of this node, if any. */
    public Optional<Long> pid(Node node) {
        return readPid(node)
                .filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }

    private Optional<Long> readPid(Node node) {
        Path f = layout.pidFile(node);
        try {
            return Files.exists(f)
                    ? Optional.of(Long.parseLong(Files.readString(f).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Node start(Launcher launcher, Node n) throws IOException {
        launcher.start(n);
        return n;
    }

    private void checkAlive(Node n) {
        if (pid(n).isEmpty()) {
            throw new StartupException(
                    n.name() + " exited while starting; see " + layout.logFile(n) + Probes.tail(layout.logFile(n)));
        }
    }

    private void checkAlive() {
        for (Node n : layout.nodes()) {
            if (n.role() == Role.BROKER) checkAlive(n);
        }
    }

    private void deletePid(Node n) {
        try {
            Files.deleteIfExists(layout.pidFile(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String clusterId() {
        Path f = layout.dir().resolve("cluster.id");
        try {
            if (Files.exists(f)) return Files.readString(f).trim();
            String id = Uuid.randomUuid().toString();
            Files.writeString(f, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
