package io.livemod.cli.cluster;

import io.livemod.cli.cluster.ClusterLayout.Node;
import io.livemod.cli.cluster.ClusterLayout.Role;
import io.livemod.server.StartupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description =
                "A local cluster of separate processes: Kafka brokers (KRaft, RF 3), one redis-server, gateways, moderation.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class})
public final class ClusterCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static class Where {
        @Option(
                names = "--dir",
                defaultValue = ".livemod/cluster",
                description = "Cluster directory (pids, logs, data). Default: ${DEFAULT-VALUE}")
        Path dir;

        ClusterLayout saved() {
            ClusterLayout l;
            try {
                l = ClusterLayout.load(dir);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage());
            }
            if (l == null) throw new StartupException("no cluster in " + dir + "; start one with `livemod cluster up`");
            return l;
        }
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description =
                    "Starts the cluster (or the processes of it that are not running) and returns when all are ready.")
    static final class Up extends Where implements Callable<Integer> {
        @Option(names = "--brokers", defaultValue = "3", description = "Kafka brokers. Default: ${DEFAULT-VALUE}")
        int brokers;

        @Option(names = "--gateways", defaultValue = "2", description = "Gateways. Default: ${DEFAULT-VALUE}")
        int gateways;

        @Option(
                names = "--moderation",
                defaultValue = "2",
                description = "Moderation instances. Default: ${DEFAULT-VALUE}")
        int moderation;

        @Option(
                names = "--kafka-port",
                defaultValue = "19092",
                description = "Broker 1's port; broker n uses the n-th from it. Default: ${DEFAULT-VALUE}")
        int kafkaPort;

        @Option(
                names = "--controller-port",
                defaultValue = "19192",
                description = "Broker 1's controller port. Default: ${DEFAULT-VALUE}")
        int controllerPort;

        @Option(
                names = "--redis-port",
                defaultValue = "16379",
                description = "redis-server port. Default: ${DEFAULT-VALUE}")
        int redisPort;

        @Option(
                names = "--gateway-port",
                defaultValue = "8081",
                description = "Gateway 1's port. Default: ${DEFAULT-VALUE}")
        int gatewayPort;

        @Option(
                names = "--moderation-port",
                defaultValue = "8091",
                description = "Moderation 1's health port. Default: ${DEFAULT-VALUE}")
        int moderationPort;

        @Override
        public Integer call() {
            ClusterLayout asked = new ClusterLayout(
                    dir,
                    brokers,
                    gateways,
                    moderation,
                    kafkaPort,
                    controllerPort,
                    redisPort,
                    gatewayPort,
                    moderationPort);
            ClusterLayout saved;
            try {
                asked.validate();
                saved = ClusterLayout.load(dir);
            } catch (IllegalArgumentException e) {
                throw new StartupException(e.getMessage());
            }
            if (saved != null && !saved.equals(asked)) {
                System.out.println("livemod: " + dir
                        + " holds a cluster already; restarting what is not running with its saved layout");
            }
            Cluster cluster = new Cluster(saved != null ? saved : asked);
            long t0 = System.nanoTime();
            var started = cluster.up();
            ClusterLayout l = cluster.layout();
            System.out.printf(
                    "livemod cluster ready in %d ms (%d processes started)%n",
                    (System.nanoTime() - t0) / 1_000_000, started.size());
            System.out.println("  kafka       " + l.bootstrap() + "   (KRaft, replication " + Math.min(3, l.brokers())
                    + ", min.insync " + Math.min(2, l.brokers()) + ")");
            System.out.println("  redis       " + l.redisUri());
            for (int i = 1; i <= l.gateways(); i++)
                System.out.println("  gateway-" + i + "   " + l.url(new Node(Role.GATEWAY, i)));
            for (int i = 1; i <= l.moderation(); i++)
                System.out.println("  moderation-" + i + " " + l.url(new Node(Role.MODERATION, i)) + "/health/ready");
            System.out.println("  pids, logs  " + l.pids().toAbsolutePath()
                    + "   (`livemod cluster status`, `livemod cluster down`)");
            return 0;
        }
    }

    @Command(
            name = "down",
            mixinStandardHelpOptions = true,
            description = "Stops every process of the cluster; data stays.")
    static final class Down extends Where implements Callable<Integer> {
        @Override
        public Integer call() {
            new Cluster(saved()).down();
            System.out.println("livemod cluster stopped");
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Each process: pid, running or not, address. Exit 3 when any is not running.")
    static final class Status extends Where implements Callable<Integer> {
        @Override
        public Integer call() {
            Cluster c = new Cluster(saved());
            var lines = c.status();
            System.out.printf("%-13s %-8s %-8s %s%n", "PROCESS", "PID", "STATE", "ADDRESS");
            lines.forEach(System.out::println);
            return lines.stream().allMatch(s -> s.contains(" running ")) ? 0 : 3;
        }
    }
}
