package io.livemod.cli;

import io.livemod.server.GatewayCommand;
import io.livemod.server.LivemodServer;
import io.livemod.server.ModerationCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `livemod` command: the dev tools and all-in-one stack, and the production roles of
 * livemod-server.jar. Failures are reported as {@link LivemodServer#configure} says.
 */
@Command(
        name = "livemod",
        mixinStandardHelpOptions = true,
        version = "livemod 0.1.0",
        description = "Livestream moderation gateway: platforms in, moderators and the ministry out, Kafka in between.",
        subcommands = {
            RunCommand.class,
            BrokerCommand.class,
            GatewayCommand.class,
            ModerationCommand.class,
            TokenCommand.class,
            RulesCommand.class,
            LoadtestCommand.class,
            PlatformDemoCommand.class,
            KafkaIngestCommand.class,
            io.livemod.cli.cluster.ClusterCommand.class
        })
public final class Livemod implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return LivemodServer.configure(new CommandLine(new Livemod()));
    }
}
