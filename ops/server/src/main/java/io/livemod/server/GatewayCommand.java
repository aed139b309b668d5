package io.livemod.server;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.platform.Platforms;
import io.livemod.settings.Role;
import io.livemod.settings.Source;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = "The gateway role alone, against an external Kafka cluster.")
public final class GatewayCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port]")
    String bootstrap;

    @Option(
            names = "--redis",
            description = "redis://host:port, or rediss:// over TLS, for shared quotas, dedupe and projections "
                    + "(several gateways). Default: LIVEMOD_REDIS, else in memory")
    String redis;

    @Option(names = "--port", description = "HTTP port. Default: LIVEMOD_HTTP_PORT, else 8080")
    Integer port;

    @Option(names = "--dev", description = "Dev mode: demo platforms and the dev JWT key (never in production)")
    boolean dev;

    @Mixin
    SettingsOption settings = new SettingsOption();

    @Override
    public Integer call() {
        Source source = settings.load(Role.GATEWAY);
        String b = KafkaCheck.validAddress(bootstrap);
        GatewayConfig config;
        try {
            config = config(b, source).validate();
        } catch (IllegalArgumentException e) {
            throw new StartupException("gateway config: " + e.getMessage());
        }
        KafkaCheck.provision(b);
        Roles.RunningGateway g = Roles.gateway(config, dev ? Platforms.dev() : new Platforms(false), Clock.systemUTC());
        System.out.println("gateway on http://" + config.host() + ":"
                + g.gateway().port() + " against Kafka " + b + "; Ctrl-C stops it");
        Await.untilShutdown(g, () -> System.out.println("livemod: stopping gateway..."));
        return 0;
    }

    /**
     * Flags over the environment over the config file over the defaults. A flag not given leaves the variable's value:
     * a deployment passes the Redis URI, which may hold a password, in LIVEMOD_REDIS from a secret.
     */
    GatewayConfig config(String bootstrap, Function<String, String> env) {
        GatewayConfig c = (dev ? GatewayConfig.dev(bootstrap, 8080) : GatewayConfig.defaults(bootstrap)).withEnv(env);
        if (port != null) c = c.withPort(port);
        return redis == null ? c : c.withRedis(redis);
    }
}
