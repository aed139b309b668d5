package io.livemod.cli;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.server.Await;
import io.livemod.server.KafkaCheck;
import io.livemod.server.Roles;
import io.livemod.server.StartupException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "The embedded single-node KRaft broker alone, with Livemod's topics.")
final class BrokerCommand implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            defaultValue = ".livemod",
            description = "Broker data directory. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092", description = "Client port. Default: ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() {
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(dataDir, port);
        } catch (RuntimeException e) {
            throw new StartupException("broker: " + Roles.rootCause(e).getMessage(), e);
        }
        KafkaCheck.provision(broker.bootstrap());
        System.out.println("kafka broker on " + broker.bootstrap() + ", data in " + dataDir.toAbsolutePath()
                + "; Ctrl-C stops it");
        Await.untilShutdown(broker, () -> System.out.println("livemod: stopping broker..."));
        return 0;
    }
}
