package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ModerationConfigTest {
    private static final ModerationConfig DEFAULTS = ModerationConfig.defaults("k:9092", Path.of("state"));

    @Test
    void oneNodeKeepsNoStandbys() {
        assertThat(DEFAULTS.withEnv(Map.<String, String>of()::get).validate().standbyReplicas())
                .isZero();
        assertThat(ModerationApp.properties(DEFAULTS)).containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
    }

    @Test
    void aClusterAsksForStandbysThroughTheEnvironment() {
        ModerationConfig c =
                DEFAULTS.withEnv(Map.of("LIVEMOD_STANDBY_REPLICAS", " 1 ")::get).validate();
        assertThat(c.standbyReplicas()).isEqualTo(1);
        assertThat(ModerationApp.properties(c)).containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    }

    @Test
    void aRefusedStandbyCountNamesItsVariable() {
        assertThatThrownBy(() -> DEFAULTS.withEnv(Map.of("LIVEMOD_STANDBY_REPLICAS", "two")::get))
                .hasMessage("standbyReplicas (LIVEMOD_STANDBY_REPLICAS): not a whole number: two");
        assertThatThrownBy(() -> DEFAULTS.withEnv(Map.of("LIVEMOD_STANDBY_REPLICAS", "-1")::get)
                        .validate())
                .hasMessage("standbyReplicas (LIVEMOD_STANDBY_REPLICAS): must be 0..5, got -1");
        assertThatThrownBy(() -> DEFAULTS.withEnv(Map.of("LIVEMOD_STANDBY_REPLICAS", "6")::get)
                        .validate())
                .hasMessageContaining("must be 0..5, got 6");
    }

    @Test
    void theStreamThreadsFetchesWaitForCommentsToGatherUnlessSwitchedOff() {
        String wait = StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        String min = StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
        assertThat(ModerationApp.properties(DEFAULTS)).containsEntry(wait, 25).containsKey(min);
        ModerationConfig off =
                DEFAULTS.withEnv(Map.of("LIVEMOD_FETCH_WAIT_MS", "0")::get).validate();
        assertThat(ModerationApp.properties(off)).doesNotContainKeys(wait, min);
        assertThatThrownBy(() -> DEFAULTS.withEnv(Map.of("LIVEMOD_FETCH_WAIT_MS", "501")::get)
                        .validate())
                .hasMessageContaining("LIVEMOD_FETCH_WAIT_MS")
                .hasMessageContaining("501");
    }
}
