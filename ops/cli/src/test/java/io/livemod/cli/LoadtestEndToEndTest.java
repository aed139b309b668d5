package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.gateway.platform.Platforms;
import io.livemod.loadtest.LoadConfig;
import io.livemod.loadtest.LoadResult;
import io.livemod.loadtest.LoadRun;
import io.livemod.loadtest.Report;
import io.livemod.loadtest.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool against the real all-in-one stack, small enough for CI: its checks must find
 * nothing lost and every violation flagged once, its oracle must judge every rule it saw (the
 * per-rule table), and its report must be written. Whether benign chat stays unflagged is the
 * topology's business, measured with `./livemod loadtest` (BENCHMARKS.md "Signal"), not asserted
 * here; nor are speeds.
 */
class LoadtestEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunIsCleanAndReported() throws Exception {
        try (Stack stack = Stack.start(
                new Stack.Options(dir.resolve("data"), EmbeddedBroker.freePort(), 0, null), Clock.systemUTC())) {
            LoadConfig config = new LoadConfig(
                    "http://127.0.0.1:" + stack.gateway().gateway().port(),
                    stack.bootstrap(),
                    300,
                    Duration.ofSeconds(3),
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
                    7L,
                    new LoadConfig.Traffic(LoadConfig.Mode.REALISTIC, 0.1, 120, 120),
                    LoadConfig.Thresholds.defaults());
            LoadResult r = new LoadRun(config, Clock.systemUTC(), s -> {}).run();

            assertThat(r.accepted()).isEqualTo(r.sent()).isGreaterThanOrEqualTo(1200);
            assertThat(r.violationsExpected()).isPositive();
            assertThat(r.violationsFlaggedOnce()).isEqualTo(r.violationsExpected());
            assertThat(r.lostComments()).isZero();
            assertThat(r.duplicatedComments()).isZero();
            assertThat(r.clean()).isTrue();
            assertThat(r.endToEndMillis().count()).isPositive();
            assertThat(r.liveFeedProblem()).isNull();
            assertThat(r.liveFeedMillis().count())
                    .as("flags seen on the moderators' live feed")
                    .isPositive();

            // The oracle judged the run: one row per rule, injected floods and campaigns counted, benign chat measured.
            assertThat(r.signal().rules())
                    .extracting(Signal.RuleRow::rule)
                    .contains("keyword", "pattern", "user_flood", "duplicate_flood", "campaign");
            assertThat(r.signal().rules())
                    .filteredOn(row -> row.on().equals("alert"))
                    .extracting(Signal.RuleRow::rule)
                    .contains("campaign");
            assertThat(r.signal().floods().injected() + r.signal().campaigns().injected())
                    .isPositive();
            assertThat(r.signal().benignComments()).isGreaterThan(900);
            assertThat(r.summary()).contains("signal", "precision", "benign", "generator CPU", "µs of CPU per comment");
            assertThat(r.cost().comments()).isPositive();
            assertThat(r.passed()).isEqualTo(r.failures().isEmpty());

            Path html = Report.write(r, dir.resolve("reports"));
            assertThat(Files.readString(html)).contains("<svg", r.runId(), "<table id=\"rules\">", "user_flood");
            assertThat(dir.resolve("reports").resolve(r.runId() + ".json")).exists();
        }
    }
}
