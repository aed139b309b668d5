package io.livemod.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

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
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(target.getHost()).setDefaultPort(target.getPort()));
    }

    /** Opens one feed per platform; completes once every feed answered 200. */
    Future<Void> open(List<String> platforms, Consumer<JsonObject> onFlag) {
        List<Future<Void>> all = new ArrayList<>();
        for (String p : platforms) all.add(token(p).compose(t -> listen(t, onFlag)));
        return Future.all(all).mapEmpty();
    }

    private Future<String> token(String platform) {
        JsonObject who = new JsonObject().put("role", "moderator").put("platform", platform).put("sub", "loadtest-" + platform);
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/v1/dev/token")
                        .putHeader("Content-Type", "application/json"))
                .compose(req -> req.send(who.encode()))
                .compose(resp -> resp.statusCode() == 200 ? resp.body()
                        : Future.failedFuture("no dev token (" + resp.statusCode() + "): the gateway is not in dev mode"))
                .map(b -> b.toJsonObject().getString("token"));
    }

    private Future<Void> listen(String token, Consumer<JsonObject> onFlag) {
        return client.request(HttpMethod.GET, "/v1/flags/live?access_token=" + token)
                .compose(req -> req.putHeader("Accept", "text/event-stream").send())
                .compose(resp -> {
                    if (resp.statusCode() != 200) return Future.failedFuture("live feed answered " + resp.statusCode());
                    RecordParser lines = RecordParser.newDelimited("\n", line -> {
                        String l = line.toString();
                        if (l.startsWith("data:")) {
                            try {
                                onFlag.accept(new JsonObject(l.substring(5).trim()));
                            } catch (RuntimeException notJson) {
                                // keep-alives and anything else that is not a flag
                            }
                        }
                    });
                    resp.handler(lines);
                    return Future.succeededFuture();
                });
    }

    Future<Void> close() {
        return client.close();
    }
}
