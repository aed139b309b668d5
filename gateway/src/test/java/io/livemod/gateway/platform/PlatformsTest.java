package io.livemod.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.PlatformRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformsTest {
    static PlatformRecord record(String id, String secret, long updatedAt) {
        return new PlatformRecord(
                id, id, List.of(new PlatformRecord.Secret(secret, null)), null, null, null, 0, updatedAt);
    }

    @Test
    void demoSecretsAreRefusedOutsideDevModeAlsoFromTheTopic() {
        Platforms prod = new Platforms(false);

        assertThatThrownBy(() -> prod.put(Platform.of("x", "x", Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), null)))
                .hasMessageContaining("demo secrets are refused");
        assertThat(prod.apply(record(Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), 1)))
                .isFalse();
        assertThat(prod.get(Platforms.DEMO_GAPO)).isEmpty();
        assertThat(Platforms.dev().get(Platforms.DEMO_VNG)).isPresent();
    }

    @Test
    void anOlderRecordNeverReplacesANewerOne() {
        Platforms p = new Platforms(false);
        p.apply(record("vtv", "new", 20));

        assertThat(p.apply(record("vtv", "old", 10))).isFalse();
        assertThat(p.get("vtv").orElseThrow().secrets()).containsExactly("new");
    }

    @Test
    void onlyUnexpiredSecretsVerify() {
        Platform p = new Platform(
                "vtv",
                "VTV",
                List.of(new PlatformRecord.Secret("new", null), new PlatformRecord.Secret("old", 1000L)),
                null,
                null,
                0,
                0);

        assertThat(p.validSecrets(999)).containsExactly("new", "old");
        assertThat(p.validSecrets(1000)).containsExactly("new");
        assertThat(p.toString()).doesNotContain("new").doesNotContain("old");
    }
}
