package io.livemod.server;

import io.livemod.settings.ProcessCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The production entry point, `java -jar livemod-server.jar gateway|moderation ...`: the two roles
 * against an external Kafka cluster and Redis. This jar carries no embedded broker and no dev stack;
 * the all-in-one dev process is `./livemod run` (ops/cli), which shares these commands.
 */
@Command(
        name = "livemod-server",
        mixinStandardHelpOptions = true,
        version = "livemod-server 0.1.0",
        description =
                "Livemod's production roles: the gateway and the moderation Streams application, against an external Kafka cluster.",
        subcommands = {GatewayCommand.class, ModerationCommand.class})
public final class LivemodServer implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(configure(new CommandLine(new LivemodServer())).execute(args));
    }

    /**
     * How every Livemod command line reports failures: a start-up failure prints one line,
     * "livemod: reason", and exits 1; a bad option exits 2; stack traces are for bugs, shown with
     * LIVEMOD_DEBUG=1.
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv(ProcessCatalogue.DEBUG.env()) != null) e.printStackTrace(cmd.getErr());
            String reason = e instanceof StartupException ? e.getMessage() : "unexpected error: " + e;
            cmd.getErr().println("livemod: " + reason);
            return e instanceof StartupException ? 1 : 70;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr()
                    .println("livemod: " + e.getMessage() + " (see `"
                            + cmd.getCommandSpec().qualifiedName() + " --help`)");
            return 2;
        });
        return cl;
    }
}
