package io.livemod.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.GatewayConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flags over the environment over the defaults: a flag left out must not blank a variable a deployment set. */
class GatewayCommandTest {
    private static GatewayConfig resolve(Map<String, String> env, String... args) {
        GatewayCommand command = new GatewayCommand();
        new CommandLine(command).parseArgs(args);
        return command.config("kafka:9093", env::get);
    }

    @Test
    void theEnvironmentStandsWhenNoFlagIsGiven() {
        GatewayConfig c = resolve(
                Map.of("LIVEMOD_REDIS", "redis://:pw@redis:6379", "LIVEMOD_HTTP_PORT", "9080"),
                "--bootstrap",
                "kafka:9093");
        assertThat(c.redisUri()).isEqualTo("redis://:pw@redis:6379");
        assertThat(c.port()).isEqualTo(9080);
        assertThat(c.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        GatewayConfig c = resolve(
                Map.of("LIVEMOD_REDIS", "redis://redis:6379", "LIVEMOD_HTTP_PORT", "9080"),
                "--bootstrap",
                "kafka:9093",
                "--redis",
                "redis://other:6380",
                "--port",
                "8181");
        assertThat(c.redisUri()).isEqualTo("redis://other:6380");
        assertThat(c.port()).isEqualTo(8181);
    }

    @Test
    void withoutEitherTheDefaultsHold() {
        GatewayConfig c = resolve(Map.of(), "--bootstrap", "kafka:9093");
        assertThat(c.redisUri()).isNull();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.devMode()).isFalse();
        GatewayConfig dev = resolve(Map.of(), "--bootstrap", "kafka:9093", "--dev");
        assertThat(dev.devMode()).isTrue();
        assertThat(dev.host()).isEqualTo("127.0.0.1");
    }
}
