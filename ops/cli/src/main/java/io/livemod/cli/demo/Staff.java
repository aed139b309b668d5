package io.livemod.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The people on the other side of the loop, played with dev-mode tokens: an admin who registers
 * the simulated platform, its moderator who decides on flags, a ministry officer who requests a
 * takedown. Only a dev-mode gateway accepts these tokens.
 */
public final class Staff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    final String admin;
    final String moderator;
    final String officer;

    public Staff(URI gateway, String admin, String moderator, String officer) {
        this.gateway = gateway;
        this.admin = admin;
        this.moderator = moderator;
        this.officer = officer;
    }

    /** Registers (or updates) the platform with its webhook URL, then rotates to learn both secrets: {"secret","webhookSecret"}. */
    JsonNode registerPlatform(String id, String webhookUrl) {
        ObjectNode p = JSON.createObjectNode()
                .put("id", id)
                .put("name", "Simulated platform (platform-demo)")
                .put("webhookUrl", webhookUrl);
        call("POST", "/v1/platforms", admin, p, 200, 201);
        return call(
                "POST",
                "/v1/platforms/" + id + "/rotate-secret",
                admin,
                JSON.createObjectNode().put("graceSeconds", 0),
                200);
    }

    JsonNode openFlags(String streamId) {
        return call("GET", "/v1/flags?status=open&streamId=" + streamId, moderator, null, 200)
                .path("items");
    }

    JsonNode decide(String flagId, String action, String note) {
        return call(
                "POST",
                "/v1/flags/" + flagId + "/decision",
                moderator,
                JSON.createObjectNode().put("action", action).put("note", note),
                201);
    }

    String requestTakedown(String platform, String streamId) {
        ObjectNode t = JSON.createObjectNode()
                .put("platform", platform)
                .put("streamId", streamId)
                .put("reason", "gambling advertisement in the live chat")
                .put("legalBasis", "Decree 147/2024, Art. 23");
        return call("POST", "/v1/takedowns", officer, t, 201, 202)
                .path("takedownId")
                .asText();
    }

    JsonNode takedown(String id) {
        return call("GET", "/v1/takedowns/" + id, officer, null, 200);
    }

    private JsonNode call(String method, String path, String token, JsonNode body, int... ok) {
        HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (int s : ok)
                if (r.statusCode() == s) return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            throw new DemoFailure(method + " " + path + " answered " + r.statusCode() + ": " + r.body()
                    + (r.statusCode() == 401
                            ? " (platform-demo plays moderator and officer with dev tokens: is the gateway in dev mode, as `./livemod run`?)"
                            : ""));
        } catch (IOException e) {
            throw new DemoFailure("cannot reach the gateway at " + gateway + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    /** Why the loop could not close: printed as one line, exit 1. */
    public static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }
}
