package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.util.List;

/** The gateway's HTTP side: where it listens, who signs its tokens, TLS files, and how much one client may hold. */
public final class HttpCatalogue {
    private HttpCatalogue() {}

    public static final Setting<String> HOST = Setting.text("host", "LIVEMOD_HTTP_HOST", "0.0.0.0")
            .doc("HTTP bind address")
            .defaultDoc("0.0.0.0; 127.0.0.1 in dev mode (`run`, `gateway --dev`)")
            .roles(GATEWAY);
    public static final Setting<Integer> PORT = Setting.integer("port", "LIVEMOD_HTTP_PORT", 8080)
            .range(0, 65535)
            .doc("HTTP port (`--port` wins; `run` always passes its own `--port`, default 8080)")
            .roles(GATEWAY);
    public static final Setting<String> REDIS = Setting.text("redis", "LIVEMOD_REDIS", null)
            .secret()
            .doc(
                    "Redis shared by several gateways (quotas, dedupe, projections): `redis://host:port` or "
                            + "`rediss://[user:password@]host:port` (TLS); `--redis` wins, but a password belongs here, from a secret")
            .boundsDoc("redis:// or rediss://")
            .defaultDoc("none: in memory")
            .roles(GATEWAY);
    public static final Setting<String> JWT_ISSUER = Setting.text("jwtIssuer", "LIVEMOD_JWT_ISSUER", "livemod")
            .doc("JWT issuer checked on every token")
            .roles(GATEWAY);
    public static final Setting<String> JWT_AUDIENCE = Setting.text("jwtAudience", "LIVEMOD_JWT_AUDIENCE", "livemod")
            .doc("JWT audience checked on every token")
            .roles(GATEWAY);
    public static final Setting<String> JWKS_URL = Setting.text("jwksUrl", "LIVEMOD_JWKS_URL", null)
            .doc("the identity provider's keys (JWKS)")
            .defaultDoc("**required outside dev mode**")
            .roles(GATEWAY);
    public static final Setting<String> CONSOLE_SIGNIN_URL = Setting.text(
                    "consoleSignInUrl", "LIVEMOD_CONSOLE_SIGNIN_URL", null)
            .doc("the identity provider's authorization URL, for the console's sign-in")
            .boundsDoc("absolute https URL")
            .roles(GATEWAY);
    public static final Setting<String> TLS_CERT = Setting.text("tlsCert", "LIVEMOD_TLS_CERT", null)
            .doc("HTTPS certificate chain, leaf first (PEM file; with `LIVEMOD_TLS_KEY` the port speaks HTTPS only)")
            .boundsDoc("readable file")
            .defaultDoc("none: plain HTTP")
            .roles(GATEWAY);
    public static final Setting<String> TLS_KEY = Setting.text("tlsKey", "LIVEMOD_TLS_KEY", null)
            .doc("its private key (PEM file, PKCS#8 or PKCS#1, unencrypted); both or neither")
            .boundsDoc("readable file")
            .roles(GATEWAY);
    public static final Setting<String> REDIS_CA = Setting.text("redisCa", "LIVEMOD_REDIS_CA", null)
            .doc("CA that signed Redis's certificate, for `rediss://` (PEM file)")
            .boundsDoc("readable file")
            .defaultDoc("the JVM's trust store")
            .roles(GATEWAY);
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.duration(
                    "idleTimeout", "LIVEMOD_HTTP_IDLE_TIMEOUT_SECONDS", SECONDS, 60)
            .range(20, 3600)
            .why("above the SSE heartbeat")
            .doc("idle connections are closed after")
            .roles(GATEWAY);
    public static final Setting<Duration> BODY_READ_TIMEOUT = Setting.duration(
                    "bodyReadTimeout", "LIVEMOD_BODY_READ_TIMEOUT_SECONDS", SECONDS, 10)
            .range(1, 300)
            .doc("a request body must arrive within (else 408)")
            .roles(GATEWAY);
    public static final Setting<Integer> MAX_CONNECTIONS_PER_IP = Setting.integer(
                    "maxConnectionsPerIp", "LIVEMOD_MAX_CONNECTIONS_PER_IP", 64)
            .range(1, 100_000)
            .doc("connections one remote address may hold")
            .roles(GATEWAY);
    public static final Setting<Integer> LIVE_STREAMS = Setting.integer("liveStreams", "LIVEMOD_LIVE_STREAMS", 1000)
            .range(1, 1_000_000)
            .doc("live feeds (SSE) one gateway serves at once, per feed")
            .roles(GATEWAY);
    public static final Setting<Integer> LIVE_STREAMS_PER_USER = Setting.integer(
                    "liveStreamsPerUser", "LIVEMOD_LIVE_STREAMS_PER_USER", 8)
            .atLeast(1)
            .boundsDoc("1..`LIVEMOD_LIVE_STREAMS`")
            .doc("live feeds per signed-in user (more: 429 `too_many_streams`)")
            .roles(GATEWAY);

    static final List<Setting<?>> ALL = List.of(
            HOST,
            PORT,
            REDIS,
            JWT_ISSUER,
            JWT_AUDIENCE,
            JWKS_URL,
            CONSOLE_SIGNIN_URL,
            TLS_CERT,
            TLS_KEY,
            REDIS_CA,
            IDLE_TIMEOUT,
            BODY_READ_TIMEOUT,
            MAX_CONNECTIONS_PER_IP,
            LIVE_STREAMS,
            LIVE_STREAMS_PER_USER);
}
