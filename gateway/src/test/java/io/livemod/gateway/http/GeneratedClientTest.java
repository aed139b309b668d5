package io.livemod.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.livemod.client.ApiClient;
import io.livemod.client.ApiException;
import io.livemod.client.JSON;
import io.livemod.client.api.AdminApi;
import io.livemod.client.api.IngestApi;
import io.livemod.client.api.ModeratorsApi;
import io.livemod.client.api.OperationsApi;
import io.livemod.client.model.Platform;
import io.livemod.client.model.PlatformList;
import io.livemod.client.model.PlatformRequest;
import io.livemod.client.model.Quota;
import io.livemod.client.model.Readiness;
import io.livemod.client.model.TakedownPage;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testkit.TestGateway;
import io.livemod.signing.RequestSignature;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from openapi.yaml at build time (module clients/openapi-java) against a
 * running gateway: Bearer routes of two roles, an HMAC-signed route, a typed error.
 */
class GeneratedClientTest {

    @Test
    void theGeneratedClientTalksToARunningGateway() throws Exception {
        try (TestGateway gw = new TestGateway(Clock.systemUTC())) {
            ApiClient anonymous = client(gw, null);
            Readiness ready = new OperationsApi(anonymous).getReadiness();
            assertThat(ready.getStatus()).isEqualTo(Readiness.StatusEnum.READY);

            AdminApi admin = new AdminApi(client(gw, gw.adminToken()));
            PlatformList list = admin.listPlatforms();
            assertThat(list.getItems()).extracting(Platform::getId).contains(Platforms.DEMO_GAPO, Platforms.DEMO_VNG);
            Platform created = admin.savePlatform(new PlatformRequest()
                    .id("client-test")
                    .name("Client test")
                    .quota(new Quota().eventsPerSecond(100).burst(200)));
            assertThat(created.getSecret()).startsWith("lmps_");
            assertThat(created.getQuota().getDefault()).isFalse();
            assertThat(created.getSecrets()).singleElement().satisfies(s -> assertThat(s.getValidUntil())
                    .isNull());

            // A platform-signed GET (signed over the empty body), with the secret just issued.
            long ts = gw.clock.millis() / 1000;
            TakedownPage takedowns = new IngestApi(anonymous)
                    .listPlatformTakedowns(
                            null,
                            null,
                            null,
                            Map.of(
                                    "X-Livemod-Platform",
                                    "client-test",
                                    "X-Livemod-Timestamp",
                                    Long.toString(ts),
                                    "X-Livemod-Signature",
                                    RequestSignature.v2(
                                            created.getSecret(), ts, "GET", "/v1/platform/takedowns", new byte[0])));
            assertThat(takedowns.getItems()).isEmpty();

            String moderator = gw.gateway.auth().devToken("mod-1", Principal.Role.MODERATOR, Platforms.DEMO_GAPO, 10);
            ModeratorsApi flags = new ModeratorsApi(client(gw, moderator));
            ApiException missing = catchThrowableOfType(ApiException.class, () -> flags.getFlag("no-such-flag"));
            assertThat(missing.getCode()).isEqualTo(404);
            io.livemod.client.model.Error error = JSON.getDefault()
                    .getMapper()
                    .readValue(missing.getResponseBody(), io.livemod.client.model.Error.class);
            assertThat(error.getError()).isEqualTo("not_found");
        }
    }

    private static ApiClient client(TestGateway gw, String token) {
        ApiClient c = new ApiClient();
        c.updateBaseUri(gw.url(""));
        if (token != null) c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return c;
    }
}
