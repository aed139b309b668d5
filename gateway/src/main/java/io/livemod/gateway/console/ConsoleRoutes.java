package io.livemod.gateway.console;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.platform.Platforms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console, served by the gateway itself from the classpath ({@code /console/}), and in
 * dev mode its sign-in helpers: the demo identities and a token for the one picked. Outside dev
 * mode those two routes do not exist (404) and the console expects a token from the identity
 * provider (redirect back with {@code #access_token=...}).
 */
public final class ConsoleRoutes {
    private final GatewayConfig config;
    private final Platforms platforms;
    private final Auth auth;

    public ConsoleRoutes(GatewayConfig config, Platforms platforms, Auth auth) {
        this.config = config;
        this.platforms = platforms;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/console/"));
        router.get("/console/config.json").handler(this::consoleConfig);
        router.route("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
        if (config.devMode()) {
            router.post("/v1/dev/token").handler(this::devToken);
        }
    }

    /** What the console needs to know before sign-in: dev mode and its demo identities. */
    private void consoleConfig(RoutingContext ctx) {
        JsonObject body = new JsonObject().put("devMode", config.devMode());
        if (config.devMode()) {
            JsonArray ids = new JsonArray();
            platforms.all().stream().map(p -> p.id()).sorted().forEach(p ->
                    ids.add(new JsonObject().put("role", "moderator").put("platform", p).put("sub", "mod-" + p)));
            ids.add(new JsonObject().put("role", "officer").put("sub", "officer-1"));
            ids.add(new JsonObject().put("role", "admin").put("sub", "admin-1"));
            body.put("identities", ids);
        }
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body.encode());
    }

    /** Dev mode only: a short-lived token for a demo identity, as `livemod token` would mint. */
    private void devToken(RoutingContext ctx) {
        JsonObject req;
        try {
            req = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            req = null;
        }
        if (req == null) {
            Errors.send(ctx, 400, "malformed_body", "expected {\"role\",\"platform\"?,\"sub\"}", "$");
            return;
        }
        Principal.Role role = Principal.Role.fromWire(req.getString("role"));
        if (role == null) {
            Errors.send(ctx, 400, "invalid_parameter", "role must be moderator, officer or admin", "role");
            return;
        }
        String platform = req.getString("platform");
        if (role == Principal.Role.MODERATOR && platforms.get(platform).isEmpty()) {
            Errors.send(ctx, 400, "invalid_parameter", "a moderator needs a known platform", "platform");
            return;
        }
        String sub = req.getString("sub", role.wire());
        String token = auth.devToken(sub, role, role == Principal.Role.MODERATOR ? platform : null, 480);
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("token", token).put("role", role.wire()).put("platform", platform).put("sub", sub).encode());
    }
}
