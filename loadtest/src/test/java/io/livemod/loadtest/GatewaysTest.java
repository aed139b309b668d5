package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.loadtest.IngestClient.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover between gateways as the client does it, against small HTTP servers that answer as a
 * gateway would (202 with counts, 503) or not at all (a closed port). LoadtestFailoverTest runs it
 * against real gateways.
 */
@org.junit.jupiter.api.Timeout(60)
class GatewaysTest {
    private static final BatchEncoder.Encoded BATCH =
            new BatchEncoder.Encoded(Buffer.buffer("{\"events\":[]}"), "v2=x", 1L);
    private final Vertx vertx = Vertx.vertx();
    private final List<String> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> timestamps = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aRefusedGatewayIsMarkedDownAndTheBatchGoesToTheOther() throws IOException {
        AtomicInteger served = new AtomicInteger();
        URI up = serve(i -> {
            served.incrementAndGet();
            return "202 {\"accepted\":5,\"duplicates\":0,\"rejected\":[]}";
        });
        Gateways g = gateways(List.of(closedPort(), up));
        for (int i = 0; i < 10; i++) {
            Answer a = g.post("p", BATCH, 5).await();
            assertThat(a).isEqualTo(new Answer(202, 5, 0));
        }
        // In a cold JVM the first request after the first failover has been seen (2 runs in ~10) to get no
        // answer until the attempt's guard (11 s), and to be resent once more: bounded, not explained yet.
        assertThat(served.get()).isBetween(10, 11);
        assertThat(g.failovers.get())
                .as("down for 5 s: tried once, then skipped")
                .isBetween(1L, 3L);
    }

    @Test
    void a5xxIsResentSignedAfreshAndWhatTheOtherAlreadyHeldCounts() {
        URI failing = serve(i -> "503 {\"error\":\"kafka_unavailable\"}");
        URI holding = serve(i -> "202 {\"accepted\":0,\"duplicates\":5,\"rejected\":[]}");
        Gateways g = gateways(List.of(failing, holding));
        Answer first = g.post("p", BATCH, 5).await();
        Answer second = g.post("p", BATCH, 5).await();
        assertThat(List.of(first, second)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.held()).isEqualTo(5);
        });
        assertThat(g.failovers.get()).isBetween(1L, 2L);
        // A gateway refuses a signature it has seen: every attempt carries its own, with a later timestamp.
        assertThat(signatures)
                .filteredOn(sig -> !sig.equals("v2=x"))
                .as("the resends' signatures")
                .isNotEmpty()
                .doesNotHaveDuplicates();
        assertThat(timestamps).filteredOn(t -> !t.equals("1")).isNotEmpty().allSatisfy(t -> assertThat(
                        Long.parseLong(t))
                .isGreaterThan(1));
    }

    @Test
    void eventsInFlightElsewhereAreSentAgainUntilHeld() {
        AtomicInteger calls = new AtomicInteger();
        IntFunction<String> answer = i -> calls.incrementAndGet() == 1
                ? "202 {\"accepted\":3,\"duplicates\":0,\"rejected\":[{\"index\":3,\"error\":\"in_flight\"},{\"index\":4,\"error\":\"in_flight\"}]}"
                : "202 {\"accepted\":0,\"duplicates\":5,\"rejected\":[]}";
        Gateways g = gateways(List.of(serve(answer), serve(answer)));
        Answer a = g.post("p", BATCH, 5).await();
        assertThat(a.held()).isEqualTo(5);
        assertThat(calls).hasValue(2);
        assertThat(signatures).doesNotHaveDuplicates();
        assertThat(g.failovers).hasValue(0);
    }

    @Test
    void oneTargetIsMeasuredAsItAnswersWithoutResending() throws IOException {
        Gateways g = gateways(List.of(closedPort()));
        assertThat(g.post("p", BATCH, 5).await()).isEqualTo(Answer.NONE);
        assertThat(g.failovers).hasValue(0);
    }

    private Gateways gateways(List<URI> targets) {
        return new Gateways(vertx, targets, Map.of("p", "secret"), 4, Clock.systemUTC());
    }

    /** A server answering each request with "status body" from {@code answer}. */
    private URI serve(IntFunction<String> answer) {
        AtomicInteger n = new AtomicInteger();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    signatures.add(req.getHeader("X-Livemod-Signature"));
                    timestamps.add(req.getHeader("X-Livemod-Timestamp"));
                    String a = answer.apply(n.incrementAndGet());
                    int space = a.indexOf(' ');
                    req.response()
                            .setStatusCode(Integer.parseInt(a.substring(0, space)))
                            .putHeader("Content-Type", "application/json")
                            .end(a.substring(space + 1));
                }))
                .listen(0, "127.0.0.1")
                .await();
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}
