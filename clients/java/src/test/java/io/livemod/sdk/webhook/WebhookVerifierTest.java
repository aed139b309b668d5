package io.livemod.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.livemod.gateway.platform.WebhookSecrets;
import io.livemod.gateway.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standard Webhooks verification, checked against the reference library and the gateway's own signer. */
class WebhookVerifierTest {
    private static final String BODY =
            "{\"type\":\"decision.created\",\"timestamp\":\"2026-11-28T13:00:00Z\",\"data\":{\"commentId\":\"c-1\",\"action\":\"remove\",\"note\":\"xúc phạm\"}}";
    private final String secret = WebhookSecrets.generate();
    private final long now = System.currentTimeMillis() / 1000; // the reference library checks against the real clock

    @Test
    void verifiesWhatTheReferenceLibrarySignsAndTheReferenceVerifiesWhatItSigns() throws Exception {
        String reference = new Webhook(secret).sign("decision.created:d1", now, BODY);
        WebhookEvent e = WebhookVerifier.of(secret).verify(headers("decision.created:d1", now, reference), bytes(BODY));
        assertThat(e.type()).isEqualTo(WebhookEvent.DECISION);
        assertThat(e.data().path("commentId").asText()).isEqualTo("c-1");
        assertThat(e.id()).isEqualTo("decision.created:d1");

        String ours = WebhookVerifier.sign(secret, "decision.created:d2", now, bytes(BODY));
        assertThat(ours).isEqualTo(new Webhook(secret).sign("decision.created:d2", now, BODY));
        new Webhook(secret)
                .verify(
                        BODY,
                        Map.of(
                                "webhook-id",
                                List.of("decision.created:d2"),
                                "webhook-timestamp",
                                List.of(Long.toString(now)),
                                "webhook-signature",
                                List.of(ours)));
    }

    @Test
    void verifiesTheGatewaysSignatureDuringARotationWithEitherSecret() {
        String old = WebhookSecrets.generate();
        String header = WebhookSigner.signature(List.of(secret, old), "takedown.requested:t1", now, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(WebhookVerifier.of(secret)
                        .verify(headers("takedown.requested:t1", now, header), bytes(BODY))
                        .id())
                .isEqualTo("takedown.requested:t1");
        assertThat(WebhookVerifier.of(old)
                        .verify(headers("takedown.requested:t1", now, header), bytes(BODY))
                        .type())
                .isEqualTo(WebhookEvent.DECISION);
    }

    @Test
    void refusesATamperedBodyAnotherSecretAStaleTimestampAndMissingHeaders() {
        String sig = WebhookVerifier.sign(secret, "d1", now, bytes(BODY));
        WebhookVerifier verifier = WebhookVerifier.of(secret);
        assertThatThrownBy(() -> verifier.verify(headers("d1", now, sig), bytes(BODY + " ")))
                .isInstanceOf(WebhookException.class)
                .hasMessageContaining("webhook-signature");
        assertThatThrownBy(() -> verifier.verify(headers("d2", now, sig), bytes(BODY)))
                .isInstanceOf(WebhookException.class);
        assertThatThrownBy(() ->
                        WebhookVerifier.of(WebhookSecrets.generate()).verify(headers("d1", now, sig), bytes(BODY)))
                .isInstanceOf(WebhookException.class);
        Clock later = Clock.fixed(Instant.ofEpochSecond(now + 301), ZoneOffset.UTC);
        assertThatThrownBy(() -> new WebhookVerifier(List.of(secret), later, Duration.ofMinutes(5))
                        .verify(headers("d1", now, sig), bytes(BODY)))
                .isInstanceOf(WebhookException.class)
                .hasMessageContaining("webhook-timestamp");
        assertThatThrownBy(() -> verifier.verify(
                        Map.of("webhook-id", "d1", "webhook-timestamp", Long.toString(now)), bytes(BODY)))
                .isInstanceOf(WebhookException.class)
                .hasMessageContaining("webhook-signature: missing");
        assertThatThrownBy(() -> WebhookVerifier.of("not-a-whsec")).hasMessageContaining("whsec_");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        String sig = WebhookVerifier.sign(secret, "d1", now, bytes(BODY));
        Map<String, String> h = Map.of(
                "Webhook-Id", "d1", "WEBHOOK-TIMESTAMP", Long.toString(now), "Webhook-Signature", "v1,bm9wZQ== " + sig);
        assertThat(WebhookVerifier.of(secret).verify(h, bytes(BODY)).id()).isEqualTo("d1");
    }

    private static Map<String, String> headers(String id, long ts, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature", signature);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
