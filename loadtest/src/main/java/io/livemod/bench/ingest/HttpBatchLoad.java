package io.livemod.bench.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code connections} clients, each posting one signed batch at a time, the next as soon as the 202 arrives. */
final class HttpBatchLoad {
    private HttpBatchLoad() {}

    static Measurement.Result run(
            Vertx vertx, int port, int connections, int batchSize, double warmup, double seconds) {
        Traffic traffic = new Traffic();
        Measurement m = new Measurement(warmup, seconds);
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
                new PoolOptions().setHttp1MaxSize(connections));
        List<Future<Void>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Promise<Void> done = Promise.promise();
            vertx.runOnContext(v -> loop(client, traffic, m, batchSize, done));
            loops.add(done.future());
        }
        Future.all(loops).await();
        client.close().await();
        return m.result("HTTP batch, " + connections + " connections × " + batchSize + " events");
    }

    private static void loop(HttpClient client, Traffic traffic, Measurement m, int batchSize, Promise<Void> done) {
        if (!m.running()) {
            done.complete();
            return;
        }
        byte[] body = traffic.batch(batchSize, false).getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis() / 1000;
        long sent = System.nanoTime();
        client.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setURI("/v1/ingest/comments")
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Livemod-Platform", Traffic.PLATFORM)
                        .putHeader("X-Livemod-Timestamp", Long.toString(ts))
                        .putHeader("X-Livemod-Signature", Traffic.sign(ts, "POST", "/v1/ingest/comments", body)))
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() == 202) m.acked(new JsonObject(b).getInteger("accepted"), sent);
                    else m.failed();
                    return null;
                }))
                .onComplete(ar -> {
                    if (ar.failed()) m.failed();
                    loop(client, traffic, m, batchSize, done);
                });
    }
}
