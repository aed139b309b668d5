package io.livemod.loadtest;

import io.livemod.signing.RequestSignature;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends signed batches as a platform would: HTTP batches through a pooled client, or frames on one
 * WebSocket per platform whose acks come back in order. Answers are reduced to {@link Answer}.
 */
final class IngestClient {
    /** What the gateway said about one batch: HTTP-like status and how many events it accepted. */
    record Answer(int status, int accepted) {}

    private final URI target;
    private final Clock clock;
    private final Map<String, String> secrets;
    private final WebClient http;
    private final WebSocketClient wsClient;
    private final Map<String, Future<Socket>> sockets = new HashMap<>();

    IngestClient(Vertx vertx, URI target, Map<String, String> secrets, int connections, Clock clock) {
        this.target = target;
        this.secrets = secrets;
        this.clock = clock;
        this.http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
        this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(2 * 1024 * 1024)
                .setMaxMessageSize(2 * 1024 * 1024));
    }

    Future<Answer> postBatch(String platform, List<JsonObject> events) {
        JsonArray array = new JsonArray(List.copyOf(events));
        byte[] body = array.encode().getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        return http.postAbs(target.resolve("/v1/ingest/comments").toString())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Livemod-Platform", platform)
                .putHeader("X-Livemod-Timestamp", Long.toString(ts))
                .putHeader("X-Livemod-Signature", RequestSignature.v2(secrets.get(platform), ts, "POST", "/v1/ingest/comments", body))
                .sendBuffer(Buffer.buffer(body))
                .map(r -> new Answer(r.statusCode(), r.statusCode() == 202 ? r.bodyAsJsonObject().getInteger("accepted", 0) : 0))
                .otherwise(e -> new Answer(0, 0));
    }

    Future<Answer> sendFrame(String platform, List<JsonObject> events) {
        JsonArray frame = new JsonArray();
        for (JsonObject e : events) frame.add(e.copy().put("kind", "comment"));
        return sockets.computeIfAbsent(platform, this::connect).compose(s -> s.send(frame.encode()))
                .otherwise(e -> {
                    sockets.remove(platform);
                    return new Answer(0, 0);
                });
    }

    private Future<Socket> connect(String platform) {
        long ts = clock.instant().getEpochSecond();
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(target.getHost()).setPort(target.getPort())
                .setURI("/v1/ingest/ws")
                .addHeader("X-Livemod-Platform", platform)
                .addHeader("X-Livemod-Timestamp", Long.toString(ts))
                .addHeader("X-Livemod-Signature", RequestSignature.v2(secrets.get(platform), ts, "GET", "/v1/ingest/ws", new byte[0]));
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
                while (!pending.isEmpty()) pending.poll().tryComplete(new Answer(0, 0));
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
            JsonObject a = new JsonObject(text);
            int status = a.containsKey("error") ? a.getInteger("status", 503) : 202;
            p.complete(new Answer(status, a.getInteger("accepted", 0)));
        }
    }

    Future<Void> close() {
        http.close();
        return wsClient.close();
    }
}
