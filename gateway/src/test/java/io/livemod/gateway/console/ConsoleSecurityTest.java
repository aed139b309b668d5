package io.livemod.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages the gateway serves carry browser protections; dev helpers answer this machine only. */
class ConsoleSecurityTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void consoleAndApiPagesAreServedWithCspAntiFramingAndNosniff() {
        for (String path : new String[] {"/console/", "/console/app.js", "/console/config.json", "/docs"}) {
            HttpResponse<String> r = TestGateway.send(
                    HttpRequest.newBuilder(URI.create(gw.url(path))).build());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains(
                                    "default-src 'self'",
                                    "script-src 'self'",
                                    "frame-ancestors 'none'",
                                    "object-src 'none'")
                            .doesNotContain("unsafe-eval"));
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }
        // The console's own scripts never run inline: its policy has no 'unsafe-inline' for scripts.
        assertThat(TestGateway.send(HttpRequest.newBuilder(URI.create(gw.url("/console/")))
                                .build())
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("script-src 'self';");
    }

    @Test
    void devHelpersAnswerOnlyLoopbackCallers() {
        assertThat(ConsoleRoutes.loopback(SocketAddress.inetSocketAddress(5000, "127.0.0.1")))
                .isTrue();
        assertThat(ConsoleRoutes.loopback(SocketAddress.inetSocketAddress(5000, "127.8.9.10")))
                .isTrue();
        assertThat(ConsoleRoutes.loopback(SocketAddress.inetSocketAddress(5000, "::1")))
                .isTrue();
        assertThat(ConsoleRoutes.loopback(SocketAddress.inetSocketAddress(5000, "10.0.0.8")))
                .isFalse();
        assertThat(ConsoleRoutes.loopback(SocketAddress.inetSocketAddress(5000, "203.113.5.7")))
                .isFalse();
        assertThat(ConsoleRoutes.loopback(null)).isFalse();
        // This test calls from 127.0.0.1: the dev token is there.
        HttpResponse<String> token = TestGateway.send(HttpRequest.newBuilder(URI.create(gw.url("/v1/dev/token")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"officer\"}"))
                .build());
        assertThat(token.statusCode()).isEqualTo(200);
    }
}
