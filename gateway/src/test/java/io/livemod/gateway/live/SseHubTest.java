package io.livemod.gateway.live;

import io.livemod.gateway.testing.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SSE fan-out on real HTTP: per-subscriber filters, publishing from other threads, disconnects, shutdown. */
class SseHubTest {
    record Event(String id, String tenant) {}

    Vertx vertx;
    SseHub<Event> hub;
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Http http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        hub = new SseHub<>(vertx, null, Event::id, e -> "{\"id\":\"" + e.id() + "\",\"tenant\":\"" + e.tenant() + "\"}", metrics, "test");
        Router r = Router.router(vertx);
        r.get("/live").handler(ctx -> {
            String tenant = ctx.request().getParam("tenant");
            hub.open(ctx, e -> {
                if (e.tenant().equals("boom")) throw new IllegalStateException("a broken filter");
                return e.tenant().equals(tenant);
            });
        });
        http = new Http(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1").await().actualPort());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void eachSubscriberGetsWhatItsFilterAdmitsFromAnyThread() throws Exception {
        try (Http.Sse a = http.sse("/live?tenant=a", null); Http.Sse b = http.sse("/live?tenant=b", null)) {
            assertThat(a.status).isEqualTo(200);
            await().until(() -> hub.subscribers() == 2 && a.opened && b.opened);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 40; i++) {
                Event e = new Event("e" + i, i % 2 == 0 ? "a" : "b");
                pool.submit(() -> hub.publish(e));
            }
            pool.submit(() -> hub.publish(new Event("x", "boom")));
            pool.shutdown();
            await().until(() -> a.data.size() == 20 && b.data.size() == 20);
            assertThat(a.data).allMatch(d -> d.contains("\"tenant\":\"a\""));
            assertThat(b.data).allMatch(d -> d.contains("\"tenant\":\"b\""));
            await().until(() -> metrics.counter("livemod_sse_errors", "feed", "test", "reason", "filter").count() == 2);
            assertThat(a.names).isEmpty();
        }
        await().until(() -> hub.subscribers() == 0);
    }

    @Test
    void closingTheHubEndsEveryStream() throws Exception {
        try (Http.Sse a = http.sse("/live?tenant=a", null)) {
            await().until(() -> hub.subscribers() == 1 && a.opened);
            vertx.runOnContext(v -> hub.close());
            await().until(() -> a.ended);
            assertThat(hub.subscribers()).isZero();
        }
    }
}
