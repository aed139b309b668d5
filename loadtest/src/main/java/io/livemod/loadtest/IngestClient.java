package io.livemod.loadtest;

import io.livemod.sdk.signing.RequestSigner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends encoded, signed batches as a platform would: HTTP through a pooled client, or frames on one
 * WebSocket per platform whose acks come back in order. Answers are reduced to {@link Answer} by
 * reading only the accepted count.
 */
final class IngestClient {
    /**
     * What the gateway said about one batch: HTTP-like status (0: no answer), how many events it
     * accepted and how many it already held (a batch resent after a lost answer, see {@link Gateways}).
     */
    record Answer(int status, int accepted, int duplicates) {
        static final Answer NONE = new Answer(0, 0, 0);

        /** Events the gateway holds after this answer: new ones and ones an earlier attempt stored. */
        int held() {
            return accepted + duplicates;
        }
    }

    private static final CharSequence PLATFORM = HttpHeaders.createOptimized(RequestSigner.PLATFORM_HEADER);
    private static final CharSequence TIMESTAMP = HttpHeaders.createOptimized(RequestSigner.TIMESTAMP_HEADER);
    private static final CharSequence SIGNATURE = HttpHeaders.createOptimized(RequestSigner.SIGNATURE_HEADER);
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private final URI target;
    private final Clock clock;
    private final Map<String, String> secrets;
    private final HttpClient http;
    private final WebSocketClient wsClient;
    private final Map<String, Future<Socket>> sockets = new HashMap<>();

    private final long answerWithinMs;

    /** @param answerWithinMs a request with no answer this long is given up (0: wait for the gateway) */
    IngestClient(
            Vertx vertx, URI target, Map<String, String> secrets, int connections, Clock clock, long answerWithinMs) {
        this.target = target;
        this.secrets = secrets;
        this.clock = clock;
        this.answerWithinMs = answerWithinMs;
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setDefaultHost(target.getHost())
                .setDefaultPort(target.getPort());
        if (answerWithinMs > 0) options.setConnectTimeout((int) Math.min(answerWithinMs, 2_000));
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections));
        this.wsClient = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxFrameSize(2 * 1024 * 1024).setMaxMessageSize(2 * 1024 * 1024));
    }

    Future<Answer> post(String platform, BatchEncoder.Encoded batch) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(BatchEncoder.PATH);
        if (answerWithinMs > 0)
            options.setIdleTimeout(answerWithinMs)
                    .setConnectTimeout(answerWithinMs); // connect: includes the wait for a pooled connection
        return http.request(options)
                .compose(req -> req.putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .putHeader(PLATFORM, platform)
                        .putHeader(TIMESTAMP, Long.toString(batch.timestamp()))
                        .putHeader(SIGNATURE, batch.signature())
                        .send(batch.body()))
                .compose(resp -> resp.body()
                        .map(b -> resp.statusCode() == 202
                                ? new Answer(202, count(b, "\"accepted\":"), count(b, "\"duplicates\":"))
                                : new Answer(resp.statusCode(), 0, 0)))
                .otherwise(e -> Answer.NONE);
    }

    Future<Answer> sendFrame(String platform, BatchEncoder.Encoded frame) {
        return sockets.computeIfAbsent(platform, this::connect)
                .compose(s -> s.send(frame.body().toString()))
                .otherwise(e -> {
                    sockets.remove(platform);
                    return Answer.NONE;
                });
    }

    /** The "accepted" count of an ingest answer, without parsing the rest. */
    static int accepted(Buffer body) {
        return count(body, "\"accepted\":");
    }

    /** A count field ({@code "name":}) of an ingest answer, without parsing the rest; 0 when absent. */
    static int count(Buffer body, String field) {
        String s = body.toString();
        int at = s.indexOf(field);
        if (at < 0) return 0;
        int n = 0;
        for (int i = at + field.length(); i < s.length() && Character.isDigit(s.charAt(i)); i++)
            n = n * 10 + (s.charAt(i) - '0');
        return n;
    }

    private Future<Socket> connect(String platform) {
        long ts = clock.instant().getEpochSecond();
        WebSocketConnectOptions o = new WebSocketConnectOptions()
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI("/v1/ingest/ws")
                .addHeader(RequestSigner.PLATFORM_HEADER, platform)
                .addHeader(RequestSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .addHeader(
                        RequestSigner.SIGNATURE_HEADER,
                        new RequestSigner(platform, secrets.get(platform)).sign(ts, "GET", "/v1/ingest/ws", null));
        return wsClient.connect(o).map(Socket::new);
    }

    /** One WebSocket: every frame is answered by one ack frame, in order. */
    private static final class Socket {
        private final WebSocket ws;
        private final ArrayDeque<Promise<Answer>> pending = new ArrayDeque<>();

        Socket(WebSocket ws) {
            this.ws = ws;
            ws.textMessageHandler(this::ack);
            ws.closeHandler(v -> {
                while (!pending.isEmpty()) pending.poll().tryComplete(Answer.NONE);
            });
        }

        Future<Answer> send(String frame) {
            Promise<Answer> p = Promise.promise();
            pending.add(p);
            ws.writeTextMessage(frame);
            return p.future();
        }

        private void ack(String text) {
            Promise<Answer> p = pending.poll();
            if (p == null) return;
            if (text.contains("\"error\"")) { // rare: parse it whole
                p.complete(new Answer(new io.vertx.core.json.JsonObject(text).getInteger("status", 503), 0, 0));
            } else {
                Buffer b = Buffer.buffer(text);
                p.complete(new Answer(202, count(b, "\"accepted\":"), count(b, "\"duplicates\":")));
            }
        }
    }

    Future<Void> close() {
        http.close();
        return wsClient.close();
    }
}
