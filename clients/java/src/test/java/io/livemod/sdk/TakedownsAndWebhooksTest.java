package io.livemod.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.WebhookSecrets;
import io.livemod.sdk.takedown.Takedown;
import io.livemod.sdk.takedown.TakedownPoller;
import io.livemod.sdk.webhook.WebhookEvent;
import io.livemod.sdk.webhook.WebhookException;
import io.livemod.sdk.webhook.WebhookVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A ministry takedown reaches the platform by a webhook the client verifies, is listed by polling, and is answered. */
class TakedownsAndWebhooksTest {
    private final LocalGateway gw = LocalGateway.get();
    private final List<WebhookEvent> verified = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) receiver.stop(0);
    }

    @Test
    void aTakedownArrivesByVerifiedWebhookIsListedAndIsAnsweredOnce() throws Exception {
        String whsec = WebhookSecrets.generate();
        WebhookVerifier verifier = WebhookVerifier.of(whsec);
        receiver = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = 204;
            try {
                verified.add(verifier.verify(ex.getRequestHeaders()::getFirst, body));
            } catch (WebhookException e) {
                refused.add(e.getMessage());
                status = 400;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        gw.platform(
                "cl-td",
                "secret-td",
                whsec,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                null);
        LivemodClient client = gw.client("cl-td", "secret-td", RetryPolicy.DEFAULT);

        String takedownId = requestTakedown("cl-td", "live-td");
        WebhookEvent hook = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> verified.stream()
                                .filter(e -> WebhookEvent.TAKEDOWN.equals(e.type()))
                                .findFirst()
                                .orElse(null),
                        e -> e != null);
        assertThat(refused).isEmpty();
        Takedown fromHook = hook.takedown();
        assertThat(fromHook.takedownId()).isEqualTo(takedownId);
        assertThat(fromHook.streamId()).isEqualTo("live-td");
        assertThat(fromHook.deadline()).isEqualTo(fromHook.requestedAt().plus(Duration.ofHours(24)));

        assertThat(client.takedowns("open")).extracting(Takedown::takedownId).containsExactly(takedownId);
        Takedown done = client.answerTakedown(takedownId, "stream ended and hidden");
        assertThat(done == null ? "pending" : done.status()).isIn("done", "pending");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.takedowns("open").isEmpty());
        assertThat(client.answerTakedown(takedownId, "again").status()).isEqualTo("done"); // idempotent
        assertThat(client.takedowns("done")).extracting(Takedown::takedownId).containsExactly(takedownId);
    }

    @Test
    void thePollerHandsEachOpenRequestToTheHandlerOnceAndAnswersIt() {
        gw.platform("cl-poll", "secret-poll", null, null, null);
        LivemodClient client = gw.client("cl-poll", "secret-poll", RetryPolicy.DEFAULT);
        String id = requestTakedown("cl-poll", "live-poll");
        List<String> handled = new CopyOnWriteArrayList<>();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        try (TakedownPoller poller = new TakedownPoller(
                client,
                Duration.ofMillis(200),
                t -> {
                    handled.add(t.takedownId());
                    return "removed " + t.streamId();
                },
                errors::add)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.takedowns("done").size() == 1);
            poller.pollOnce();
        }
        assertThat(handled).containsExactly(id);
        assertThat(errors).isEmpty();
    }

    private String requestTakedown(String platform, String streamId) {
        String body = "{\"platform\":\"" + platform + "\",\"streamId\":\"" + streamId
                + "\",\"reason\":\"quảng cáo cờ bạc\",\"legalBasis\":\"Decree 147/2024, Art. 23\"}";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(gw.uri() + "/v1/takedowns"))
                                    .header("Authorization", "Bearer " + gw.token(Principal.Role.OFFICER, null))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(r.body())
                    .path("takedownId")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
