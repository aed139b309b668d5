package io.livemod.gateway.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    final byte[] body = "[{\"id\":\"c1\"}]".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnIndependentComputation() {
        // openssl: printf '1700000000.[{"id":"c1"}]' | openssl dgst -sha256 -hmac s3cret
        assertThat(Signatures.sign("s3cret", 1_700_000_000L, body))
                .isEqualTo("v1=" + hmacHex("s3cret", "1700000000.[{\"id\":\"c1\"}]"));
    }

    @Test
    void verifiesWithAnyCurrentSecretAndNothingElse() {
        String sig = Signatures.sign("old", 42, body);
        assertThat(Signatures.verify(List.of("new", "old"), 42, body, sig)).isTrue();
        assertThat(Signatures.verify(List.of("new"), 42, body, sig)).isFalse();
        assertThat(Signatures.verify(List.of("old"), 43, body, sig)).isFalse();
        assertThat(Signatures.verify(List.of("old"), 42, "x".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(Signatures.verify(List.of("old"), 42, body, sig.replace("v1=", "v2="))).isFalse();
        assertThat(Signatures.verify(List.of("old"), 42, body, "v1=zz")).isFalse();
        assertThat(Signatures.verify(List.of("old"), 42, body, null)).isFalse();
    }

    static String hmacHex(String key, String data) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
