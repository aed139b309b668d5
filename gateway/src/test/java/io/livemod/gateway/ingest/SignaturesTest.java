package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.signing.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    final byte[] body = "[{\"id\":\"c1\"}]".getBytes(StandardCharsets.UTF_8);

    @Test
    void v2MatchesAnIndependentComputation() {
        // printf '%s' '1700000000.POST./v1/ingest/comments?x=1.[{"id":"c1"}]' | openssl dgst -sha256 -hmac s3cret -hex
        assertThat(RequestSignature.v2("s3cret", 1_700_000_000L, "POST", "/v1/ingest/comments?x=1", body))
                .isEqualTo("v2=32fd3bb39c48a0816e72435b3af249d8c72e507e82ce7308c85c7dad9064163d");
        // printf '%s' '1700000000.[{"id":"c1"}]' | openssl dgst -sha256 -hmac s3cret -hex
        assertThat(RequestSignature.v1("s3cret", 1_700_000_000L, body))
                .isEqualTo("v1=841abf452b24989f423e7347990231ec38c3593098aded28461efa3d1ca79b14");
    }

    @Test
    void v2BindsSecretTimestampMethodPathAndBody() {
        Signatures.Presented sig =
                Signatures.parse(RequestSignature.v2("old", 42, "POST", "/v1/ingest/comments", body));
        assertThat(Signatures.match(List.of("new", "old"), sig, 42, "POST", "/v1/ingest/comments", body))
                .isEqualTo("old");
        assertThat(Signatures.match(List.of("new"), sig, 42, "POST", "/v1/ingest/comments", body))
                .isNull();
        assertThat(Signatures.match(List.of("old"), sig, 43, "POST", "/v1/ingest/comments", body))
                .isNull();
        assertThat(Signatures.match(List.of("old"), sig, 42, "GET", "/v1/ingest/comments", body))
                .isNull();
        assertThat(Signatures.match(List.of("old"), sig, 42, "POST", "/v1/ingest/stream-events", body))
                .isNull();
        assertThat(Signatures.match(List.of("old"), sig, 42, "POST", "/v1/ingest/comments?a=1", body))
                .isNull();
        assertThat(Signatures.match(
                        List.of("old"), sig, 42, "POST", "/v1/ingest/comments", "x".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void aV1SignatureVerifiesOnlyAsV1AndMalformedHeadersDoNotParse() {
        String v1 = RequestSignature.v1("old", 42, body);
        assertThat(Signatures.match(List.of("old"), Signatures.parse(v1), 42, "POST", "/any", body))
                .isEqualTo("old");
        assertThat(Signatures.match(
                        List.of("old"), Signatures.parse(v1.replace("v1=", "v2=")), 42, "POST", "/any", body))
                .isNull();
        assertThat(Signatures.parse("v1=zz")).isNull();
        assertThat(Signatures.parse("v3=" + "0".repeat(64))).isNull();
        assertThat(Signatures.parse("v2=" + "g".repeat(64))).isNull();
        assertThat(Signatures.parse(null)).isNull();
    }
}
