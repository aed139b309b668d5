package io.livemod.gateway.http;

import static io.livemod.gateway.EnvNumbers.number;

import io.livemod.gateway.live.SseHub;

import java.time.Duration;
import java.util.function.Function;

/**
 * How long and how many connections one client may hold.
 *
 * @param idleTimeout       a connection with no bytes either way for this long is closed (SSE feeds send a
 *                          heartbeat every 15 s; WebSocket clients idle longer must ping)
 * @param bodyReadTimeout   a request body not fully received this long after its headers is answered 408
 *                          and its connection closed: a body trickled in cannot hold memory for long
 * @param maxConnectionsPerIp connections one remote address may hold at once; more are closed at once
 * @param liveStreams       live feeds (SSE) one gateway serves at once, per feed (flags, alerts)...
 * @param liveStreamsPerUser ...and per signed-in user: more are answered 429 {@code too_many_streams}
 */
public record ConnectionLimits(Duration idleTimeout, Duration bodyReadTimeout, int maxConnectionsPerIp,
                               int liveStreams, int liveStreamsPerUser) {

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(Duration.ofSeconds(60), Duration.ofSeconds(10), 64,
                SseHub.Limits.DEFAULT.total(), SseHub.Limits.DEFAULT.perSubject());
    }

    /**
     * LIVEMOD_HTTP_IDLE_TIMEOUT_SECONDS, LIVEMOD_BODY_READ_TIMEOUT_SECONDS, LIVEMOD_MAX_CONNECTIONS_PER_IP,
     * LIVEMOD_LIVE_STREAMS, LIVEMOD_LIVE_STREAMS_PER_USER.
     */
    public ConnectionLimits withEnv(Function<String, String> env) {
        return new ConnectionLimits(Duration.ofSeconds(number(env, "LIVEMOD_HTTP_IDLE_TIMEOUT_SECONDS", idleTimeout.toSeconds())),
                Duration.ofSeconds(number(env, "LIVEMOD_BODY_READ_TIMEOUT_SECONDS", bodyReadTimeout.toSeconds())),
                (int) Math.min(Integer.MAX_VALUE, number(env, "LIVEMOD_MAX_CONNECTIONS_PER_IP", maxConnectionsPerIp)),
                (int) Math.min(Integer.MAX_VALUE, number(env, "LIVEMOD_LIVE_STREAMS", liveStreams)),
                (int) Math.min(Integer.MAX_VALUE, number(env, "LIVEMOD_LIVE_STREAMS_PER_USER", liveStreamsPerUser)));
    }

    /** The live feeds' caps. */
    public SseHub.Limits live() {
        return new SseHub.Limits(liveStreams, liveStreamsPerUser);
    }

    public ConnectionLimits validate() {
        if (idleTimeout.toSeconds() < 20 || idleTimeout.toSeconds() > 3600) {
            throw new IllegalArgumentException("LIVEMOD_HTTP_IDLE_TIMEOUT_SECONDS: 20..3600 (above the SSE heartbeat), got " + idleTimeout.toSeconds());
        }
        if (bodyReadTimeout.toMillis() < 100 || bodyReadTimeout.toSeconds() > 300) {
            throw new IllegalArgumentException("LIVEMOD_BODY_READ_TIMEOUT_SECONDS: 1..300, got " + bodyReadTimeout.toSeconds());
        }
        if (maxConnectionsPerIp < 1 || maxConnectionsPerIp > 100_000) {
            throw new IllegalArgumentException("LIVEMOD_MAX_CONNECTIONS_PER_IP: 1..100000, got " + maxConnectionsPerIp);
        }
        if (liveStreams < 1 || liveStreams > 1_000_000) {
            throw new IllegalArgumentException("LIVEMOD_LIVE_STREAMS: 1..1000000, got " + liveStreams);
        }
        if (liveStreamsPerUser < 1 || liveStreamsPerUser > liveStreams) {
            throw new IllegalArgumentException("LIVEMOD_LIVE_STREAMS_PER_USER: 1..LIVEMOD_LIVE_STREAMS, got " + liveStreamsPerUser);
        }
        return this;
    }

    /** Tests: a short body deadline and a small cap. */
    public ConnectionLimits with(Duration bodyRead, int perIp) {
        return new ConnectionLimits(idleTimeout, bodyRead, perIp, liveStreams, liveStreamsPerUser);
    }
}
