package io.livemod.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.PlatformRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSealTest {
    static final String KEY = "an-operator-key-of-at-least-32-bytes-0123";
    final SecretSeal seal = SecretSeal.fromEnv(Map.of("LIVEMOD_SECRETS_KEY", KEY)::get, false);

    static PlatformRecord record(String id, String... secrets) {
        return new PlatformRecord(
                id,
                "VTV",
                java.util.Arrays.stream(secrets)
                        .map(s -> new PlatformRecord.Secret(s, null))
                        .toList(),
                "https://vtv.example/hooks",
                500L,
                1000L,
                1,
                2);
    }

    @Test
    void aSealedRecordHidesItsSecretsAndOpensToTheSameRecord() {
        PlatformRecord clear = record("vtv", "lmps_current-secret-value", "lmps_previous-secret-value");
        PlatformRecord sealed = seal.seal(clear);
        assertThat(sealed.secrets()).allSatisfy(s -> assertThat(s.value())
                .startsWith("sealed:v1:")
                .doesNotContain("current-secret")
                .doesNotContain("previous-secret"));
        assertThat(seal.seal(clear).secrets().get(0).value())
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed.secrets().get(0).value());
        assertThat(seal.open(sealed)).isEqualTo(clear);
        assertThat(seal.seal(sealed)).as("sealing twice changes nothing").isEqualTo(sealed);
    }

    @Test
    void aValueOpensOnlyWithItsKeyAndForItsPlatform() {
        String sealed = seal.seal("vtv", "lmps_secret");
        SecretSeal other = SecretSeal.fromEnv(
                Map.of("LIVEMOD_SECRETS_KEY", "another-operator-key-of-32-bytes-or-more")::get, false);
        assertThatThrownBy(() -> other.open("vtv", sealed))
                .hasMessageContaining("LIVEMOD_SECRETS_KEY")
                .hasMessageNotContaining("lmps_secret");
        assertThatThrownBy(() -> seal.open("fpt", sealed))
                .as("copied onto another platform")
                .hasMessageContaining("platform fpt");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> seal.open("vtv", tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seal.open("vtv", "sealed:v1:@@@")).hasMessageContaining("base64");
    }

    @Test
    void aValueWrittenBeforeSealingIsReadAsItIs() {
        PlatformRecord legacy = record("vtv", "lmps_clear-from-an-older-gateway");
        assertThat(seal.open(legacy)).isEqualTo(legacy);
    }

    @Test
    void theKeyIsRequiredLongEnoughAndTheDevKeyOnlyInDevMode() {
        assertThatThrownBy(() -> SecretSeal.fromEnv(Map.<String, String>of()::get, false))
                .hasMessageStartingWith("LIVEMOD_SECRETS_KEY: a key of at least 32 bytes is required");
        assertThatThrownBy(() -> SecretSeal.fromEnv(Map.of("LIVEMOD_SECRETS_KEY", "short")::get, false))
                .hasMessageStartingWith("LIVEMOD_SECRETS_KEY");
        assertThatThrownBy(() -> SecretSeal.fromEnv(Map.of("LIVEMOD_SECRETS_KEY", SecretSeal.DEV_KEY)::get, false))
                .hasMessage("LIVEMOD_SECRETS_KEY: the dev key is refused outside dev mode");
        SecretSeal dev = SecretSeal.fromEnv(Map.<String, String>of()::get, true);
        SecretSeal explicitDev = SecretSeal.fromEnv(Map.of("LIVEMOD_SECRETS_KEY", SecretSeal.DEV_KEY)::get, true);
        assertThat(explicitDev.open("p", dev.seal("p", "lmps_x"))).isEqualTo("lmps_x");
    }
}
