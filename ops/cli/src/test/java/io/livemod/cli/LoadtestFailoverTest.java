package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.devstack.RedisServer;
import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.platform.Platforms;
import io.livemod.loadtest.LoadConfig;
import io.livemod.loadtest.LoadResult;
import io.livemod.loadtest.LoadRun;
import io.livemod.server.KafkaCheck;
import io.livemod.server.Roles;
import io.livemod.server.RulesSource;
import io.livemod.topology.ModerationApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `loadtest --target URL1,URL2` against two real gateways sharing one Redis (as deployed), one of
 * them stopped while the load runs: the client fails over like a platform's would, resends what
 * went unanswered, and the gateways' shared dedupe keeps the resends from being stored twice. The
 * verdict must stay clean: nothing lost, nothing twice, every violation flagged once.
 */
class LoadtestFailoverTest {
    private static final Pattern ACCEPTED = Pattern.compile("(?m)^livemod_ingest_accepted_total\\{[^}]*} ([0-9.E]+)$");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // moderation only has to run while the gateways take the load
    void aGatewayStoppedMidRunLosesNothingAndDuplicatesNothing() throws Exception {
        Clock clock = Clock.systemUTC();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"), EmbeddedBroker.freePort());
                RedisServer redis = RedisServer.start()) {
            String b = broker.bootstrap();
            KafkaCheck.provision(b);
            RulesSource.publishAtStart(b, null, clock);
            try (ModerationApp moderation = Roles.moderation(b, dir.resolve("streams"), clock);
                    Roles.RunningGateway first = gateway(b, redis)) {
                Roles.RunningGateway second = gateway(b, redis);
                int stopped = second.gateway().port();
                LoadConfig config = new LoadConfig(
                        "http://127.0.0.1:" + first.gateway().port() + ",http://127.0.0.1:" + stopped,
                        b,
                        300,
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(1),
                        List.of(
                                new LoadConfig.PlatformCredentials(
                                        Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO)),
                                new LoadConfig.PlatformCredentials(
                                        Platforms.DEMO_VNG, Platforms.DEMO_SECRETS.get(Platforms.DEMO_VNG))),
                        10,
                        1.1,
                        0,
                        20,
                        4,
                        11L,
                        new LoadConfig.Traffic(LoadConfig.Mode.REALISTIC, 0.1, 0, 0),
                        LoadConfig.Thresholds.defaults());
                List<String> progress = new CopyOnWriteArrayList<>();
                CompletableFuture<LoadResult> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new LoadRun(config, clock, progress::add).run();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // Stop the second gateway once it has carried a share of the load, while batches keep coming.
                Http metrics = new Http(stopped);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> accepted(metrics.get("/metrics", null).body()) >= 300);
                second.close();

                LoadResult r = run.get(120, TimeUnit.SECONDS);
                System.out.println(String.join("\n", progress) + "\n" + r.summary());
                assertThat(progress)
                        .anySatisfy(line -> assertThat(line).contains("batches failed over to another gateway"));
                assertThat(r.sent()).isGreaterThanOrEqualTo(1800);
                assertThat(r.accepted())
                        .as("every batch answered 202 by one gateway or the other")
                        .isEqualTo(r.sent());
                assertThat(r.lostComments()).isZero();
                assertThat(r.duplicatedComments()).isZero();
                assertThat(r.violationsExpected()).isPositive();
                assertThat(r.violationsFlaggedOnce()).isEqualTo(r.violationsExpected());
                assertThat(r.clean()).isTrue();
            }
        }
    }

    private static Roles.RunningGateway gateway(String bootstrap, RedisServer redis) {
        return Roles.gateway(
                GatewayConfig.dev(bootstrap, 0).withRedis(redis.uri()), Platforms.dev(), Clock.systemUTC());
    }

    private static double accepted(String scrape) {
        double sum = 0;
        Matcher m = ACCEPTED.matcher(scrape);
        while (m.find()) sum += Double.parseDouble(m.group(1));
        return sum;
    }
}
