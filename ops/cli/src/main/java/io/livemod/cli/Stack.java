package io.livemod.cli;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.platform.Platforms;
import io.livemod.server.KafkaCheck;
import io.livemod.server.Roles;
import io.livemod.server.RulesSource;
import io.livemod.settings.ProcessSettings;
import io.livemod.topology.ModerationApp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The all-in-one stack of `livemod run`: embedded broker, topics, rules, moderation and gateway in
 * one JVM, data under one directory. Closing stops them in reverse order. Tests start it too.
 */
public final class Stack implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedBroker broker;
    private Roles.RunningGateway gateway;
    private ModerationApp moderation;

    public record Options(Path dataDir, int kafkaPort, int httpPort, Path rulesFile) {}

    public static Stack start(Options o, Clock clock) {
        Stack s = new Stack();
        try {
            s.broker = EmbeddedBroker.start(o.dataDir(), o.kafkaPort());
            s.started.push(s.broker);
            String bootstrap = s.broker.bootstrap();
            KafkaCheck.provision(bootstrap);
            RulesSource.publishAtStart(bootstrap, o.rulesFile(), clock);
            s.moderation = Roles.moderation(bootstrap, o.dataDir().resolve("streams"), clock);
            s.started.push(s.moderation);
            s.gateway = Roles.gateway(
                    GatewayConfig.dev(bootstrap, o.httpPort())
                            .withEnv(ProcessSettings.source())
                            .withPort(o.httpPort()),
                    Platforms.dev(),
                    clock);
            s.started.push(s.gateway);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public String bootstrap() {
        return broker.bootstrap();
    }

    public Roles.RunningGateway gateway() {
        return gateway;
    }

    public ModerationApp moderation() {
        return moderation;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("livemod: while stopping: " + e.getMessage());
            }
        }
    }
}
