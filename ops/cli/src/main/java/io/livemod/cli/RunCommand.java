package io.livemod.cli;

import io.livemod.event.TopicSizing;
import io.livemod.gateway.platform.Platforms;
import io.livemod.server.Await;
import io.livemod.server.RulesSource;
import io.livemod.server.SettingsOption;
import io.livemod.settings.ProcessSettings;
import io.livemod.settings.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "All-in-one dev stack: embedded Kafka broker, moderation and the gateway in one process, demo platforms.")
final class RunCommand implements Callable<Integer> {
    /**
     * Partitions of a one-node stack (when LIVEMOD_TOPIC_PARTITIONS does not say otherwise): two stream
     * threads need no more than four comment partitions, and each partition beyond is a task whose
     * commits, fetches and transaction markers cost CPU at any rate (BENCHMARKS.md, "Cost per comment").
     */
    static final String ONE_NODE =
            "comments=4,stream-events=2,flags=2,alerts=1,decisions=2,alert-actions=1,takedowns=1,campaign-sightings=2,claim-sightings=1";

    @Option(
            names = "--data-dir",
            defaultValue = ".livemod",
            description = "Where broker and Streams data live (kept across restarts). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "Gateway HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Embedded broker port. Default: ${DEFAULT-VALUE}")
    int kafkaPort;

    @Option(
            names = "--rules",
            description =
                    "Rule-set file to publish at start (default: what the rules topic holds, else the built-in pack)")
    Path rules;

    @Mixin
    SettingsOption settings = new SettingsOption();

    @Override
    public Integer call() {
        settings.load(Role.GATEWAY, Role.MODERATION);
        if (rules != null) RulesSource.check(rules);
        sizeForOneNode();
        long t0 = System.nanoTime();
        Stack stack = Stack.start(new Stack.Options(dataDir, kafkaPort, port, rules), Clock.systemUTC());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int http = stack.gateway().gateway().port();
        System.out.printf(
                """
                livemod is running (started in %d ms)
                  kafka broker   %s          data in %s
                  moderation     Kafka Streams, rule set %s
                  gateway        http://127.0.0.1:%d     /health/ready /metrics /v1/...
                  demo platforms %s (secret %s), %s (secret %s)
                  dev tokens     ./livemod token --role moderator --platform %s
                Ctrl-C stops everything; data stays for the next run.
                """,
                ms,
                stack.bootstrap(),
                dataDir.toAbsolutePath(),
                stack.moderation().rules().current().version(),
                http,
                Platforms.DEMO_GAPO,
                Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO),
                Platforms.DEMO_VNG,
                Platforms.DEMO_SECRETS.get(Platforms.DEMO_VNG),
                Platforms.DEMO_GAPO);
        Await.untilShutdown(stack, () -> System.out.println("livemod: stopping..."));
        return 0;
    }

    private static void sizeForOneNode() {
        if (System.getProperty(TopicSizing.PROPERTY) == null && ProcessSettings.get(TopicSizing.ENV) == null) {
            System.setProperty(TopicSizing.PROPERTY, ONE_NODE);
        }
    }
}
