package io.livemod.server;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.platform.Platforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "gateway", mixinStandardHelpOptions = true, description = "The gateway role alone, against an external Kafka cluster.")
public final class GatewayCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, host:port[,host:port]")
    String bootstrap;

    @Option(names = "--redis", description = "redis://host:port, or rediss:// over TLS, for shared quotas, dedupe and projections (several gateways)")
    String redis;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--dev", description = "Dev mode: demo platforms and the dev JWT key (never in production)")
    boolean dev;

    @Override
    public Integer call() {
        String b = KafkaCheck.validAddress(bootstrap);
        GatewayConfig config = (dev ? GatewayConfig.dev(b, port) : GatewayConfig.defaults(b)).withEnv(System::getenv).withPort(port).withRedis(redis);
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new StartupException("gateway config: " + e.getMessage());
        }
        KafkaCheck.provision(b);
        Roles.RunningGateway g = Roles.gateway(config, dev ? Platforms.dev() : new Platforms(false), Clock.systemUTC());
        System.out.println("gateway on http://" + config.host() + ":" + g.gateway().port() + " against Kafka " + b + "; Ctrl-C stops it");
        Await.untilShutdown(g, () -> System.out.println("livemod: stopping gateway..."));
        return 0;
    }
}
