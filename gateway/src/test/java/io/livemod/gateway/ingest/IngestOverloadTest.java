package io.livemod.gateway.ingest;

import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded memory: past the in-flight cap a gateway answers 503 + Retry-After before reading the body. */
class IngestOverloadTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(CLOCK, null, c -> c.withMaxInFlightBytes(1024 * 1024));
        gw.addPlatform("busy", "sec");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void aSlowOneMebibyteUploadHoldsTheBudgetAndOthersAreToldToRetryUntilItEnds() throws Exception {
        String ok = "[{\"id\":\"c1\",\"streamId\":\"l\",\"userId\":\"u\",\"text\":\"t\",\"ts\":\"2026-11-28T20:00:00Z\"}]";
        try (Socket slow = new Socket("127.0.0.1", gw.gateway.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/ingest/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + 1024 * 1024 + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gw.metrics.find("livemod_ingest_inflight_bytes").gauge().value() > 0);

            HttpResponse<String> refused = gw.post("/v1/ingest/comments", "busy", "sec", ok);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("overloaded");
        }
        // The slow client went away: its budget is released and ingest flows again.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gw.post("/v1/ingest/comments", "busy", "sec", ok).statusCode() == 202);
        // Released when the response has been written, which may be just after the client read it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gw.metrics.find("livemod_ingest_inflight_bytes").gauge().value() == 0);
    }
}
