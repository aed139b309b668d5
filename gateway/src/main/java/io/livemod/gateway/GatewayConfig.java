package io.livemod.gateway;

import io.livemod.gateway.http.ConnectionLimits;
import io.livemod.gateway.ingest.IngestConfig;
import io.livemod.gateway.tls.TlsFiles;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of one gateway instance. Defaults in {@link #defaults}; environment overrides in
 * {@link #withEnv}; {@link #validate} fails with a one-line reason naming the setting.
 *
 * @param devMode   demo platforms, demo secrets and the dev JWT key are accepted only when true
 * @param redisUri  null: quotas, dedupe and projections in memory (one node); set: shared in Redis
 * @param jwksUrl   a real identity provider's keys; null only in dev mode (the dev key signs)
 * @param ingest    quotas, dedupe TTL, in-flight cap, secret grace (see {@link IngestConfig})
 * @param limits    idle and body-read timeouts, connections per client address
 * @param tls       HTTPS key and certificate, the Redis CA (PEM files); {@link TlsFiles#NONE}: plain HTTP
 */
public record GatewayConfig(String host, int port, String bootstrap, boolean devMode, String redisUri,
                            String jwtIssuer, String jwtAudience, String jwksUrl, String devJwtKey,
                            Duration replayWindow, IngestConfig ingest, ConnectionLimits limits, TlsFiles tls) {

    /** The dev signing key: documented, fixed, and refused outside dev mode. */
    public static final String DEV_JWT_KEY = "livemod-dev-signing-key-NOT-FOR-PRODUCTION-0123456789";

    public static GatewayConfig defaults(String bootstrap) {
        return new GatewayConfig("0.0.0.0", 8080, bootstrap, false, null, "livemod", "livemod", null, null, Duration.ofMinutes(5), IngestConfig.defaults(), ConnectionLimits.defaults(), TlsFiles.NONE);
    }

    public static GatewayConfig dev(String bootstrap, int port) {
        return new GatewayConfig("127.0.0.1", port, bootstrap, true, null, "livemod", "livemod", null, DEV_JWT_KEY, Duration.ofMinutes(5), IngestConfig.defaults(), ConnectionLimits.defaults(), TlsFiles.NONE);
    }

    /** LIVEMOD_HTTP_HOST, LIVEMOD_HTTP_PORT, LIVEMOD_REDIS, LIVEMOD_JWT_ISSUER, LIVEMOD_JWT_AUDIENCE, LIVEMOD_JWKS_URL. */
    public GatewayConfig withEnv(Function<String, String> env) {
        return new GatewayConfig(
                or(env.apply("LIVEMOD_HTTP_HOST"), host),
                env.apply("LIVEMOD_HTTP_PORT") == null ? port : parsePort(env.apply("LIVEMOD_HTTP_PORT")),
                bootstrap, devMode,
                or(env.apply("LIVEMOD_REDIS"), redisUri),
                or(env.apply("LIVEMOD_JWT_ISSUER"), jwtIssuer),
                or(env.apply("LIVEMOD_JWT_AUDIENCE"), jwtAudience),
                or(env.apply("LIVEMOD_JWKS_URL"), jwksUrl),
                devJwtKey, replayWindow, ingest.withEnv(env), limits.withEnv(env), tls.withEnv(env));
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(host, p, bootstrap, devMode, redisUri, jwtIssuer, jwtAudience, jwksUrl, devJwtKey, replayWindow, ingest, limits, tls);
    }

    public GatewayConfig withRedis(String uri) {
        return new GatewayConfig(host, port, bootstrap, devMode, uri, jwtIssuer, jwtAudience, jwksUrl, devJwtKey, replayWindow, ingest, limits, tls);
    }

    public GatewayConfig withIngest(IngestConfig i) {
        return new GatewayConfig(host, port, bootstrap, devMode, redisUri, jwtIssuer, jwtAudience, jwksUrl, devJwtKey, replayWindow, i, limits, tls);
    }

    public GatewayConfig withLimits(ConnectionLimits l) {
        return new GatewayConfig(host, port, bootstrap, devMode, redisUri, jwtIssuer, jwtAudience, jwksUrl, devJwtKey, replayWindow, ingest, l, tls);
    }

    public GatewayConfig withTls(TlsFiles t) {
        return new GatewayConfig(host, port, bootstrap, devMode, redisUri, jwtIssuer, jwtAudience, jwksUrl, devJwtKey, replayWindow, ingest, limits, t);
    }

    public GatewayConfig validate() {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port: must be 0..65535, got " + port);
        if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("bootstrap: Kafka bootstrap address is required");
        if (!devMode && jwksUrl == null) {
            throw new IllegalArgumentException("jwksUrl: set LIVEMOD_JWKS_URL to the identity provider's JWKS (the dev key is for dev mode only)");
        }
        if (!devMode && devJwtKey != null) throw new IllegalArgumentException("devJwtKey: the dev signing key is refused outside dev mode");
        if (redisUri != null && !redisUri.startsWith("redis://") && !redisUri.startsWith("rediss://")) {
            throw new IllegalArgumentException("redis: expected redis://host:port or rediss://host:port (TLS), got " + redisUri);
        }
        if (ingest == null) throw new IllegalArgumentException("ingest: settings are required");
        ingest.validate();
        if (limits == null) throw new IllegalArgumentException("limits: settings are required");
        limits.validate();
        if (tls == null) throw new IllegalArgumentException("tls: settings are required (TlsFiles.NONE for none)");
        tls.validate();
        return this;
    }

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static int parsePort(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LIVEMOD_HTTP_PORT: not a number: " + v);
        }
    }
}
