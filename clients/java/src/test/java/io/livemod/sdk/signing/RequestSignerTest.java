package io.livemod.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.signing.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The client's own v2 signer agrees byte for byte with the one the gateway verifies with (moderation's RequestSignature). */
class RequestSignerTest {
    private static final String[] METHODS = {"GET", "POST", "DELETE"};
    private static final String[] PATHS = {
        "/v1/ingest/comments",
        "/v1/ingest/ws",
        "/v1/platform/takedowns?status=open&limit=5",
        "/v1/takedowns/td-1/done",
        "/v1/x?q=%C3%A0%20b"
    };

    @Test
    void agreesWithTheGatewaysSignatureOnVariedRequests() {
        Random random = new Random(19);
        for (int i = 0; i < 300; i++) {
            String secret = "k" + randomText(random, random.nextInt(40));
            byte[] body = randomText(random, random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
            long ts = 1_700_000_000L + random.nextInt(100_000_000);
            String method = METHODS[random.nextInt(METHODS.length)];
            String path = PATHS[random.nextInt(PATHS.length)];
            RequestSigner signer = new RequestSigner("p", secret);
            assertThat(signer.sign(ts, method, path, body))
                    .isEqualTo(RequestSignature.v2(secret, ts, method, path, body));
            // a body inside a larger buffer signs as the body alone
            byte[] framed = new byte[body.length + 7];
            System.arraycopy(body, 0, framed, 3, body.length);
            assertThat(signer.sign(ts, method, path, framed, 3, body.length))
                    .isEqualTo(RequestSignature.v2(secret, ts, method, path, body));
        }
    }

    @Test
    void anEmptyBodyAndANullBodySignTheSame() {
        RequestSigner signer = new RequestSigner("demo-gapo", "s3cret");
        assertThat(signer.sign(1_800_000_000L, "GET", "/v1/ingest/ws", null))
                .isEqualTo(RequestSignature.v2("s3cret", 1_800_000_000L, "GET", "/v1/ingest/ws", new byte[0]));
    }

    @Test
    void aBlankPlatformOrSecretIsRefusedNamingIt() {
        assertThatThrownBy(() -> new RequestSigner(" ", "s")).hasMessageContaining("platform");
        assertThatThrownBy(() -> new RequestSigner("p", "")).hasMessageContaining("secret");
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder();
        String alphabet = "abcXYZ019 .,\"\\{}[]àáạảãăằắêếệôồơờưừđĐ\n\t😀";
        while (b.length() < length)
            b.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        return b.toString();
    }
}
