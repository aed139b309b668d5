package io.livemod.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.webhook.WebhookSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The moderators' settings from the environment: defaults, overrides, and errors naming the variable. */
class SettingsTest {
    @Test
    void claimDurationComesFromTheEnvironmentWithinBounds() {
        assertThat(ReviewSettings.defaults()
                        .withEnv(Map.<String, String>of()::get)
                        .claimTtl())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ReviewSettings.defaults()
                        .withEnv(Map.of("LIVEMOD_CLAIM_TTL_SECONDS", "120")::get)
                        .claimTtl())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_CLAIM_TTL_SECONDS", "soon")::get))
                .hasMessageStartingWith("LIVEMOD_CLAIM_TTL_SECONDS: not a number");
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_CLAIM_TTL_SECONDS", "1")::get))
                .hasMessageStartingWith("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800");
    }

    @Test
    void reviewHorizonAndMemoryCapComeFromTheEnvironmentWithinBounds() {
        ReviewSettings d = ReviewSettings.defaults().withEnv(Map.<String, String>of()::get);
        assertThat(d.horizon()).isEqualTo(Duration.ofDays(7));
        assertThat(d.maxFlags()).isEqualTo(200_000);
        ReviewSettings set = ReviewSettings.defaults()
                .withEnv(Map.of("LIVEMOD_REVIEW_HORIZON_HOURS", "48", "LIVEMOD_REVIEW_MAX_FLAGS", "5000")::get);
        assertThat(set.horizon()).isEqualTo(Duration.ofDays(2));
        assertThat(set.maxFlags()).isEqualTo(5000);
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_REVIEW_HORIZON_HOURS", "6")::get))
                .hasMessageStartingWith("LIVEMOD_REVIEW_HORIZON_HOURS: must be 24..4320");
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_REVIEW_MAX_FLAGS", "many")::get))
                .hasMessageStartingWith("LIVEMOD_REVIEW_MAX_FLAGS: not a number");
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_REVIEW_MAX_FLAGS", "-1")::get))
                .hasMessageStartingWith("LIVEMOD_REVIEW_MAX_FLAGS: at least 1000");
        assertThatThrownBy(() -> ReviewSettings.defaults().withEnv(Map.of("LIVEMOD_REVIEW_MAX_FLAGS", "10")::get))
                .hasMessageStartingWith("LIVEMOD_REVIEW_MAX_FLAGS: at least 1000");
    }

    @Test
    void webhookBackOffDoublesUpToItsCap() {
        WebhookSettings s = WebhookSettings.defaults();
        assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(s.backoff(20)).isEqualTo(Duration.ofHours(1));
        assertThat(s.backoff(64)).isEqualTo(Duration.ofHours(1));
        WebhookSettings env =
                s.withEnv(Map.of("LIVEMOD_WEBHOOK_MAX_ATTEMPTS", "3", "LIVEMOD_WEBHOOK_BACKOFF_SECONDS", "1")::get);
        assertThat(env.maxAttempts()).isEqualTo(3);
        assertThat(env.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> s.withEnv(Map.of("LIVEMOD_WEBHOOK_MAX_ATTEMPTS", "0")::get))
                .hasMessageStartingWith("LIVEMOD_WEBHOOK_MAX_ATTEMPTS");
        assertThatThrownBy(() -> s.withEnv(Map.of("LIVEMOD_WEBHOOK_BACKOFF_SECONDS", "x")::get))
                .hasMessageStartingWith("LIVEMOD_WEBHOOK_BACKOFF_SECONDS");
    }
}
