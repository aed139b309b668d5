package io.livemod.server;

import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.platform.Platforms;
import io.livemod.topology.ModerationApp;
import io.livemod.topology.ModerationConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starting the roles (moderation, gateway) the same way for `run`, `gateway`, `moderation` and tests. */
public final class Roles {
    private Roles() {}

    public static ModerationApp moderation(String bootstrap, Path stateDir, Clock clock) {
        ModerationConfig config;
        try {
            config = ModerationConfig.fromEnv(bootstrap, stateDir).validate();
        } catch (IllegalArgumentException e) {
            throw new StartupException("moderation config: " + e.getMessage());
        }
        ModerationApp app = new ModerationApp(config, clock);
        try {
            return app.start(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            throw new StartupException("interrupted while starting moderation");
        } catch (RuntimeException e) {
            app.close();
            throw new StartupException("moderation: " + e.getMessage(), e);
        }
    }

    /** A running gateway and the Vert.x instance it owns. */
    public record RunningGateway(Vertx vertx, Gateway gateway) implements AutoCloseable {
        @Override
        public void close() {
            gateway.close();
            vertx.close().await();
        }
    }

    public static RunningGateway gateway(GatewayConfig config, Platforms platforms, Clock clock) {
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw new StartupException("gateway config: " + e.getMessage());
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry); // Streams error handlers count through the global registry
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        Gateway gateway = new Gateway(vertx, config, platforms, clock, registry);
        try {
            gateway.start().await();
            return new RunningGateway(vertx, gateway);
        } catch (Exception e) {
            gateway.close();
            vertx.close().await();
            if (rootCause(e) instanceof BindException) {
                throw new StartupException(
                        "port " + config.port() + " on " + config.host() + " is in use; choose another with --port");
            }
            throw new StartupException("gateway: " + rootCause(e).getMessage(), e);
        }
    }

    public static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
