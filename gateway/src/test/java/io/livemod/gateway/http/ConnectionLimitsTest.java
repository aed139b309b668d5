package io.livemod.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.live.SseHub;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection and live-feed caps: defaults, environment overrides, and a refusal that names the variable. */
class ConnectionLimitsTest {
    @Test
    void theLiveFeedCapsComeFromTheEnvironment() {
        ConnectionLimits l = ConnectionLimits.defaults()
                .withEnv(Map.of("LIVEMOD_LIVE_STREAMS", "50", "LIVEMOD_LIVE_STREAMS_PER_USER", "2")::get)
                .validate();
        assertThat(l.live()).isEqualTo(new SseHub.Limits(50, 2));
        assertThat(ConnectionLimits.defaults().live()).isEqualTo(SseHub.Limits.DEFAULT);
    }

    @Test
    void aRefusedCapNamesItsVariable() {
        assertThatThrownBy(() -> ConnectionLimits.defaults()
                        .withEnv(Map.of("LIVEMOD_LIVE_STREAMS_PER_USER", "0")::get)
                        .validate())
                .hasMessageStartingWith("LIVEMOD_LIVE_STREAMS_PER_USER: ");
        assertThatThrownBy(() -> ConnectionLimits.defaults()
                        .withEnv(Map.of("LIVEMOD_LIVE_STREAMS", "4", "LIVEMOD_LIVE_STREAMS_PER_USER", "8")::get)
                        .validate())
                .hasMessageStartingWith("LIVEMOD_LIVE_STREAMS_PER_USER: 1..LIVEMOD_LIVE_STREAMS");
    }
}
