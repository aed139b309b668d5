package io.livemod.gateway;

import io.livemod.event.Topics;
import io.livemod.gateway.admin.Admin;
import io.livemod.gateway.audit.AuditLog;
import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.claims.Claims;
import io.livemod.gateway.console.ConsoleRoutes;
import io.livemod.gateway.docs.DocsRoutes;
import io.livemod.gateway.http.ConnectionGuard;
import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.livemod.gateway.http.RouteTable;
import io.livemod.gateway.ingest.IngestModule;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.Horizons;
import io.livemod.gateway.ministry.Ministry;
import io.livemod.gateway.ministry.MinistryConfig;
import io.livemod.gateway.ministry.store.MemoryProjectionStore;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.livemod.gateway.ministry.store.RedisProjectionStore;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.review.Review;
import io.livemod.gateway.review.ReviewSettings;
import io.livemod.gateway.tls.RedisConnections;
import io.livemod.gateway.webhook.DeliveryRoutes;
import io.livemod.gateway.webhook.MemoryDeliveryLog;
import io.livemod.gateway.webhook.RedisDeliveryLog;
import io.livemod.gateway.webhook.Scheduler;
import io.livemod.gateway.webhook.WebhookDispatcher;
import io.livemod.gateway.webhook.WebhookSettings;
import io.livemod.gateway.webhook.Webhooks;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * One gateway instance: the HTTP server and the Kafka clients behind it. {@link #start} returns
 * once the port is bound; {@code /health/ready} turns 200 when the projections have caught up.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    public static final int MAX_BODY = 1024 * 1024;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Platforms platforms;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics;
    private KafkaWriter writer;
    private TopicFeeds feeds;
    private Review review;
    private WebhookDispatcher dispatcher;
    private Webhooks webhooks;
    private IngestModule ingest;
    private HttpServer server;
    private Router router;
    private RouteTable table;
    private Auth auth;
    private RedisClient redis;
    private MinistryConfig ministryConfig;
    private ProjectionStore store;
    private Ministry ministry;
    private Admin admin;
    private Claims claims;
    private ConnectionGuard guard;
    private java.util.function.Function<String, String> env = io.livemod.settings.ProcessSettings.source();

    public Gateway(
            Vertx vertx, GatewayConfig config, Platforms platforms, Clock clock, PrometheusMeterRegistry metrics) {
        this.vertx = vertx;
        this.config = config.validate();
        this.platforms = platforms;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Ministry settings other than from the environment (tests: a short escalation delay). Call before start. */
    public Gateway withMinistry(MinistryConfig ministry) {
        this.ministryConfig = ministry.validate(config.devMode());
        return this;
    }

    /**
     * Where settings that are not in {@link GatewayConfig} come from (review, webhooks, ministry,
     * horizons, the secrets key, the console's sign-in URL): the process environment unless a test
     * gives its own. Call before start.
     */
    public Gateway withEnvironment(java.util.function.Function<String, String> environment) {
        this.env = environment;
        return this;
    }

    /** Where decisions and takedown requests go instead of the platforms' URLs (tests). Call before start. */
    public Gateway withWebhooks(Webhooks hooks) {
        this.webhooks = hooks;
        return this;
    }

    public Future<Gateway> start() {
        return vertx.executeBlocking(() -> {
                    // One Redis connection pool per gateway, shared by every feature; null on a single node.
                    redis = config.redisUri() == null
                            ? null
                            : RedisConnections.create(
                                    config.redisUri(), config.tls().redisCa());
                    writer = new KafkaWriter(
                            vertx, config.bootstrap(), config.ingest().deliveryTimeout());
                    writer.warmUp(Topics.ALL);
                    // Every projection subscribes below; the feeds start last, one follower per topic.
                    feeds = new TopicFeeds(config.bootstrap());
                    // Read here so a bad value fails start() with a one-line reason naming the variable.
                    ReviewSettings reviewSettings = ReviewSettings.defaults().withEnv(env);
                    WebhookSettings webhookSettings = WebhookSettings.defaults().withEnv(env);
                    dispatcher = new WebhookDispatcher(
                            vertx,
                            platforms,
                            redis == null ? new MemoryDeliveryLog() : new RedisDeliveryLog(redis),
                            Scheduler.vertx(vertx),
                            webhookSettings,
                            clock,
                            metrics);
                    if (webhooks == null) webhooks = dispatcher;
                    review = new Review(
                                    vertx,
                                    feeds,
                                    writer,
                                    redis,
                                    webhooks,
                                    reviewSettings,
                                    clock,
                                    metrics,
                                    config.limits().live())
                            .start();
                    ingest = new IngestModule(vertx, config, platforms, writer, feeds, redis, clock, metrics, env);
                    if (ministryConfig == null) ministryConfig = MinistryConfig.fromEnv(config.devMode(), env);
                    store = redis == null
                            ? new MemoryProjectionStore()
                            : new RedisProjectionStore(redis, "livemod:ministry:");
                    AuditLog audit = new AuditLog(writer, clock);
                    Horizons horizons = Horizons.defaults().withEnv(env);
                    admin = new Admin(
                            config.bootstrap(), writer, feeds, store, audit, clock, horizons.audit(), metrics);
                    claims = new Claims(feeds, writer, audit, clock, metrics);
                    ministry = new Ministry(
                                    vertx,
                                    feeds,
                                    store,
                                    writer,
                                    audit,
                                    platforms,
                                    webhooks,
                                    clock,
                                    ministryConfig,
                                    horizons,
                                    metrics,
                                    config.limits().live())
                            .alsoSweeping(admin::sweep)
                            .start();
                    feeds.start();
                    return null;
                })
                .compose(v -> dispatcher.resume())
                .compose(v -> Auth.create(vertx, config))
                .compose(a -> {
                    auth = a;
                    guard = new ConnectionGuard(config.limits(), metrics);
                    HttpServerOptions options = new HttpServerOptions()
                            .setMaxWebSocketMessageSize(MAX_BODY)
                            .setIdleTimeout((int) config.limits().idleTimeout().toSeconds())
                            // HTTP/1.1 only: without h2c detection a connection is counted as it opens, not at its
                            // first request.
                            .setHttp2ClearTextEnabled(false);
                    if (config.tls().https()) {
                        options.setSsl(true)
                                .setKeyCertOptions(new PemKeyCertOptions()
                                        .setCertPath(config.tls().certPath())
                                        .setKeyPath(config.tls().keyPath()));
                    }
                    router = buildRouter();
                    return vertx.createHttpServer(options)
                            .connectionHandler(guard::onConnection)
                            .requestHandler(router)
                            .listen(config.port(), config.host());
                })
                .map(s -> {
                    server = s;
                    LOG.info(
                            "gateway listening on {}://{}:{}",
                            config.tls().https() ? "https" : "http",
                            config.host(),
                            s.actualPort());
                    return this;
                });
    }

    private Router buildRouter() {
        table = Routes.table(new Routes.Features(
                this,
                guard,
                ingest,
                review,
                new DeliveryRoutes(vertx, dispatcher.log()),
                ministry,
                admin,
                claims,
                new ConsoleRoutes(config, platforms, auth, env.apply("LIVEMOD_CONSOLE_SIGNIN_URL")),
                new DocsRoutes()));
        return Errors.mount(table.mount(Router.router(vertx), Routes.guards(auth, ingest.platformAuth())), MAX_BODY);
    }

    void noStore(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    void live(RoutingContext ctx) {
        Responses.jsonText(ctx, 200, "{\"status\":\"up\"}");
    }

    void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(metrics.scrape());
    }

    void ready(RoutingContext ctx) {
        boolean projected = review.isCaughtUp();
        boolean ready = ready();
        JsonObject body = new JsonObject()
                .put("status", ready ? "ready" : "starting")
                .put("flagsProjected", projected)
                .put("platformsProjected", ingest.ready())
                .put("ministryProjected", ministry.isCaughtUp() && admin.isCaughtUp() && claims.isCaughtUp());
        Responses.json(ctx, ready ? 200 : 503, body);
    }

    /** The gateway's route table: method, path, access and handlers of every route. */
    public RouteTable routeTable() {
        return table;
    }

    /** How many topic followers (Kafka consumers) feed this gateway's projections: one per topic. */
    public int topicFollowers() {
        return feeds.followers();
    }

    /** The routes this gateway mounted (the OpenAPI test checks the document lists exactly these). */
    public List<Route> routes() {
        return router.getRoutes();
    }

    public int port() {
        return server.actualPort();
    }

    /** Connections the remote address holds on this gateway now. */
    public int connections(String ip) {
        return guard.connections(ip);
    }

    /** The shared Redis client, or null when this gateway keeps its state in memory. */
    public RedisClient redis() {
        return redis;
    }

    /** Drops what fell behind the projections' horizons now (the gateway does it hourly). Blocks: tests and workers. */
    public int sweepProjections() {
        admin.sweep();
        return ministry.sweep();
    }

    /** Webhook delivery to platforms (decisions, takedown requests): signed, retried, logged. */
    public Webhooks webhooks() {
        return webhooks;
    }

    public Auth auth() {
        return auth;
    }

    public boolean ready() {
        return feeds != null
                && feeds.isCaughtUp()
                && review != null
                && review.isCaughtUp()
                && ingest != null
                && ingest.ready()
                && ministry != null
                && ministry.isCaughtUp()
                && admin != null
                && admin.isCaughtUp()
                && claims != null
                && claims.isCaughtUp();
    }

    @Override
    public void close() {
        if (server != null) server.close().await();
        // The followers first: no record reaches a feature while it closes.
        if (feeds != null) feeds.close();
        if (review != null) review.close();
        if (dispatcher != null) dispatcher.close();
        if (ministry != null) ministry.close();
        if (writer != null) writer.close();
        if (redis != null) redis.close();
    }
}
