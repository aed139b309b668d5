package io.livemod.gateway.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The live-body check can fail: it refuses what the document does not say. */
class ApiContractTest {
    private static final String FLAG = """
            {"flagId":"f1","platform":"demo-gapo","streamId":"live-1","commentId":"c1","userId":"u1","text":"t",
             "kind":"keyword","category":"gambling_ads","severity":"high",
             "matches":[{"rule":"r","term":"t","start":0,"end":1,"steps":[]}],
             "rulesVersion":"v1","receivedAt":1,"detectedAt":2,"status":"open"%s}""";

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> ApiContract.check("GET", "/v1/flags/f1", 200, "application/json", FLAG.formatted("")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check(
                        "GET",
                        "/v1/flags",
                        200,
                        "application/json",
                        "{\"items\":[" + FLAG.formatted("") + "],\"next\":\"abc\"}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check("GET", "/v1/alerts/cap", 304, null, ""))
                .doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedFieldAWrongTypeOrAMissingFieldIsRefused() {
        assertThatThrownBy(() -> ApiContract.check(
                        "GET", "/v1/flags/f1", 200, "application/json", FLAG.formatted(",\"confidence\":0.9")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> ApiContract.check(
                        "GET",
                        "/v1/flags",
                        200,
                        "application/json",
                        "{\"items\":[" + FLAG.formatted("").replace("\"receivedAt\":1", "\"receivedAt\":\"1\"") + "]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("receivedAt");
        assertThatThrownBy(() -> ApiContract.check(
                        "POST",
                        "/v1/flags/f1/claim",
                        200,
                        "application/json",
                        "{\"flagId\":\"f1\",\"moderator\":\"m\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expiresAt");
        assertThatThrownBy(() -> ApiContract.check("GET", "/v1/alerts", 400, "application/json", "{\"code\":\"x\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Error");
    }

    @Test
    void anUndocumentedStatusRouteOrMediaTypeIsRefused() {
        assertThatThrownBy(() -> ApiContract.check(
                        "GET", "/v1/flags/f1", 500, "application/json", "{\"error\":\"internal\",\"message\":\"x\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not document status 500");
        assertThatThrownBy(() -> ApiContract.check("GET", "/v1/nowhere", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not in openapi.yaml");
        assertThatThrownBy(() -> ApiContract.check("GET", "/v1/flags/f1", 200, "text/plain", "hello"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content-Type");
        // The router's own 404 for an unknown route is fine, in the one error shape.
        assertThatCode(() -> ApiContract.check(
                        "GET",
                        "/v1/nowhere",
                        404,
                        "application/json",
                        "{\"error\":\"not_found\",\"message\":\"no such route\"}"))
                .doesNotThrowAnyException();
    }
}
