package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.settings.Setting;
import io.livemod.settings.ThresholdCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void withoutVariablesTheDefaultsStand() {
        assertThat(TopologySettings.DEFAULTS.withEnv(Map.<String, String>of()::get))
                .isEqualTo(TopologySettings.DEFAULTS);
    }

    @Test
    void everyVariableReplacesItsSetting() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("LIVEMOD_DUPLICATE_MIN_LENGTH", "20"),
                Map.entry("LIVEMOD_CAMPAIGN_MIN_LENGTH", "40"),
                Map.entry("LIVEMOD_VIEWER_JUMP_FACTOR", "3.5"),
                Map.entry("LIVEMOD_VIEWER_JUMP_MINIMUM", "250"),
                Map.entry("LIVEMOD_VIEWER_JUMP_WINDOW_SECONDS", "120"),
                Map.entry("LIVEMOD_COMMERCIAL_CATEGORY", " fraud "),
                Map.entry("LIVEMOD_ALERT_INTERVAL_MS", "2000"),
                Map.entry("LIVEMOD_INCIDENT_IDLE_SECONDS", "900"),
                Map.entry("LIVEMOD_SPIKE_BASELINE_MINUTES", "30"),
                Map.entry("LIVEMOD_INCIDENT_SAMPLES", "8"),
                Map.entry("LIVEMOD_MAX_TRACKED_USERS", "2000"),
                Map.entry("LIVEMOD_ANOMALY_STREAMS", "12"),
                Map.entry("LIVEMOD_ANOMALY_FACTOR", "4"),
                Map.entry("LIVEMOD_INCIDENT_MIN_FLAGS", "7"),
                Map.entry("LIVEMOD_INCIDENT_MIN_USERS", "4"),
                Map.entry("LIVEMOD_NEW_ACCOUNT_DAYS", "3"),
                Map.entry("LIVEMOD_ANOMALY_BURST_SECONDS", "90"));
        assertThat(ThresholdCatalogue.ALL.stream().map(Setting::env).toList())
                .as("every variable is exercised")
                .containsExactlyInAnyOrderElementsOf(env.keySet());
        TopologySettings s = ModerationConfig.defaults("k:9092", Path.of("state"))
                .withEnv(env::get)
                .validate()
                .topology();
        assertThat(s)
                .isEqualTo(new TopologySettings(
                        20,
                        40,
                        3.5,
                        250,
                        Duration.ofMinutes(2),
                        "fraud",
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(15),
                        30,
                        8,
                        2000,
                        12,
                        4.0,
                        7,
                        4,
                        Duration.ofSeconds(90),
                        Duration.ofDays(3)));
    }

    @Test
    void aRefusedValueNamesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> TopologySettings.DEFAULTS.withEnv(Map.of("LIVEMOD_INCIDENT_SAMPLES", "five")::get))
                .hasMessage("samples (LIVEMOD_INCIDENT_SAMPLES): not a whole number: five");
        assertThatThrownBy(() -> TopologySettings.DEFAULTS.withEnv(Map.of("LIVEMOD_VIEWER_JUMP_FACTOR", "NaN")::get))
                .hasMessageStartingWith("viewerJumpFactor (LIVEMOD_VIEWER_JUMP_FACTOR)");
        assertThatThrownBy(() -> ModerationConfig.defaults("k:9092", Path.of("state"))
                        .withEnv(Map.of("LIVEMOD_CAMPAIGN_MIN_LENGTH", "5")::get)
                        .validate())
                .hasMessage("campaignMinLength (LIVEMOD_CAMPAIGN_MIN_LENGTH): must be at least duplicateMinLength");
        assertThatThrownBy(() -> TopologySettings.DEFAULTS
                        .withEnv(Map.of("LIVEMOD_ALERT_INTERVAL_MS", "10")::get)
                        .validate())
                .hasMessage("alertInterval (LIVEMOD_ALERT_INTERVAL_MS): at least 100 ms, got 10");
    }
}
