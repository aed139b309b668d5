package io.livemod.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `livemod` command. Start-up failures print one line, "livemod: reason", and exit non-zero;
 * stack traces are for bugs, shown with LIVEMOD_DEBUG=1.
 */
@Command(name = "livemod", mixinStandardHelpOptions = true, version = "livemod 0.1.0",
        description = "Livestream moderation gateway: platforms in, moderators and the ministry out, Kafka in between.",
        subcommands = {RunCommand.class, BrokerCommand.class, GatewayCommand.class, ModerationCommand.class,
                TokenCommand.class, RulesCommand.class, LoadtestCommand.class, PlatformDemoCommand.class, KafkaIngestCommand.class,
                io.livemod.cli.cluster.ClusterCommand.class})
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
        CommandLine cl = new CommandLine(new Livemod());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("LIVEMOD_DEBUG") != null) e.printStackTrace(cmd.getErr());
            String reason = e instanceof StartupException ? e.getMessage() : "unexpected error: " + e;
            cmd.getErr().println("livemod: " + reason);
            return e instanceof StartupException ? 1 : 70;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("livemod: " + e.getMessage() + " (see `livemod " + cmd.getCommandName() + " --help`)");
            return 2;
        });
        return cl;
    }
}
