package io.livemod.cli;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.gateway.platform.Platforms;
import io.livemod.loadtest.LoadConfig;
import io.livemod.loadtest.LoadResult;
import io.livemod.loadtest.LoadRun;
import io.livemod.loadtest.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load tool against the real all-in-one stack, small enough for CI: its checks must find
 * nothing lost and every violation flagged once, and its report must be written. (Speeds are
 * measured with `./livemod loadtest`, never asserted here.)
 */
class LoadtestEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunIsCleanAndReported() throws Exception {
        try (Stack stack = Stack.start(new Stack.Options(dir.resolve("data"), EmbeddedBroker.freePort(), 0, null), Clock.systemUTC())) {
            LoadConfig config = new LoadConfig("http://127.0.0.1:" + stack.gateway().gateway().port(), stack.bootstrap(),
                    300, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    List.of(new LoadConfig.PlatformCredentials(Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO)),
                            new LoadConfig.PlatformCredentials(Platforms.DEMO_VNG, Platforms.DEMO_SECRETS.get(Platforms.DEMO_VNG))),
                    10, 1.1, 0.1, 0, 20, 4, true, 7L);
            LoadResult r = new LoadRun(config, Clock.systemUTC(), s -> { }).run();

            assertThat(r.accepted()).isEqualTo(r.sent()).isEqualTo(1200);
            assertThat(r.violationsExpected()).isPositive();
            assertThat(r.violationsFlaggedOnce()).isEqualTo(r.violationsExpected());
            assertThat(r.lostComments()).isZero();
            assertThat(r.duplicatedComments()).isZero();
            assertThat(r.clean()).isTrue();
            assertThat(r.endToEndMillis().count()).isPositive();
            assertThat(r.liveFeedProblem()).isNull();
            assertThat(r.liveFeedMillis().count()).as("flags seen on the moderators' live feed").isPositive();

            Path html = Report.write(r, dir.resolve("reports"));
            assertThat(Files.readString(html)).contains("<svg", r.runId());
            assertThat(dir.resolve("reports").resolve(r.runId() + ".json")).exists();
        }
    }
}
