package io.livemod.gateway.console;

import io.livemod.gateway.GatewayConfig;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.SecurityHeaders;
import io.livemod.gateway.platform.Platforms;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The web console, served by the gateway itself from the classpath ({@code /console/}), and in
 * dev mode its sign-in helpers: the demo identities and a token for the one picked. Outside dev
 * mode those two routes do not exist (404) and the console expects a token from the identity
 * provider (redirect back with {@code #access_token=...&state=...}, the state checked by the console).
 * The dev token is minted only for callers on this machine. Pages carry {@link SecurityHeaders}.
 */
public final class ConsoleRoutes {
    private final GatewayConfig config;
    private final Platforms platforms;
    private final Auth auth;
    private final String signInUrl;

    /** @param signInUrl the identity provider's authorization URL (LIVEMOD_CONSOLE_SIGNIN_URL), or null */
    public ConsoleRoutes(GatewayConfig config, Platforms platforms, Auth auth, String signInUrl) {
        this.config = config;
        this.platforms = platforms;
        this.auth = auth;
        this.signInUrl = signInUrl == null || signInUrl.isBlank() ? null : checked(signInUrl.trim(), config.devMode());
    }

    private static String checked(String url, boolean devMode) {
        java.net.URI u;
        try {
            u = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("LIVEMOD_CONSOLE_SIGNIN_URL: not a URL: " + e.getReason());
        }
        if (u.getHost() == null || !("https".equals(u.getScheme()) || (devMode && "http".equals(u.getScheme())))) {
            throw new IllegalArgumentException("LIVEMOD_CONSOLE_SIGNIN_URL: an absolute https URL is required");
        }
        return url;
    }

    /** The pages' browser protections, in front of every console route. */
    public static final Handler<RoutingContext> HEADERS = SecurityHeaders.with(SecurityHeaders.CONSOLE_POLICY);

    /** The console's files from the classpath. */
    public final Handler<RoutingContext> files =
            StaticHandler.create("console").setCachingEnabled(false).setDefaultContentEncoding("UTF-8");

    /** Whether the dev sign-in helper ({@code POST /v1/dev/token}) exists: dev mode only. */
    public boolean devMode() {
        return config.devMode();
    }

    public void home(RoutingContext ctx) {
        ctx.redirect("/console/");
    }

    /** Dev helpers answer only callers on this machine, even when dev mode listens on another interface. */
    static boolean loopback(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) return false;
        try {
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** What the console needs to know before sign-in: dev mode and its demo identities, or where to sign in. */
    public void consoleConfig(RoutingContext ctx) {
        JsonObject body = new JsonObject().put("devMode", config.devMode());
        if (signInUrl != null) body.put("signInUrl", signInUrl);
        if (config.devMode() && loopback(ctx.request().remoteAddress())) {
            JsonArray ids = new JsonArray();
            platforms.all().stream()
                    .map(p -> p.id())
                    .sorted()
                    .forEach(p -> ids.add(new JsonObject()
                            .put("role", "moderator")
                            .put("platform", p)
                            .put("sub", "mod-" + p)));
            ids.add(new JsonObject().put("role", "officer").put("sub", "officer-1"));
            ids.add(new JsonObject().put("role", "admin").put("sub", "admin-1"));
            body.put("identities", ids);
        }
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    /** Dev mode only: a short-lived token for a demo identity, as `livemod token` would mint. */
    public void devToken(RoutingContext ctx) {
        if (!loopback(ctx.request().remoteAddress())) {
            Errors.send(ctx, 404, "not_found", "no such route");
            return;
        }
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
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject()
                        .put("token", token)
                        .put("role", role.wire())
                        .put("platform", platform)
                        .put("sub", sub)
                        .encode());
    }
}
