package io.livemod.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.gateway.auth.Auth;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.testing.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE fan-out on real HTTP: per-subscriber filters, publishing from other threads, disconnects, shutdown. */
class SseHubTest {
    record Event(String id, String tenant) {}

    Vertx vertx;
    SseHub<Event> hub;
    SseHub<Event> limited;
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Http http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        hub = new SseHub<>(
                vertx,
                null,
                Event::id,
                e -> "{\"id\":\"" + e.id() + "\",\"tenant\":\"" + e.tenant() + "\"}",
                metrics,
                "test");
        limited = new SseHub<>(vertx, null, Event::id, e -> "{}", metrics, "limited", new SseHub.Limits(3, 2));
        Router r = Router.router(vertx);
        // As Auth leaves it: who is calling, and until when their token is valid.
        r.get("/limited").handler(ctx -> {
            ctx.put(Auth.PRINCIPAL, new Principal(ctx.request().getParam("sub"), Principal.Role.OFFICER, null));
            String exp = ctx.request().getParam("exp");
            if (exp != null) ctx.put(Auth.EXPIRES_AT, Long.parseLong(exp));
            limited.open(ctx, e -> true);
        });
        r.get("/live").handler(ctx -> {
            String tenant = ctx.request().getParam("tenant");
            hub.open(ctx, e -> {
                if (e.tenant().equals("boom")) throw new IllegalStateException("a broken filter");
                return e.tenant().equals(tenant);
            });
        });
        http = new Http(vertx.createHttpServer()
                .requestHandler(r)
                .listen(0, "127.0.0.1")
                .await()
                .actualPort());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void eachSubscriberGetsWhatItsFilterAdmitsFromAnyThread() throws Exception {
        try (Http.Sse a = http.sse("/live?tenant=a", null);
                Http.Sse b = http.sse("/live?tenant=b", null)) {
            assertThat(a.status).isEqualTo(200);
            await().until(() -> hub.subscribers() == 2 && a.opened && b.opened);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 40; i++) {
                Event e = new Event("e" + i, i % 2 == 0 ? "a" : "b");
                pool.execute(() -> hub.publish(e));
            }
            pool.execute(() -> hub.publish(new Event("x", "boom")));
            pool.shutdown();
            await().until(() -> a.data.size() == 20 && b.data.size() == 20);
            assertThat(a.data).allMatch(d -> d.contains("\"tenant\":\"a\""));
            assertThat(b.data).allMatch(d -> d.contains("\"tenant\":\"b\""));
            await().until(() -> metrics.counter("livemod_sse_errors", "feed", "test", "reason", "filter")
                            .count()
                    == 2);
            assertThat(a.names).isEmpty();
        }
        await().until(() -> hub.subscribers() == 0);
    }

    @Test
    void streamsAreCappedPerFeedAndPerUser() throws Exception {
        long later = System.currentTimeMillis() / 1000 + 3600;
        try (Http.Sse a1 = http.sse("/limited?sub=a&exp=" + later, null);
                Http.Sse a2 = http.sse("/limited?sub=a&exp=" + later, null);
                Http.Sse a3 = http.sse("/limited?sub=a&exp=" + later, null)) {
            assertThat(List.of(a1.status, a2.status)).containsOnly(200);
            assertThat(a3.status).as("a third stream of one user").isEqualTo(429);
            try (Http.Sse b1 = http.sse("/limited?sub=b&exp=" + later, null);
                    Http.Sse b2 = http.sse("/limited?sub=b&exp=" + later, null)) {
                assertThat(b1.status).isEqualTo(200);
                assertThat(b2.status).as("the feed's fourth stream").isEqualTo(429);
            }
        }
        await().until(() -> limited.subscribers() == 0);
        try (Http.Sse again = http.sse("/limited?sub=a&exp=" + later, null)) {
            assertThat(again.status).isEqualTo(200);
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        try (Http.Sse s = http.sse("/limited?sub=c&exp=" + (System.currentTimeMillis() / 1000 + 2), null)) {
            await().until(() -> s.opened && limited.subscribers() == 1);
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> s.ended);
            assertThat(s.names).containsExactly("expired");
            assertThat(limited.subscribers()).isZero();
        }
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
