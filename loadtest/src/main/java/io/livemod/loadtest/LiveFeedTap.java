package io.livemod.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Listens to the moderators' live feed (`GET /v1/flags/live`, Server-Sent Events) as one moderator
 * of each platform would, so the run also measures send → flag on a moderator's screen. Tokens come
 * from the dev sign-in (`POST /v1/dev/token`): against a gateway that is not in dev mode the feed is
 * not measured, and the run says so.
 */
final class LiveFeedTap {
    private final HttpClient client;

    LiveFeedTap(Vertx vertx, URI target) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(target.getHost()).setDefaultPort(target.getPort()));
    }

    /** One live flag event, reduced to what the run checks. */
    record LiveFlag(String commentId, String kind, String status) {}

    private static final byte[] COMMENT_ID = JsonScan.key("commentId"),
            KIND = JsonScan.key("kind"),
            STATUS = JsonScan.key("status");

    /** Opens one feed per platform; completes once every feed answered 200. */
    Future<Void> open(List<String> platforms, Consumer<LiveFlag> onFlag) {
        List<Future<Void>> all = new ArrayList<>();
        for (String p : platforms) all.add(token(p).compose(t -> listen(t, onFlag)));
        return Future.all(all).mapEmpty();
    }

    private Future<String> token(String platform) {
        JsonObject who = new JsonObject()
                .put("role", "moderator")
                .put("platform", platform)
                .put("sub", "loadtest-" + platform);
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setURI("/v1/dev/token")
                        .putHeader("Content-Type", "application/json"))
                .compose(req -> req.send(who.encode()))
                .compose(resp -> resp.statusCode() == 200
                        ? resp.body()
                        : Future.failedFuture(
                                "no dev token (" + resp.statusCode() + "): the gateway is not in dev mode"))
                .map(b -> b.toJsonObject().getString("token"));
    }

    private Future<Void> listen(String token, Consumer<LiveFlag> onFlag) {
        return client.request(HttpMethod.GET, "/v1/flags/live?access_token=" + token)
                .compose(req -> req.putHeader("Accept", "text/event-stream").send())
                .compose(resp -> {
                    if (resp.statusCode() != 200) return Future.failedFuture("live feed answered " + resp.statusCode());
                    // Reads three fields of each event, not the whole flag: the feed carries every flag of the run.
                    DataLines lines = new DataLines(data -> onFlag.accept(
                            new LiveFlag(data.string(COMMENT_ID), data.string(KIND), data.string(STATUS))));
                    resp.handler(chunk -> lines.feed(chunk.getBytes()));
                    return Future.succeededFuture();
                });
    }

    /** The {@code data:} lines of an event stream, scanned in the chunks as they come (one copy per chunk, none per line). */
    static final class DataLines {
        private final Consumer<JsonScan> onData;
        private byte[] partial = new byte[0];

        DataLines(Consumer<JsonScan> onData) {
            this.onData = onData;
        }

        void feed(byte[] chunk) {
            byte[] b = chunk;
            if (partial.length > 0) {
                b = java.util.Arrays.copyOf(partial, partial.length + chunk.length);
                System.arraycopy(chunk, 0, b, partial.length, chunk.length);
            }
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] != '\n') continue;
                if (i - start > 5 && b[start] == 'd' && b[start + 4] == ':')
                    onData.accept(JsonScan.of(b, start + 5, i)); // "data:"
                start = i + 1;
            }
            partial = start == b.length ? new byte[0] : java.util.Arrays.copyOfRange(b, start, b.length);
        }
    }

    Future<Void> close() {
        return client.close();
    }
}
