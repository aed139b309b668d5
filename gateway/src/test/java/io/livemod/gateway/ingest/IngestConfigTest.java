package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.quota.Quota;
import io.livemod.settings.IngestCatalogue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingest settings from the catalogue: overrides, the bound tied to the producer's buffer, refusals naming the variable. */
class IngestConfigTest {
    @Test
    void theInFlightBoundIsThreeQuartersOfTheProducersBuffer() {
        assertThat(IngestCatalogue.MAX_INFLIGHT_MB.max()).isEqualTo(KafkaWriter.BUFFER_MEMORY * 3 / 4 / (1024 * 1024));
    }

    @Test
    void everyVariableReplacesItsSetting() {
        IngestConfig c = IngestConfig.defaults()
                .withEnv(Map.of(
                        "LIVEMOD_QUOTA_EVENTS_PER_SECOND",
                        "10",
                        "LIVEMOD_QUOTA_BURST",
                        "20",
                        "LIVEMOD_DEDUPE_TTL_SECONDS",
                        "120",
                        "LIVEMOD_DEDUPE_MAX_KEYS",
                        "5000",
                        "LIVEMOD_INGEST_MAX_INFLIGHT_MB",
                        "8",
                        "LIVEMOD_SECRET_GRACE_SECONDS",
                        "0")::get)
                .validate();
        assertThat(c.defaultQuota()).isEqualTo(new Quota(10, 20));
        assertThat(c.dedupeTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.dedupeMaxKeys()).isEqualTo(5000);
        assertThat(c.maxInFlightBytes()).isEqualTo(8L << 20);
        assertThat(c.platformInFlightBytes())
                .as("the platform's share follows a lower gateway cap")
                .isEqualTo(8L << 20);
        assertThat(c.secretGrace()).isZero();
        assertThat(IngestConfig.defaults().platformInFlightBytes()).isEqualTo(16L << 20);
    }

    @Test
    void aRefusedValueNamesItsVariable() {
        assertThatThrownBy(() -> IngestConfig.defaults().withEnv(Map.of("LIVEMOD_INGEST_MAX_INFLIGHT_MB", "100")::get))
                .hasMessage(
                        "LIVEMOD_INGEST_MAX_INFLIGHT_MB: must be 1..72 MB (below the producer's 96 MiB buffer), got 100");
        assertThatThrownBy(() -> IngestConfig.defaults()
                        .withEnv(Map.of("LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB", "65")::get)
                        .validate())
                .hasMessage("LIVEMOD_INGEST_PLATFORM_INFLIGHT_MB: 1..64 (at most the gateway's)");
        assertThatThrownBy(() -> IngestConfig.defaults().withEnv(Map.of("LIVEMOD_QUOTA_BURST", "0")::get))
                .hasMessage("LIVEMOD_QUOTA_BURST: at least 1, got 0");
        assertThatThrownBy(() ->
                        IngestConfig.defaults().withMaxInFlightBytes(512 * 1024).validate())
                .hasMessageStartingWith("LIVEMOD_INGEST_MAX_INFLIGHT_MB: must be 1..72 MB");
    }
}
