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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-JWT authentication for moderators, officers and admins. The algorithm is pinned (HS256
 * with the dev key in dev mode; RS256/ES256 from the JWKS URL otherwise), {@code exp}, issuer and
 * audience are checked, and a token must carry {@code exp} and {@code sub}. JWKS keys are
 * refetched every 10 minutes. Every route states the roles it admits with {@link #require}; a
 * moderator's token must name its platform, which then bounds everything the moderator sees.
 */
public final class Auth {
    public static final String PRINCIPAL = "livemod.principal";
    /** The verified token's {@code exp} (unix seconds): long-lived responses (SSE feeds) end there. */
    public static final String EXPIRES_AT = "livemod.token.exp";

    private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
    private static final Set<String> SIGNING_ALGS =
            Set.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "ES512");
    private static final Duration JWKS_REFRESH = Duration.ofMinutes(10);
    private volatile JWTAuth jwt;
    private final GatewayConfig config;

    private Auth(JWTAuth jwt, GatewayConfig config) {
        this.jwt = jwt;
        this.config = config;
    }

    public static Future<Auth> create(Vertx vertx, GatewayConfig config) {
        if (config.devMode() && config.jwksUrl() == null) {
            JWTAuthOptions o = new JWTAuthOptions()
                    .setJWTOptions(checks(config).setAlgorithm("HS256"))
                    .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(config.devJwtKey()));
            return Future.succeededFuture(new Auth(JWTAuth.create(vertx, o), config));
        }
        return fetchJwks(vertx, config).map(jwt -> {
            Auth auth = new Auth(jwt, config);
            // Identity providers rotate keys: refetch regularly, keeping the old keys when the fetch fails.
            vertx.setPeriodic(JWKS_REFRESH.toMillis(), t -> fetchJwks(vertx, config)
                    .onSuccess(fresh -> auth.jwt = fresh)
                    .onFailure(e -> LOG.warn(
                            "JWKS refresh from {} failed, keeping the current keys: {}",
                            config.jwksUrl(),
                            e.getMessage())));
            return auth;
        });
    }

    private static JWTOptions checks(GatewayConfig config) {
        return new JWTOptions()
                .setIssuer(config.jwtIssuer())
                .setAudience(List.of(config.jwtAudience()))
                .setLeeway(30);
    }

    /** Only asymmetric signing keys are taken: a JWKS cannot smuggle in a shared secret (alg confusion). */
    private static Future<JWTAuth> fetchJwks(Vertx vertx, GatewayConfig config) {
        WebClient client = WebClient.create(vertx);
        return client.getAbs(config.jwksUrl())
                .timeout(10_000)
                .send()
                .map(resp -> {
                    if (resp.statusCode() != 200)
                        throw new IllegalStateException(
                                "jwksUrl: " + config.jwksUrl() + " answered " + resp.statusCode());
                    JsonArray keys = resp.bodyAsJsonObject().getJsonArray("keys", new JsonArray());
                    List<JsonObject> jwks = new ArrayList<>();
                    for (Object k : keys) {
                        JsonObject key = (JsonObject) k;
                        if (SIGNING_ALGS.contains(key.getString("alg", "")) && !"enc".equals(key.getString("use")))
                            jwks.add(key);
                    }
                    if (jwks.isEmpty())
                        throw new IllegalStateException(
                                "jwksUrl: no signing key with alg " + SIGNING_ALGS + " at " + config.jwksUrl());
                    return JWTAuth.create(
                            vertx,
                            new JWTAuthOptions().setJWTOptions(checks(config)).setJwks(jwks));
                })
                .onComplete(ar -> client.close());
    }

    /** A dev-mode token; refused outside dev mode. */
    public String devToken(String sub, Principal.Role role, String platform, int minutes) {
        if (!config.devMode()) throw new IllegalStateException("dev tokens exist only in dev mode");
        JsonObject claims = new JsonObject().put("sub", sub).put("role", role.wire());
        if (platform != null) claims.put("platform", platform);
        return jwt.generateToken(
                claims,
                new JWTOptions()
                        .setAlgorithm("HS256")
                        .setExpiresInMinutes(minutes)
                        .setIssuer(config.jwtIssuer())
                        .setAudience(List.of(config.jwtAudience())));
    }

    /** Any failure to read the token, thrown or not, is an invalid token (401), never a 500. */
    private Future<io.vertx.ext.auth.User> authenticate(String token) {
        try {
            return jwt.authenticate(new io.vertx.ext.auth.authentication.TokenCredentials(token));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * A token in the URL ends up in access logs, proxies and browser history, so it is taken only
     * where there is no other way: the Server-Sent Events feeds, which EventSource opens without
     * headers. Everything else needs the Authorization header.
     */
    static boolean acceptsQueryToken(RoutingContext ctx) {
        return io.vertx.core.http.HttpMethod.GET.equals(ctx.request().method())
                && ctx.request().path().endsWith("/live");
    }

    /** A handler admitting only the given roles: 401 without a valid token, 403 for another role. */
    public io.vertx.core.Handler<RoutingContext> require(Principal.Role... roles) {
        Set<Principal.Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return ctx -> {
            // Already verified for this request by a check in front (a filter on the path's prefix): only the role is
            // left to check.
            Principal verified = ctx.get(PRINCIPAL);
            if (verified != null) {
                if (allowed.contains(verified.role())) ctx.next();
                else Errors.send(ctx, 403, "forbidden", "this route is not open to this role");
                return;
            }
            String header = ctx.request().getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim()
                    : null;
            if (token == null && ctx.request().getParam("access_token") != null) {
                if (!acceptsQueryToken(ctx)) {
                    Errors.send(
                            ctx,
                            401,
                            "unauthorized",
                            "access_token in the URL is accepted only by GET .../live feeds; send Authorization: Bearer");
                    return;
                }
                token = ctx.request().getParam("access_token");
            }
            if (token == null || token.isEmpty()) {
                Errors.send(ctx, 401, "unauthorized", "a Bearer token is required");
                return;
            }
            authenticate(token).onComplete(ar -> {
                if (ar.failed()) {
                    Errors.send(ctx, 401, "unauthorized", "the token is invalid or expired");
                    return;
                }
                // The verified payload; the principal holds the claims minus exp/iat (and the raw token).
                JsonObject claims = ar.result()
                        .attributes()
                        .getJsonObject("accessToken", ar.result().principal());
                // The JWT library checks exp only when present: a token without one would never expire.
                if (!(claims.getValue("exp") instanceof Number)
                        || !(claims.getValue("sub") instanceof String sub)
                        || sub.isBlank()) {
                    Errors.send(ctx, 401, "unauthorized", "the token needs exp and sub");
                    return;
                }
                Principal.Role role = Principal.Role.fromWire(claims.getString("role"));
                String platform = claims.getString("platform");
                if (role == null || !allowed.contains(role) || (role == Principal.Role.MODERATOR && platform == null)) {
                    Errors.send(ctx, 403, "forbidden", "this route is not open to this role");
                    return;
                }
                ctx.put(PRINCIPAL, new Principal(claims.getString("sub"), role, platform));
                ctx.put(EXPIRES_AT, claims.getLong("exp"));
                ctx.next();
            });
        };
    }
}
