package io.livemod.bench.ingest;

import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.ingest.IngestConfig;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.quota.Quota;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * A dev-mode gateway in this JVM, on its own Vert.x, with quotas raised out of the way: the
 * benchmark measures the ingest pipeline, not the limiter.
 */
final class BenchGateway implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final Gateway gateway;

    BenchGateway(String bootstrap) throws InterruptedException {
        GatewayConfig config = GatewayConfig.dev(bootstrap, 0)
                .withIngest(IngestConfig.defaults().withQuota(new Quota(1_000_000_000L, 1_000_000_000L)));
        gateway = new Gateway(
                vertx,
                config,
                Platforms.dev(),
                Clock.systemUTC(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        gateway.start().await();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!gateway.ready()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gateway not ready within 60 s");
            Thread.sleep(100); // harness polling, not a measurement
        }
    }

    int port() {
        return gateway.port();
    }

    @Override
    public void close() {
        gateway.close();
        vertx.close().await();
    }
}
