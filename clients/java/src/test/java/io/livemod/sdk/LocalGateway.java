package io.livemod.sdk;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.PlatformRecord;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.gateway.Gateway;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.quota.Quota;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

/**
 * One real dev-mode gateway on the embedded KRaft broker for this module's tests (started once per
 * JVM: a broker costs seconds). The gateway is a test dependency only; the client never sees it.
 * Tests isolate themselves by platform id.
 */
final class LocalGateway {
    private static LocalGateway shared;
    final Gateway gateway;
    final Platforms platforms = Platforms.dev();
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private LocalGateway() {
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(Files.createTempDirectory("livemod-client-test"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
        } catch (Exception e) {
            throw new IllegalStateException("cannot provision topics: " + e, e);
        }
        Vertx vertx = Vertx.vertx();
        gateway = new Gateway(vertx, GatewayConfig.dev(broker.bootstrap(), 0), platforms, Clock.systemUTC(), metrics);
        gateway.start().await();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(gateway::ready);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            vertx.close();
            broker.close();
        }));
    }

    static synchronized LocalGateway get() {
        if (shared == null) shared = new LocalGateway();
        return shared;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** A platform known to the gateway, with a request secret, a webhook secret, a receiver URL and a quota. */
    void platform(String id, String secret, String whsec, String webhookUrl, Quota quota) {
        List<PlatformRecord.Secret> hooks = whsec == null ? List.of() : List.of(new PlatformRecord.Secret(whsec, null));
        platforms.put(new Platform(
                id, id, List.of(new PlatformRecord.Secret(secret, null)), webhookUrl, quota, 0, 0, hooks, false));
    }

    LivemodClient client(String platform, String secret, RetryPolicy retry) {
        return LivemodClient.builder(uri(), platform, secret).retry(retry).build();
    }

    String token(Principal.Role role, String platform) {
        return gateway.auth().devToken("test-" + role.wire(), role, platform, 10);
    }

    double counter(String name, String... tags) {
        var c = metrics.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
