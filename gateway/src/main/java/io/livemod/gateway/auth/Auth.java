package io.livemod.gateway.auth;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.http.Errors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bearer-JWT authentication for moderators, officers and admins. The algorithm is pinned (HS256
 * with the dev key in dev mode; RS256/ES256 from the JWKS URL otherwise), {@code exp}, issuer and
 * audience are checked. Every route states the roles it admits with {@link #require}.
 */
public final class Auth {
    public static final String PRINCIPAL = "livemod.principal";
    private final JWTAuth jwt;
    private final GatewayConfig config;

    private Auth(JWTAuth jwt, GatewayConfig config) {
        this.jwt = jwt;
        this.config = config;
    }

    public static Future<Auth> create(Vertx vertx, GatewayConfig config) {
        JWTOptions checks = new JWTOptions().setIssuer(config.jwtIssuer()).setAudience(List.of(config.jwtAudience()))
                .setLeeway(30);
        if (config.devMode() && config.jwksUrl() == null) {
            JWTAuthOptions o = new JWTAuthOptions().setJWTOptions(checks.setAlgorithm("HS256"))
                    .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(config.devJwtKey()));
            return Future.succeededFuture(new Auth(JWTAuth.create(vertx, o), config));
        }
        WebClient client = WebClient.create(vertx);
        return client.getAbs(config.jwksUrl()).send().map(resp -> {
            if (resp.statusCode() != 200) throw new IllegalStateException("jwksUrl: " + config.jwksUrl() + " answered " + resp.statusCode());
            JsonArray keys = resp.bodyAsJsonObject().getJsonArray("keys", new JsonArray());
            List<JsonObject> jwks = new ArrayList<>();
            keys.forEach(k -> jwks.add((JsonObject) k));
            JWTAuthOptions o = new JWTAuthOptions().setJWTOptions(checks).setJwks(jwks);
            return new Auth(JWTAuth.create(vertx, o), config);
        }).onComplete(ar -> client.close());
    }

    /** A dev-mode token; refused outside dev mode. */
    public String devToken(String sub, Principal.Role role, String platform, int minutes) {
        if (!config.devMode()) throw new IllegalStateException("dev tokens exist only in dev mode");
        JsonObject claims = new JsonObject().put("sub", sub).put("role", role.wire());
        if (platform != null) claims.put("platform", platform);
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(minutes)
                .setIssuer(config.jwtIssuer()).setAudience(List.of(config.jwtAudience())));
    }

    /** A handler admitting only the given roles: 401 without a valid token, 403 for another role. */
    public io.vertx.core.Handler<RoutingContext> require(Principal.Role... roles) {
        Set<Principal.Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return ctx -> {
            String header = ctx.request().getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                    : ctx.request().getParam("access_token"); // EventSource cannot set headers
            if (token == null || token.isEmpty()) {
                Errors.send(ctx, 401, "unauthorized", "a Bearer token is required");
                return;
            }
            jwt.authenticate(new io.vertx.ext.auth.authentication.TokenCredentials(token)).onComplete(ar -> {
                if (ar.failed()) {
                    Errors.send(ctx, 401, "unauthorized", "the token is invalid or expired");
                    return;
                }
                JsonObject claims = ar.result().principal();
                Principal.Role role = Principal.Role.fromWire(claims.getString("role"));
                String platform = claims.getString("platform");
                if (role == null || !allowed.contains(role) || (role == Principal.Role.MODERATOR && platform == null)) {
                    Errors.send(ctx, 403, "forbidden", "this route is not open to this role");
                    return;
                }
                ctx.put(PRINCIPAL, new Principal(claims.getString("sub"), role, platform));
                ctx.next();
            });
        };
    }
}
