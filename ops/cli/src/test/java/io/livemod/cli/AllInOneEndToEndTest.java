package io.livemod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skeleton's vertical slice on the real embedded broker: a signed comment with a rule keyword
 * becomes a flag its platform's moderator can list, the other platform's moderator cannot see, and
 * that is still listed after the whole stack restarts on the same data directory.
 */
class AllInOneEndToEndTest {
    @TempDir
    Path data;

    static final String BATCH = """
            [{"id":"c-1","streamId":"live-1","userId":"u-1","text":"Vào NHÀ CÁI uy tín nhận thưởng","ts":"2026-11-28T12:00:00+07:00"},
             {"id":"c-2","streamId":"live-1","userId":"u-2","text":"chào cả nhà","ts":"2026-11-28T12:00:01+07:00"}]""";

    @Test
    void aSignedCommentBecomesAFlagForItsPlatformOnlyAndSurvivesARestart() {
        Stack.Options options = new Stack.Options(data, EmbeddedBroker.freePort(), 0, null);
        String flagId;
        try (Stack stack = Stack.start(options, Clock.systemUTC())) {
            Http http = new Http(stack.gateway().gateway().port());
            String gapo = stack.gateway()
                    .gateway()
                    .auth()
                    .devToken("mod-a", Principal.Role.MODERATOR, Platforms.DEMO_GAPO, 10);
            String vng = stack.gateway()
                    .gateway()
                    .auth()
                    .devToken("mod-b", Principal.Role.MODERATOR, Platforms.DEMO_VNG, 10);

            var ingest = http.signedPost(
                    "/v1/ingest/comments", Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO), BATCH);
            assertThat(ingest.statusCode()).isEqualTo(202);
            assertThat(new JsonObject(ingest.body()).getInteger("accepted")).isEqualTo(2);

            JsonArray items = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> new JsonObject(http.get("/v1/flags", gapo).body()).getJsonArray("items"),
                            a -> a.size() == 1);
            JsonObject flag = items.getJsonObject(0);
            flagId = flag.getString("flagId");
            assertThat(flag.getString("commentId")).isEqualTo("c-1");
            assertThat(flag.getString("category")).isEqualTo("gambling_ads");
            assertThat(flag.getString("status")).isEqualTo("open");

            assertThat(http.get("/v1/flags/" + flagId, gapo).statusCode()).isEqualTo(200);
            assertThat(http.get("/v1/flags/" + flagId, vng).statusCode()).isEqualTo(404);
            assertThat(new JsonObject(http.get("/v1/flags", vng).body()).getJsonArray("items"))
                    .isEmpty();
            assertThat(http.get("/v1/flags", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
            assertThat(http.get("/metrics", null).body())
                    .contains("livemod_ingest_accepted_total{platform=\"demo-gapo\"} 2.0");
        }

        try (Stack again = Stack.start(options, Clock.systemUTC())) {
            Http http = new Http(again.gateway().gateway().port());
            String gapo = again.gateway()
                    .gateway()
                    .auth()
                    .devToken("mod-a", Principal.Role.MODERATOR, Platforms.DEMO_GAPO, 10);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/health/ready", null).statusCode() == 200);
            assertThat(http.get("/v1/flags/" + flagId, gapo).statusCode()).isEqualTo(200);
        }
    }
}
