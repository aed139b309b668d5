package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.testing.MutableClock;
import io.livemod.gateway.testing.Signer;
import io.livemod.gateway.testkit.TestBroker;
import io.livemod.gateway.testkit.TestGateway;
import io.livemod.signing.RequestSignature;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attacker on the network: slow bodies, unsigned bodies, many connections. Nothing is booked
 * before the headers authenticate a known platform; a trickled body is cut off by the body-read
 * deadline; one platform's budget being full leaves the others flowing; one address holds a bounded
 * number of connections.
 */
class IngestAbuseTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    static final String OK =
            "[{\"id\":\"c1\",\"streamId\":\"l\",\"userId\":\"u\",\"text\":\"t\",\"ts\":\"2026-11-28T20:00:00Z\"}]";
    static final int PER_IP = 12;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(TestBroker.bootstrap(), CLOCK, c -> c.withLimits(
                        c.limits().with(Duration.ofSeconds(2), PER_IP))
                .withIngest(c.ingest().withMaxInFlightBytes(3 * 1024 * 1024).withPlatformInFlightBytes(1024 * 1024)));
        gw.addPlatform("busy", "sec-busy");
        gw.addPlatform("calm", "sec-calm");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Opens a POST declaring a 1 MiB body and sends its first byte only. */
    static Socket slowUpload(String... headers) throws IOException {
        Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), gw.gateway.port());
        StringBuilder req =
                new StringBuilder("POST /v1/ingest/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
        for (String h : headers) req.append(h).append("\r\n");
        req.append("Content-Length: ").append(1024 * 1024).append("\r\n\r\n[");
        OutputStream out = s.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    static String[] signedHeaders(String platform, String secret) {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        long ts = Signer.timestamp(CLOCK, "POST", "/v1/ingest/comments", body);
        return new String[] {
            "X-Livemod-Platform: " + platform,
            "X-Livemod-Timestamp: " + ts,
            "X-Livemod-Signature: " + RequestSignature.v2(secret, ts, "POST", "/v1/ingest/comments", body)
        };
    }

    static String readAll(Socket s) throws IOException {
        s.setSoTimeout(15_000);
        InputStream in = s.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void anUnsignedBodyIsRefusedBeforeAnythingIsBookedOrRead() throws Exception {
        try (Socket slow = slowUpload()) {
            // Answered at once; the connection goes at the body deadline, as the body never comes.
            String answer = readAll(slow);
            assertThat(answer).startsWith("HTTP/1.1 401").contains("\"error\":\"unauthorized\"");
        }
        try (Socket unknown = slowUpload(signedHeaders("nobody", "x"))) {
            assertThat(readAll(unknown)).startsWith("HTTP/1.1 401");
        }
        assertThat(gw.metrics.find("livemod_ingest_inflight_bytes").gauge().value())
                .isZero();
    }

    @Test
    void aTrickledBodyHoldsOnlyItsPlatformsBudgetAndIsCutOffAtTheDeadline() throws Exception {
        try (Socket slow = slowUpload(signedHeaders("busy", "sec-busy"))) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> gw.metrics
                                    .find("livemod_ingest_inflight_bytes")
                                    .gauge()
                                    .value()
                            > 0);

            HttpResponse<String> refused = gw.post("/v1/ingest/comments", "busy", "sec-busy", OK);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("overloaded");
            // Another platform is not held up by it.
            assertThat(gw.post("/v1/ingest/comments", "calm", "sec-calm", OK).statusCode())
                    .isEqualTo(202);

            // The body never completes: 408 and the connection closed, by the deadline (2 s here).
            String answer = readAll(slow);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("body_timeout");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        gw.metrics.find("livemod_ingest_inflight_bytes").gauge().value() == 0);
        assertThat(gw.post("/v1/ingest/comments", "busy", "sec-busy", OK.replace("c1", "c2"))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            // The test's HTTP client may keep a connection or two alive from the other tests, and the
            // other tests' sockets may still be closing: open one more at each look until the address
            // holds its full share (the cap keeps the count from ever passing it).
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (gw.gateway.connections("127.0.0.1") < PER_IP)
                            held.add(new Socket(java.net.InetAddress.getLoopbackAddress(), gw.gateway.port()));
                        return gw.gateway.connections("127.0.0.1") == PER_IP;
                    });
            try (Socket extra = new Socket(java.net.InetAddress.getLoopbackAddress(), gw.gateway.port())) {
                extra.setSoTimeout(5_000);
                assertThat(extra.getInputStream().read())
                        .as("the extra connection is closed at once")
                        .isEqualTo(-1);
            }
            assertThat(gw.counter("livemod_http_connections_refused_total", "reason", "per_ip_cap"))
                    .isGreaterThanOrEqualTo(1);
        } finally {
            for (Socket s : held) s.close();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gw.gateway.connections("127.0.0.1") < PER_IP);
        assertThat(gw.post("/v1/ingest/comments", "calm", "sec-calm", OK.replace("c1", "c3"))
                        .statusCode())
                .isEqualTo(202);
    }
}
