package io.livemod.cli;

import io.livemod.topology.ModerationApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "moderation", mixinStandardHelpOptions = true, description = "The moderation Streams application alone, against an external Kafka cluster.")
final class ModerationCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port]")
    String bootstrap;

    @Option(names = "--state-dir", defaultValue = ".livemod/streams", description = "Streams state directory. Default: ${DEFAULT-VALUE}")
    Path stateDir;

    @Option(names = "--rules", description = "Rule-set file to publish at start")
    Path rules;

    @Override
    public Integer call() {
        String b = KafkaCheck.validAddress(bootstrap);
        if (rules != null) RunCommand.checkRules(rules);
        KafkaCheck.provision(b);
        RulesSource.publishAtStart(b, rules, Clock.systemUTC());
        ModerationApp app = Roles.moderation(b, stateDir, Clock.systemUTC());
        System.out.println("moderation running against Kafka " + b + " with rule set " + app.rules().current().version() + "; Ctrl-C stops it");
        Await.untilShutdown(app, () -> System.out.println("livemod: stopping moderation..."));
        return 0;
    }
}
