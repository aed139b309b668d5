package io.livemod.gateway.ministry;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.auth.Principal.Role;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ministry and admin route against every role: the roles a route admits get through (any
 * answer but 401/403), the others get 403, no token gets 401. Officers cannot decide on comments,
 * only admins change rules, moderators see neither side.
 */
class AccessTest {
    static TestStack.Running gw;

    @BeforeAll
    static void start() {
        gw = TestStack.gateway(new MutableClock(Instant.parse("2026-11-28T08:00:00Z")), null, Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static final Set<Role> OFFICER = EnumSet.of(Role.OFFICER);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/v1/alerts", null, OFFICER),
                Arguments.of("GET", "/v1/alerts/a-1", null, OFFICER),
                Arguments.of("GET", "/v1/alerts/cap", null, OFFICER),
                Arguments.of("GET", "/v1/alerts/a-1/cap", null, OFFICER),
                Arguments.of("POST", "/v1/alerts/a-1/ack", "{}", OFFICER),
                Arguments.of("POST", "/v1/alerts/a-1/assign", "{\"to\":\"x\"}", OFFICER),
                Arguments.of("POST", "/v1/alerts/a-1/resolve", "{\"note\":\"n\"}", OFFICER),
                Arguments.of("POST", "/v1/takedowns", "{}", OFFICER),
                Arguments.of("GET", "/v1/takedowns", null, OFFICER),
                Arguments.of("GET", "/v1/takedowns/td-1", null, OFFICER),
                Arguments.of("GET", "/v1/reports/summary", null, EnumSet.of(Role.OFFICER, Role.ADMIN)),
                Arguments.of("GET", "/v1/rules", null, ADMIN),
                Arguments.of("PUT", "/v1/rules", "version: x", ADMIN),
                Arguments.of("POST", "/v1/rules/test", "{\"comments\":[]}", ADMIN),
                Arguments.of("POST", "/v1/rules/rollback", "{}", ADMIN),
                Arguments.of("POST", "/v1/rules/backtest", "{}", ADMIN),
                Arguments.of("GET", "/v1/audit", null, ADMIN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void eachRoleIsAdmittedOrRefused(String method, String path, String body, Set<Role> admitted) {
        for (Role role : Role.values()) {
            HttpResponse<String> r = gw.send(method, path, gw.token(role, role.wire() + "-1"), body);
            if (admitted.contains(role)) {
                assertThat(r.statusCode())
                        .as(role + " " + method + " " + path + ": " + r.body())
                        .isNotIn(401, 403);
            } else {
                assertThat(r.statusCode()).as(role + " " + method + " " + path).isEqualTo(403);
                assertThat(r.body()).contains("\"error\":\"forbidden\"");
            }
        }
        assertThat(gw.send(method, path, null, body).statusCode()).isEqualTo(401);
    }

    @Test
    void theLiveFeedRefusesModeratorsAndAdmins() {
        // Only refusals here (an admitted request streams forever); AlertRoutesTest reads the feed as an officer.
        assertThat(gw.get("/v1/alerts/live", gw.token(Role.MODERATOR, "m")).statusCode())
                .isEqualTo(403);
        assertThat(gw.get("/v1/alerts/live", gw.token(Role.ADMIN, "a")).statusCode())
                .isEqualTo(403);
        assertThat(gw.get("/v1/alerts/live", null).statusCode()).isEqualTo(401);
    }

    @Test
    void platformRoutesNeedTheSignatureNotAToken() {
        for (Role role : Role.values()) {
            assertThat(gw.send("POST", "/v1/takedowns/td-1/done", gw.token(role, "x"), "{}")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(gw.get("/v1/platform/takedowns", gw.token(role, "x")).statusCode())
                    .isEqualTo(401);
        }
        assertThat(gw.signed("GET", "/v1/platform/takedowns", Platforms.DEMO_GAPO, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(gw.signed("POST", "/v1/takedowns/td-unknown/done", Platforms.DEMO_GAPO, "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void officersCannotDecideOnComments() {
        // The moderators' decision route is not open to officers.
        HttpResponse<String> r =
                gw.post("/v1/flags/f-1/decision", gw.token(Principal.Role.OFFICER, "o"), "{\"action\":\"remove\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(gw.get("/v1/flags", gw.token(Principal.Role.OFFICER, "o")).statusCode())
                .isEqualTo(403);
    }
}
