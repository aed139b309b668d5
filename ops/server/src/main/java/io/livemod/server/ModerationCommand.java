package io.livemod.server;

import io.livemod.server.health.ModerationHealth;
import io.livemod.server.health.ModerationHttp;
import io.livemod.settings.Role;
import io.livemod.settings.StreamsCatalogue;
import io.livemod.topology.ModerationApp;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "moderation",
        mixinStandardHelpOptions = true,
        description =
                "The moderation Streams application alone, against an external Kafka cluster, with /health/live, /health/ready and /metrics.")
public final class ModerationCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port]")
    String bootstrap;

    @Option(
            names = "--state-dir",
            defaultValue = ".livemod/streams",
            description = "Streams state directory. Default: ${DEFAULT-VALUE}")
    Path stateDir;

    @Option(names = "--rules", description = "Rule-set file to publish at start")
    Path rules;

    @Option(
            names = "--http-port",
            defaultValue = "8090",
            description = "Port of /health/live, /health/ready and /metrics (0 picks one). Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(
            names = "--http-host",
            defaultValue = "127.0.0.1",
            description = "Address the health server binds. Default: ${DEFAULT-VALUE}")
    String httpHost;

    @Mixin
    SettingsOption settings = new SettingsOption();

    @Override
    public Integer call() {
        long maxLag = StreamsCatalogue.READY_MAX_LAG.read(settings.load(Role.MODERATION));
        String b = KafkaCheck.validAddress(bootstrap);
        if (rules != null) RulesSource.check(rules);
        KafkaCheck.provision(b);
        RulesSource.publishAtStart(b, rules, Clock.systemUTC());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry); // the topology and Kafka Streams count through the global registry
        ModerationApp app = Roles.moderation(b, stateDir, Clock.systemUTC());
        ModerationHttp http;
        try {
            http = ModerationHttp.start(httpHost, httpPort, new ModerationHealth(app, maxLag), registry);
        } catch (RuntimeException e) {
            app.close();
            throw new StartupException(
                    "port " + httpPort + " on " + httpHost + " is in use; choose another with --http-port");
        }
        System.out.println("moderation running against Kafka " + b + " with rule set "
                + app.rules().current().version() + ", health on http://" + httpHost + ":" + http.port()
                + "/health/ready; Ctrl-C stops it");
        Await.untilShutdown(
                () -> {
                    http.close();
                    app.close();
                },
                () -> System.out.println("livemod: stopping moderation..."));
        return 0;
    }
}
