package io.livemod.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parsing and bounds of catalogue settings, and the one-line refusals they give. */
class SettingTest {
    private static Map<String, String> env(String name, String value) {
        return Map.of(name, value);
    }

    @Test
    void anUnsetOrBlankVariableGivesTheDefault() {
        assertThat(QueueCatalogue.CLAIM_TTL.read(Map.<String, String>of()::get)).isEqualTo(Duration.ofMinutes(5));
        assertThat(QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", "  ")::get))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(QueueCatalogue.CLAIM_TTL.read(Map.<String, String>of()::get, Duration.ofMinutes(9)))
                .isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void aValueIsParsedInTheSettingsUnitAndTrimmed() {
        assertThat(QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", " 120 ")::get))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(StreamsCatalogue.COMMIT_INTERVAL.read(env("LIVEMOD_COMMIT_INTERVAL_MS", "50")::get))
                .isEqualTo(Duration.ofMillis(50));
        assertThat(QueueCatalogue.ALERT_HORIZON.read(env("LIVEMOD_ALERT_HORIZON_DAYS", "2")::get))
                .isEqualTo(Duration.ofDays(2));
        assertThat(ThresholdCatalogue.VIEWER_JUMP_FACTOR.read(env("LIVEMOD_VIEWER_JUMP_FACTOR", "3.5")::get))
                .isEqualTo(3.5);
        assertThat(HttpCatalogue.HOST.read(env("LIVEMOD_HTTP_HOST", " 10.0.0.1 ")::get))
                .isEqualTo("10.0.0.1");
    }

    @Test
    void boundsAreInclusiveAndTheRefusalNamesTheVariable() {
        assertThat(QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", "10")::get))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", "28800")::get))
                .isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", "9")::get))
                .hasMessage("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800 s, got 9");
        assertThatThrownBy(() -> QueueCatalogue.CLAIM_TTL.read(env("LIVEMOD_CLAIM_TTL_SECONDS", "28801")::get))
                .hasMessage("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800 s, got 28801");
        assertThatThrownBy(() -> QueueCatalogue.REVIEW_HORIZON.read(env("LIVEMOD_REVIEW_HORIZON_HOURS", "6")::get))
                .hasMessage("LIVEMOD_REVIEW_HORIZON_HOURS: must be 24..4320 h (the flags topic keeps 180 days), got 6");
        assertThatThrownBy(() -> QueueCatalogue.REVIEW_MAX_FLAGS.read(env("LIVEMOD_REVIEW_MAX_FLAGS", "999")::get))
                .hasMessage("LIVEMOD_REVIEW_MAX_FLAGS: at least 1000, got 999");
    }

    @Test
    void theModerationRolesRefusalsNameTheFieldToo() {
        assertThatThrownBy(() -> ThresholdCatalogue.SAMPLES.read(env("LIVEMOD_INCIDENT_SAMPLES", "0")::get))
                .hasMessage("samples (LIVEMOD_INCIDENT_SAMPLES): must be 1..100, got 0");
        assertThatThrownBy(() -> ThresholdCatalogue.SAMPLES.read(env("LIVEMOD_INCIDENT_SAMPLES", "five")::get))
                .hasMessage("samples (LIVEMOD_INCIDENT_SAMPLES): not a whole number: five");
        assertThatThrownBy(
                        () -> ThresholdCatalogue.VIEWER_JUMP_FACTOR.read(env("LIVEMOD_VIEWER_JUMP_FACTOR", "1")::get))
                .hasMessage("viewerJumpFactor (LIVEMOD_VIEWER_JUMP_FACTOR): must be above 1, got 1");
        assertThatThrownBy(() ->
                        ThresholdCatalogue.VIEWER_JUMP_FACTOR.read(env("LIVEMOD_VIEWER_JUMP_FACTOR", "Infinity")::get))
                .hasMessage("viewerJumpFactor (LIVEMOD_VIEWER_JUMP_FACTOR): not a number: Infinity");
        assertThatThrownBy(
                        () -> StreamsCatalogue.GUARANTEE.read(env("LIVEMOD_PROCESSING_GUARANTEE", "exactly_once")::get))
                .hasMessage(
                        "guarantee (LIVEMOD_PROCESSING_GUARANTEE): must be exactly_once_v2 or at_least_once, got exactly_once");
    }

    @Test
    void aNumberTooLargeForItsTypeIsNotANumber() {
        assertThatThrownBy(
                        () -> QueueCatalogue.REVIEW_MAX_FLAGS.read(env("LIVEMOD_REVIEW_MAX_FLAGS", "99999999999")::get))
                .hasMessage("LIVEMOD_REVIEW_MAX_FLAGS: not a number: 99999999999");
        assertThatThrownBy(() ->
                        QueueCatalogue.AUDIT_HORIZON.read(env("LIVEMOD_AUDIT_HORIZON_DAYS", "99999999999999999")::get))
                .hasMessageStartingWith("LIVEMOD_AUDIT_HORIZON_DAYS: ");
    }

    @Test
    void checkAppliesTheSameBoundsToAValueBuiltInCode() {
        assertThat(HttpCatalogue.BODY_READ_TIMEOUT.check(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> HttpCatalogue.BODY_READ_TIMEOUT.check(Duration.ofMillis(500)))
                .hasMessage("LIVEMOD_BODY_READ_TIMEOUT_SECONDS: must be 1..300 s, got 0.5");
        assertThatThrownBy(() -> ThresholdCatalogue.COMMERCIAL_CATEGORY.check(null))
                .hasMessage("commercialCategory (LIVEMOD_COMMERCIAL_CATEGORY): required");
    }

    @Test
    void aSecretIsTakenAsWrittenAndNeverShown() {
        assertThat(IngestCatalogue.SECRETS_KEY.read(env("LIVEMOD_SECRETS_KEY", " key with spaces ")::get))
                .isEqualTo(" key with spaces ");
        assertThat(IngestCatalogue.SECRETS_KEY.shown("hunter2")).isEqualTo("(hidden)");
        assertThat(HttpCatalogue.REDIS.shown("redis://:pw@redis:6379")).isEqualTo("(hidden)");
        assertThat(HttpCatalogue.REDIS.defaultShown()).doesNotContain("pw");
    }

    @Test
    void everySettingIsDeclaredOnceWithADocLineAndARole() {
        Set<String> variables = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Setting<?> s : Catalogue.ALL) {
            assertThat(variables.add(s.env())).as(s.env() + " declared once").isTrue();
            assertThat(names.add(s.name())).as(s.name() + " named once").isTrue();
            assertThat(s.env()).matches("LIVEMOD_[A-Z0-9_]+");
            assertThat(s.doc()).as(s.env() + " doc").isNotBlank();
            assertThat(s.roles()).as(s.env() + " roles").isNotEmpty();
        }
        for (Setting<?> s : Catalogue.ALL) {
            if (s.defaultValue() != null && !s.isSecret()) {
                assertThat(s.read(Map.<String, String>of()::get))
                        .as(s.env() + " default within its own bounds")
                        .isEqualTo(s.defaultValue());
                checkDefault(s);
            }
        }
    }

    private static <T> void checkDefault(Setting<T> s) {
        s.check(s.defaultValue());
    }

    @Test
    void aRoleIsCheckedAsAWholeAtStart() {
        Catalogue.check(Map.<String, String>of()::get, Role.GATEWAY);
        Catalogue.check(Map.<String, String>of()::get, Role.MODERATION);
        assertThatThrownBy(() -> Catalogue.check(env("LIVEMOD_STANDBY_REPLICAS", "9")::get, Role.MODERATION))
                .hasMessage("standbyReplicas (LIVEMOD_STANDBY_REPLICAS): must be 0..5, got 9");
        Catalogue.check(env("LIVEMOD_STANDBY_REPLICAS", "9")::get, Role.GATEWAY); // not the gateway's
        assertThat(Catalogue.variablesOf(Role.GATEWAY))
                .contains("LIVEMOD_CLAIM_TTL_SECONDS", "LIVEMOD_KAFKA_CA")
                .doesNotContain("LIVEMOD_STANDBY_REPLICAS");
    }
}
