package io.livemod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT checks on real HTTP: the algorithm is pinned, exp/iss/aud are checked, roles are enforced;
 * keys come from the dev key in dev mode only, or from a JWKS URL (a local Vert.x server here).
 */
class AuthTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Vertx vertx;
    static int devPort;
    static int jwksPort;
    static KeyPair rsa;
    static KeyPair otherRsa;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        rsa = gen.generateKeyPair();
        otherRsa = gen.generateKeyPair();
        HttpServer idp = vertx.createHttpServer()
                .requestHandler(req -> req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("keys", new JsonArray().add(Jwts.jwk((RSAPublicKey) rsa.getPublic(), "k1")))
                                .encode()))
                .listen(0, "127.0.0.1")
                .await();

        devPort = serve(Auth.create(vertx, GatewayConfig.dev("127.0.0.1:9", 0)).await());
        GatewayConfig prod = GatewayConfig.defaults("127.0.0.1:9")
                .withEnv(Map.of("LIVEMOD_JWKS_URL", "http://127.0.0.1:" + idp.actualPort() + "/jwks")::get);
        jwksPort = serve(Auth.create(vertx, prod).await());
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    static int serve(Auth auth) {
        Router r = Router.router(vertx);
        r.get("/moderators")
                .handler(auth.require(Principal.Role.MODERATOR))
                .handler(ctx -> ctx.end(((Principal) ctx.get(Auth.PRINCIPAL)).platform()));
        r.route("/moderators/live")
                .handler(auth.require(Principal.Role.MODERATOR))
                .handler(ctx -> ctx.end("feed"));
        r.get("/officers")
                .handler(auth.require(Principal.Role.OFFICER, Principal.Role.ADMIN))
                .handler(ctx -> ctx.end("ok"));
        return vertx.createHttpServer()
                .requestHandler(r)
                .listen(0, "127.0.0.1")
                .await()
                .actualPort();
    }

    static int status(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String dev(JsonObject claims) {
        return Jwts.hs256(GatewayConfig.DEV_JWT_KEY, claims);
    }

    @Test
    void devModeAcceptsTheDevKeyAndEnforcesRoles() throws Exception {
        assertThat(status(devPort, "/moderators", dev(Jwts.claims("moderator", "p", now()))))
                .isEqualTo(200);
        assertThat(status(devPort, "/officers", dev(Jwts.claims("officer", null, now()))))
                .isEqualTo(200);
        assertThat(status(devPort, "/officers", dev(Jwts.claims("moderator", "p", now()))))
                .isEqualTo(403);
        assertThat(status(devPort, "/moderators", dev(Jwts.claims("officer", null, now()))))
                .isEqualTo(403);
        assertThat(status(devPort, "/moderators", dev(Jwts.claims("moderator", null, now()))))
                .as("no platform")
                .isEqualTo(403);
        assertThat(status(devPort, "/moderators", dev(Jwts.claims("superuser", "p", now()))))
                .isEqualTo(403);
        assertThat(status(devPort, "/moderators", null)).isEqualTo(401);
    }

    @Test
    void aTokenInTheUrlIsTakenOnlyByLiveFeeds() throws Exception {
        String token = dev(Jwts.claims("moderator", "p", now()));
        assertThat(status(devPort, "/moderators/live?access_token=" + token, null))
                .as("EventSource: GET .../live")
                .isEqualTo(200);
        HttpResponse<String> elsewhere = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + devPort + "/moderators?access_token=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(elsewhere.body()).getString("message")).contains("Authorization: Bearer");
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + devPort + "/moderators/live?access_token=" + token))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("not a GET").isEqualTo(401);
        assertThat(status(devPort, "/moderators/live?access_token=" + dev(Jwts.claims("officer", null, now())), null))
                .isEqualTo(403);
    }

    @Test
    void badTokensAreRefused() throws Exception {
        long now = now();
        Map<String, String> bad = Map.of(
                "expired", dev(Jwts.claims("moderator", "p", now - 7200)),
                "no exp", dev(without(Jwts.claims("moderator", "p", now), "exp")),
                "null exp", dev(Jwts.claims("moderator", "p", now).put("exp", (Long) null)),
                "no sub", dev(without(Jwts.claims("moderator", "p", now), "sub")),
                "other issuer", dev(Jwts.claims("moderator", "p", now).put("iss", "someone-else")),
                "other audience", dev(Jwts.claims("moderator", "p", now).put("aud", "another-app")),
                "other key",
                        Jwts.hs256(
                                "a-different-key-of-sufficient-length-0123456789", Jwts.claims("moderator", "p", now)),
                "alg none", Jwts.none(Jwts.claims("moderator", "p", now)),
                "RS256 in dev mode", Jwts.rs256(rsa.getPrivate(), "k1", Jwts.claims("moderator", "p", now)),
                "tampered", tamper(dev(Jwts.claims("moderator", "p", now))));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            assertThat(status(devPort, "/moderators", e.getValue()))
                    .as(e.getKey())
                    .isEqualTo(401);
        }
    }

    @Test
    void outsideDevModeKeysComeFromTheJwksUrlAndTheDevKeyIsRefused() throws Exception {
        long now = now();
        assertThat(status(
                        jwksPort,
                        "/moderators",
                        Jwts.rs256(rsa.getPrivate(), "k1", Jwts.claims("moderator", "p", now))))
                .isEqualTo(200);
        assertThat(status(jwksPort, "/moderators", dev(Jwts.claims("moderator", "p", now))))
                .as("dev key")
                .isEqualTo(401);
        assertThat(status(
                        jwksPort,
                        "/moderators",
                        Jwts.rs256(otherRsa.getPrivate(), "k1", Jwts.claims("moderator", "p", now))))
                .as("unknown key")
                .isEqualTo(401);
        assertThat(status(
                        jwksPort,
                        "/moderators",
                        Jwts.rs256(rsa.getPrivate(), "k1", Jwts.claims("moderator", "p", now - 7200))))
                .as("expired")
                .isEqualTo(401);
        assertThat(status(jwksPort, "/moderators", Jwts.none(Jwts.claims("moderator", "p", now))))
                .as("alg none")
                .isEqualTo(401);
        assertThat(status(
                        jwksPort, "/officers", Jwts.rs256(rsa.getPrivate(), "k1", Jwts.claims("moderator", "p", now))))
                .isEqualTo(403);
    }

    @Test
    void theDevKeyExistsOnlyInDevMode() {
        assertThatThrownBy(() -> GatewayConfig.defaults("127.0.0.1:9").validate())
                .hasMessageContaining("jwksUrl");
        assertThatThrownBy(() -> Auth.create(
                                vertx,
                                GatewayConfig.defaults("127.0.0.1:9")
                                        .withEnv(Map.of("LIVEMOD_JWKS_URL", "http://127.0.0.1:1/jwks")::get))
                        .await())
                .isNotNull();
    }

    private static JsonObject without(JsonObject o, String key) {
        o.remove(key);
        return o;
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.", -1);
        String claims =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("\"p\"", "\"q\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }
}
