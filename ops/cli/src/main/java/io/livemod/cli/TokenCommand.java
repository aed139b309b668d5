package io.livemod.cli;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.server.StartupException;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Mint a dev-mode JWT (signed with the dev key; accepted only by a dev-mode gateway).")
final class TokenCommand implements Callable<Integer> {
    @Option(names = "--role", required = true, description = "moderator, officer or admin")
    String role;

    @Option(names = "--platform", description = "The moderator's platform (required for moderators)")
    String platform;

    @Option(names = "--sub", defaultValue = "dev-user", description = "Subject (user name). Default: ${DEFAULT-VALUE}")
    String sub;

    @Option(names = "--minutes", defaultValue = "480", description = "Lifetime in minutes. Default: ${DEFAULT-VALUE}")
    int minutes;

    @Override
    public Integer call() {
        Principal.Role r = Principal.Role.fromWire(role);
        if (r == null) throw new StartupException("--role: moderator, officer or admin, got '" + role + "'");
        if (r == Principal.Role.MODERATOR && platform == null)
            throw new StartupException("--platform: required for a moderator");
        if (minutes < 1 || minutes > 7 * 24 * 60) throw new StartupException("--minutes: 1..10080");
        Vertx vertx = Vertx.vertx();
        try {
            Auth auth = Auth.create(vertx, GatewayConfig.dev("unused:9092", 0)).await();
            System.out.println(auth.devToken(sub, r, r == Principal.Role.MODERATOR ? platform : null, minutes));
        } finally {
            vertx.close().await();
        }
        return 0;
    }
}
