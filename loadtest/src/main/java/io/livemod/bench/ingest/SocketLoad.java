package io.livemod.bench.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code connections} WebSockets, each keeping {@code window} frames of {@code batchSize} events in
 * flight: a new frame goes out as each ack comes back (acks arrive in frame order).
 */
final class SocketLoad {
    private SocketLoad() {}

    static Measurement.Result run(
            Vertx vertx, int port, int connections, int batchSize, int window, double warmup, double seconds) {
        Traffic traffic = new Traffic();
        Measurement m = new Measurement(warmup, seconds);
        WebSocketClient client =
                vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(1024 * 1024));
        List<Future<Void>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long ts = System.currentTimeMillis() / 1000
                    - i; // each signature is accepted once: one timestamp per connection
            WebSocketConnectOptions o = new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setURI("/v1/ingest/ws")
                    .addHeader("X-Livemod-Platform", Traffic.PLATFORM)
                    .addHeader("X-Livemod-Timestamp", Long.toString(ts))
                    .addHeader("X-Livemod-Signature", Traffic.sign(ts, "GET", "/v1/ingest/ws", new byte[0]));
            loops.add(client.connect(o).compose(ws -> drive(ws, traffic, m, batchSize, window)));
        }
        Future.all(loops).await();
        client.close().await();
        return m.result("WebSocket, " + connections + " connections × " + window + " frames in flight × " + batchSize
                + " events");
    }

    private static Future<Void> drive(WebSocket ws, Traffic traffic, Measurement m, int batchSize, int window) {
        Promise<Void> done = Promise.promise();
        Deque<Long> sentAt = new ArrayDeque<>();
        Runnable send = () -> {
            sentAt.addLast(System.nanoTime());
            ws.writeTextMessage(traffic.batch(batchSize, true));
        };
        ws.textMessageHandler(text -> {
            JsonObject ack = new JsonObject(text);
            long sent = sentAt.removeFirst();
            if (ack.getInteger("status") == 202) m.acked(ack.getInteger("accepted"), sent);
            else m.failed();
            if (m.running()) send.run();
            else if (sentAt.isEmpty()) ws.close().onComplete(ar -> done.tryComplete());
        });
        ws.exceptionHandler(e -> {
            m.failed();
            done.tryComplete();
        });
        for (int i = 0; i < window; i++) send.run();
        return done.future();
    }
}
