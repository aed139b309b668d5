package io.livemod.cli;

import io.livemod.cli.demo.PlatformDemo;
import io.livemod.cli.demo.Staff;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.server.StartupException;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "platform-demo",
        mixinStandardHelpOptions = true,
        description =
                "A simulated platform closing the loop against a running dev-mode gateway: push, flag, decision webhook, takedown.")
final class PlatformDemoCommand implements Callable<Integer> {
    @Option(
            names = "--target",
            defaultValue = "http://127.0.0.1:8080",
            description = "The gateway. Default: ${DEFAULT-VALUE} (./livemod run)")
    URI target;

    @Option(
            names = "--platform",
            defaultValue = "demo-sim",
            description = "Platform id to register and play. Default: ${DEFAULT-VALUE}")
    String platform;

    @Option(
            names = "--timeout",
            defaultValue = "90",
            description = "Seconds for the whole loop. Default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds < 1) throw new StartupException("--timeout: at least 1 second");
        if (target.getHost() == null)
            throw new StartupException("--target: a URL such as http://127.0.0.1:8080, got " + target);
        try {
            new PlatformDemo(
                            target,
                            staff(target, platform),
                            platform,
                            Clock.systemUTC(),
                            System.out,
                            Duration.ofSeconds(timeoutSeconds))
                    .run();
            return 0;
        } catch (Staff.DemoFailure e) {
            throw new StartupException("platform-demo: the loop did not close: " + e.getMessage());
        }
    }

    /** Dev-mode tokens for the admin, the platform's moderator and an officer, signed with the dev key. */
    static Staff staff(URI target, String platform) {
        Vertx vertx = Vertx.vertx();
        try {
            Auth auth = Auth.create(vertx, GatewayConfig.dev("unused:9092", 0)).await();
            return new Staff(
                    target,
                    auth.devToken("demo-admin", Principal.Role.ADMIN, null, 30),
                    auth.devToken("demo-moderator", Principal.Role.MODERATOR, platform, 30),
                    auth.devToken("demo-officer", Principal.Role.OFFICER, null, 30));
        } finally {
            vertx.close().await();
        }
    }
}
