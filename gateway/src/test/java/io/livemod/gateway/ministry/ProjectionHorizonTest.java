package io.livemod.gateway.ministry;

import static io.livemod.gateway.ministry.Samples.alert;
import static io.livemod.gateway.ministry.Samples.flag;
import static io.livemod.gateway.ministry.Samples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Alert;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ministry projections keep a horizon: what falls behind it leaves memory (and Redis); Kafka keeps it. */
class ProjectionHorizonTest {
    static MutableClock clock;
    static TestStack.Running gw;
    static String officer;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-28T07:00:00Z"));
        gw = TestStack.gateway(clock, null, Duration.ofMinutes(10));
        officer = gw.token(Principal.Role.OFFICER, "officer-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void alertsAndReportFactsBehindTheirHorizonAreDroppedBySweeps() {
        long now = clock.millis();
        Alert old = alert(
                id("old"),
                Platforms.DEMO_GAPO,
                "high",
                now - Duration.ofDays(31).toMillis(),
                "u-old");
        Alert fresh = alert(id("new"), Platforms.DEMO_GAPO, "high", now, "u-new");
        TestStack.publish(Topics.ALERTS, old.alertId(), old);
        TestStack.publish(Topics.ALERTS, fresh.alertId(), fresh);
        String flagId = id("f-old");
        TestStack.publish(
                Topics.FLAGS,
                flagId,
                flag(
                        flagId,
                        Platforms.DEMO_GAPO,
                        "u-old",
                        "spam",
                        now - Duration.ofDays(91).toMillis()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gw.get("/v1/alerts/" + old.alertId(), officer).statusCode() == 200
                        && gw.get("/v1/alerts/" + fresh.alertId(), officer).statusCode() == 200);

        assertThat(gw.gateway().sweepProjections()).isGreaterThanOrEqualTo(2);

        assertThat(gw.get("/v1/alerts/" + old.alertId(), officer).statusCode()).isEqualTo(404);
        assertThat(gw.get("/v1/alerts/" + fresh.alertId(), officer).statusCode())
                .isEqualTo(200);
        assertThat(new JsonObject(gw.get("/v1/alerts?limit=500", officer).body()).encode())
                .doesNotContain(old.alertId());
        // Reports reach back as far as their horizon (90 days by default), and say so.
        JsonObject tooOld = new JsonObject(gw.get("/v1/reports/summary?from=2026-08-01&to=2026-08-02", officer)
                .body());
        assertThat(tooOld.getString("field")).isEqualTo("from");
        assertThat(tooOld.getString("message")).contains("LIVEMOD_REPORT_HORIZON_DAYS");
    }
}
