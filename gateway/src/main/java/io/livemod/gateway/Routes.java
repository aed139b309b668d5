package io.livemod.gateway;

import static io.livemod.gateway.http.RouteTable.Access.ADMIN;
import static io.livemod.gateway.http.RouteTable.Access.MODERATOR;
import static io.livemod.gateway.http.RouteTable.Access.MODERATOR_OR_ADMIN;
import static io.livemod.gateway.http.RouteTable.Access.OFFICER;
import static io.livemod.gateway.http.RouteTable.Access.OFFICER_OR_ADMIN;
import static io.livemod.gateway.http.RouteTable.Access.PLATFORM;
import static io.livemod.gateway.http.RouteTable.Access.PLATFORM_BODY;
import static io.livemod.gateway.http.RouteTable.Access.PLATFORM_HEADERS;
import static io.livemod.gateway.http.RouteTable.Access.PLATFORM_UPGRADE;
import static io.livemod.gateway.http.RouteTable.Access.PUBLIC;

import io.livemod.gateway.admin.Admin;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.claims.Claims;
import io.livemod.gateway.console.ConsoleRoutes;
import io.livemod.gateway.docs.DocsRoutes;
import io.livemod.gateway.http.ConnectionGuard;
import io.livemod.gateway.http.RouteTable;
import io.livemod.gateway.ingest.IngestModule;
import io.livemod.gateway.ingest.IngestRoutes;
import io.livemod.gateway.ingest.IngestSocket;
import io.livemod.gateway.ingest.PlatformAuth;
import io.livemod.gateway.ministry.Ministry;
import io.livemod.gateway.review.Review;
import io.livemod.gateway.webhook.DeliveryRoutes;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Every route the gateway serves, in one table: method, path, who may call, handler. The API's
 * routes are those of {@code openapi.yaml} (a test checks both ways); filters and static trees are
 * the prefixes {@code OpenApiRoutesTest} names. Order matters where paths overlap: literal
 * segments ({@code /v1/flags/live}) come before parameters ({@code /v1/flags/:flagId}).
 */
final class Routes {
    /** Before the shared body handler: admission of ingest bodies and WebSocket upgrades. */
    private static final int BEFORE_BODY = -10;
    /** Before everything on /v1: the body must arrive within the deadline. */
    private static final int FIRST = -20;

    private Routes() {}

    /** The features the table takes handlers from. */
    record Features(
            Gateway gateway,
            ConnectionGuard guard,
            IngestModule ingest,
            Review review,
            DeliveryRoutes deliveries,
            Ministry ministry,
            Admin admin,
            Claims claims,
            ConsoleRoutes console,
            DocsRoutes docs) {}

    static RouteTable table(Features f) {
        RouteTable t = new RouteTable();
        Gateway gw = f.gateway();
        t.filter("/health/*", PUBLIC, gw::noStore)
                .get("/health/live", PUBLIC, gw::live)
                .get("/health/ready", PUBLIC, gw::ready)
                .get("/metrics", PUBLIC, gw::metrics);
        // A trickled body cannot hold a connection and its buffer for long; then the body handler (1 MiB).
        t.add(null, "/v1/*", PUBLIC, FIRST, f.guard()::bodyDeadline)
                .filter("/v1/*", PUBLIC, BodyHandler.create(false).setBodyLimit(Gateway.MAX_BODY));

        // Platforms. Headers and admission before the body handler: nothing is buffered or booked for a
        // caller who is not a known platform with a fresh timestamp. An upgrade has no body and must be
        // upgraded in the same tick.
        IngestRoutes ingest = f.ingest().httpRoutes();
        t.add(HttpMethod.POST, IngestRoutes.COMMENTS, PLATFORM_HEADERS, BEFORE_BODY, ingest::admit)
                .add(HttpMethod.POST, IngestRoutes.STREAM_EVENTS, PLATFORM_HEADERS, BEFORE_BODY, ingest::admit)
                .post(IngestRoutes.COMMENTS, PLATFORM_BODY, ingest::ingestComments)
                .post(IngestRoutes.STREAM_EVENTS, PLATFORM_BODY, ingest::ingestStreamEvents)
                .add(
                        HttpMethod.GET,
                        IngestSocket.PATH,
                        PLATFORM_UPGRADE,
                        BEFORE_BODY,
                        f.ingest().socket()::upgrade);

        // Moderators.
        var flags = f.review().flagRoutes();
        var decisions = f.review().decisionRoutes();
        t.get("/v1/flags", MODERATOR, flags::listFlags)
                .get("/v1/flags/live", MODERATOR, flags::liveFlags)
                .get("/v1/flags/:flagId", MODERATOR, flags::getFlag)
                .post("/v1/flags/:flagId/claim", MODERATOR, decisions::claim)
                .delete("/v1/flags/:flagId/claim", MODERATOR, decisions::release)
                .post("/v1/flags/:flagId/decision", MODERATOR, decisions::decide)
                .get("/v1/webhooks/deliveries", MODERATOR_OR_ADMIN, f.deliveries()::list);

        // The ministry's officers, and platforms answering takedowns.
        var alerts = f.ministry().alertRoutes();
        var takedowns = f.ministry().takedownRoutes();
        t.get("/v1/alerts", OFFICER, alerts::listAlerts)
                .get("/v1/alerts/live", OFFICER, alerts::liveFeed)
                .get("/v1/alerts/cap", OFFICER, alerts::capFeed)
                .get("/v1/alerts/:alertId", OFFICER, alerts::getAlert)
                .get("/v1/alerts/:alertId/cap", OFFICER, alerts::capMessage)
                .post("/v1/alerts/:alertId/ack", OFFICER, alerts::ack)
                .post("/v1/alerts/:alertId/assign", OFFICER, alerts::assign)
                .post("/v1/alerts/:alertId/resolve", OFFICER, alerts::resolve)
                .post("/v1/takedowns", OFFICER, takedowns::request)
                .get("/v1/takedowns", OFFICER, takedowns::listAll)
                .get("/v1/takedowns/:id", OFFICER, takedowns::getAny)
                .post("/v1/takedowns/:id/done", PLATFORM, takedowns::done)
                .get("/v1/platform/takedowns", PLATFORM, takedowns::listOwn)
                .get("/v1/platform/takedowns/:id", PLATFORM, takedowns::getOwn)
                .get("/v1/reports/summary", OFFICER_OR_ADMIN, f.ministry().reportRoutes()::summary);

        // Admins (and officers for the claims registry).
        var rules = f.admin().rulesRoutes();
        var claims = f.claims().routes();
        var platforms = f.ingest().platformRoutes();
        t.get("/v1/rules", ADMIN, rules::getRules)
                .put("/v1/rules", ADMIN, rules::putRules)
                .post("/v1/rules/test", ADMIN, rules::testRules)
                .post("/v1/rules/rollback", ADMIN, rules::rollback)
                .post("/v1/rules/backtest", ADMIN, f.admin().backtestRoute()::backtest)
                .get("/v1/audit", ADMIN, f.admin().auditRoutes()::list)
                .post("/v1/claims/import", ADMIN, claims::importBatch)
                .get("/v1/claims", OFFICER_OR_ADMIN, claims::list)
                .post("/v1/claims", OFFICER_OR_ADMIN, claims::create)
                // Secrets pass through here: no caching of anything under the prefix, admins only.
                .filter("/v1/platforms*", ADMIN, platforms::noStore)
                .get("/v1/platforms", ADMIN, platforms::list)
                .post("/v1/platforms", ADMIN, platforms::createOrUpdate)
                .post("/v1/platforms/:id/rotate-secret", ADMIN, platforms::rotate);

        // The console and the API page, served by the gateway itself.
        ConsoleRoutes console = f.console();
        t.get("/", PUBLIC, console::home)
                .get("/console/config.json", PUBLIC, ConsoleRoutes.HEADERS, console::consoleConfig)
                .filter("/console/*", PUBLIC, ConsoleRoutes.HEADERS, console.files);
        if (console.devMode()) t.post("/v1/dev/token", PUBLIC, console::devToken);
        DocsRoutes docs = f.docs();
        t.get("/openapi.yaml", PUBLIC, docs::openApi)
                .get("/docs", PUBLIC, DocsRoutes.HEADERS, docs::page)
                // The page's own script first, then Swagger UI's files (each handler passes on what it lacks).
                .filter("/docs/*", PUBLIC, DocsRoutes.HEADERS, docs.pageFiles)
                .filter("/docs/*", PUBLIC, docs.swaggerUi);
        return t;
    }

    /** Each access as its check: a JWT with one of the roles, or a platform's signature. */
    static RouteTable.Guards guards(Auth auth, PlatformAuth platformAuth) {
        return access -> switch (access) {
            case PUBLIC -> null;
            case PLATFORM -> platformAuth::handle;
            case PLATFORM_HEADERS -> platformAuth::checkHeaders;
            case PLATFORM_BODY -> platformAuth::verify;
            case PLATFORM_UPGRADE -> platformAuth::handleUpgrade;
            default -> auth.require(access.roles());
        };
    }
}
