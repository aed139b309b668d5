package io.livemod.gateway.http;

import static io.livemod.settings.HttpCatalogue.*;

import io.livemod.gateway.live.SseHub;
import io.livemod.settings.HttpCatalogue;
import java.time.Duration;
import java.util.function.Function;

/**
 * How long and how many connections one client may hold: the typed view of these {@link HttpCatalogue} settings.
 *
 * @param idleTimeout       a connection with no bytes either way for this long is closed (SSE feeds send a
 *                          heartbeat every 15 s; WebSocket clients idle longer must ping)
 * @param bodyReadTimeout   a request body not fully received this long after its headers is answered 408
 *                          and its connection closed: a body trickled in cannot hold memory for long
 * @param maxConnectionsPerIp connections one remote address may hold at once; more are closed at once
 * @param liveStreams       live feeds (SSE) one gateway serves at once, per feed (flags, alerts)...
 * @param liveStreamsPerUser ...and per signed-in user: more are answered 429 {@code too_many_streams}
 */
public record ConnectionLimits(
        Duration idleTimeout,
        Duration bodyReadTimeout,
        int maxConnectionsPerIp,
        int liveStreams,
        int liveStreamsPerUser) {

    /** The catalogue's defaults ({@link HttpCatalogue}). */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(
                IDLE_TIMEOUT.defaultValue(),
                BODY_READ_TIMEOUT.defaultValue(),
                MAX_CONNECTIONS_PER_IP.defaultValue(),
                LIVE_STREAMS.defaultValue(),
                LIVE_STREAMS_PER_USER.defaultValue());
    }

    /** These limits with every variable that is set taking the place of its value. */
    public ConnectionLimits withEnv(Function<String, String> env) {
        return new ConnectionLimits(
                IDLE_TIMEOUT.read(env, idleTimeout),
                BODY_READ_TIMEOUT.read(env, bodyReadTimeout),
                MAX_CONNECTIONS_PER_IP.read(env, maxConnectionsPerIp),
                LIVE_STREAMS.read(env, liveStreams),
                LIVE_STREAMS_PER_USER.read(env, liveStreamsPerUser));
    }

    /** The live feeds' caps. */
    public SseHub.Limits live() {
        return new SseHub.Limits(liveStreams, liveStreamsPerUser);
    }

    public ConnectionLimits validate() {
        IDLE_TIMEOUT.check(idleTimeout);
        BODY_READ_TIMEOUT.check(bodyReadTimeout);
        MAX_CONNECTIONS_PER_IP.check(maxConnectionsPerIp);
        LIVE_STREAMS.check(liveStreams);
        if (liveStreamsPerUser < 1 || liveStreamsPerUser > liveStreams) {
            throw new IllegalArgumentException(
                    "LIVEMOD_LIVE_STREAMS_PER_USER: 1..LIVEMOD_LIVE_STREAMS, got " + liveStreamsPerUser);
        }
        return this;
    }

    /** Tests: a short body deadline and a small cap. */
    public ConnectionLimits with(Duration bodyRead, int perIp) {
        return new ConnectionLimits(idleTimeout, bodyRead, perIp, liveStreams, liveStreamsPerUser);
    }
}
