package io.livemod.gateway;

import static io.livemod.settings.HttpCatalogue.*;

import io.livemod.gateway.http.ConnectionLimits;
import io.livemod.gateway.ingest.IngestConfig;
import io.livemod.gateway.tls.TlsFiles;
import io.livemod.settings.HttpCatalogue;
import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of one gateway instance: the typed view of the settings catalogue (names, defaults and
 * bounds in {@link HttpCatalogue} and its siblings). Defaults in {@link #defaults}; environment and
 * config-file overrides in {@link #withEnv}; {@link #validate} fails with a one-line reason naming the setting.
 *
 * @param devMode   demo platforms, demo secrets and the dev JWT key are accepted only when true
 * @param redisUri  null: quotas, dedupe and projections in memory (one node); set: shared in Redis
 * @param jwksUrl   a real identity provider's keys; null only in dev mode (the dev key signs)
 * @param ingest    quotas, dedupe TTL, in-flight cap, secret grace (see {@link IngestConfig})
 * @param limits    idle and body-read timeouts, connections per client address
 * @param tls       HTTPS key and certificate, the Redis CA (PEM files); {@link TlsFiles#NONE}: plain HTTP
 */
public record GatewayConfig(
        String host,
        int port,
        String bootstrap,
        boolean devMode,
        String redisUri,
        String jwtIssuer,
        String jwtAudience,
        String jwksUrl,
        String devJwtKey,
        Duration replayWindow,
        IngestConfig ingest,
        ConnectionLimits limits,
        TlsFiles tls) {

    /** The dev signing key: documented, fixed, and refused outside dev mode. */
    public static final String DEV_JWT_KEY = "livemod-dev-signing-key-NOT-FOR-PRODUCTION-0123456789";

    /** The catalogue's defaults ({@link HttpCatalogue}, {@link io.livemod.settings.IngestCatalogue}). */
    public static GatewayConfig defaults(String bootstrap) {
        return new GatewayConfig(
                HOST.defaultValue(),
                PORT.defaultValue(),
                bootstrap,
                false,
                REDIS.defaultValue(),
                JWT_ISSUER.defaultValue(),
                JWT_AUDIENCE.defaultValue(),
                JWKS_URL.defaultValue(),
                null,
                Duration.ofMinutes(5),
                IngestConfig.defaults(),
                ConnectionLimits.defaults(),
                TlsFiles.NONE);
    }

    /** Dev mode binds this machine only and signs with the dev key. */
    public static GatewayConfig dev(String bootstrap, int port) {
        return new GatewayConfig(
                "127.0.0.1",
                port,
                bootstrap,
                true,
                REDIS.defaultValue(),
                JWT_ISSUER.defaultValue(),
                JWT_AUDIENCE.defaultValue(),
                JWKS_URL.defaultValue(),
                DEV_JWT_KEY,
                Duration.ofMinutes(5),
                IngestConfig.defaults(),
                ConnectionLimits.defaults(),
                TlsFiles.NONE);
    }

    /** These settings with every catalogue variable that is set (environment over config file) taking the place of its value. */
    public GatewayConfig withEnv(Function<String, String> env) {
        return new GatewayConfig(
                HOST.read(env, host),
                PORT.read(env, port),
                bootstrap,
                devMode,
                REDIS.read(env, redisUri),
                JWT_ISSUER.read(env, jwtIssuer),
                JWT_AUDIENCE.read(env, jwtAudience),
                JWKS_URL.read(env, jwksUrl),
                devJwtKey,
                replayWindow,
                ingest.withEnv(env),
                limits.withEnv(env),
                tls.withEnv(env));
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(
                host,
                p,
                bootstrap,
                devMode,
                redisUri,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                devJwtKey,
                replayWindow,
                ingest,
                limits,
                tls);
    }

    public GatewayConfig withRedis(String uri) {
        return new GatewayConfig(
                host,
                port,
                bootstrap,
                devMode,
                uri,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                devJwtKey,
                replayWindow,
                ingest,
                limits,
                tls);
    }

    public GatewayConfig withIngest(IngestConfig i) {
        return new GatewayConfig(
                host,
                port,
                bootstrap,
                devMode,
                redisUri,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                devJwtKey,
                replayWindow,
                i,
                limits,
                tls);
    }

    public GatewayConfig withLimits(ConnectionLimits l) {
        return new GatewayConfig(
                host,
                port,
                bootstrap,
                devMode,
                redisUri,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                devJwtKey,
                replayWindow,
                ingest,
                l,
                tls);
    }

    public GatewayConfig withTls(TlsFiles t) {
        return new GatewayConfig(
                host,
                port,
                bootstrap,
                devMode,
                redisUri,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                devJwtKey,
                replayWindow,
                ingest,
                limits,
                t);
    }

    public GatewayConfig validate() {
        PORT.check(port);
        if (bootstrap == null || bootstrap.isBlank())
            throw new IllegalArgumentException("bootstrap: Kafka bootstrap address is required");
        if (!devMode && jwksUrl == null) {
            throw new IllegalArgumentException(
                    "jwksUrl: set LIVEMOD_JWKS_URL to the identity provider's JWKS (the dev key is for dev mode only)");
        }
        if (!devMode && devJwtKey != null)
            throw new IllegalArgumentException("devJwtKey: the dev signing key is refused outside dev mode");
        if (redisUri != null && !redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
            // Not the value: it may hold a password.
            throw new IllegalArgumentException("redis: expected redis://host:port or rediss://host:port (TLS)");
        }
        if (ingest == null) throw new IllegalArgumentException("ingest: settings are required");
        ingest.validate();
        if (limits == null) throw new IllegalArgumentException("limits: settings are required");
        limits.validate();
        if (tls == null) throw new IllegalArgumentException("tls: settings are required (TlsFiles.NONE for none)");
        tls.validate();
        return this;
    }

    /** Without the Redis URI's password or the dev key. */
    @Override
    public String toString() {
        return "GatewayConfig[host=" + host + ", port=" + port + ", bootstrap=" + bootstrap + ", devMode=" + devMode
                + ", redis=" + (redisUri == null ? "none" : REDIS.shown(redisUri)) + ", jwtIssuer=" + jwtIssuer
                + ", jwtAudience=" + jwtAudience
                + ", jwksUrl=" + jwksUrl + ", ingest=" + ingest + ", limits=" + limits + ", tls=" + tls + "]";
    }
}
