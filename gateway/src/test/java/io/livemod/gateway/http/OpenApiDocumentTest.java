package io.livemod.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document covers every route of the contract, and every reference in it resolves. */
class OpenApiDocumentTest {
    static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("/v1/ingest/comments", List.of("post")),
            Map.entry("/v1/ingest/stream-events", List.of("post")),
            Map.entry("/v1/ingest/ws", List.of("get")),
            Map.entry("/v1/flags", List.of("get")),
            Map.entry("/v1/flags/{flagId}", List.of("get")),
            Map.entry("/v1/flags/live", List.of("get")),
            Map.entry("/v1/flags/{flagId}/claim", List.of("post")),
            Map.entry("/v1/flags/{flagId}/decision", List.of("post")),
            Map.entry("/v1/alerts", List.of("get")),
            Map.entry("/v1/alerts/{alertId}", List.of("get")),
            Map.entry("/v1/alerts/live", List.of("get")),
            Map.entry("/v1/alerts/{alertId}/ack", List.of("post")),
            Map.entry("/v1/alerts/{alertId}/resolve", List.of("post")),
            Map.entry("/v1/alerts/cap", List.of("get")),
            Map.entry("/v1/takedowns", List.of("get", "post")),
            Map.entry("/v1/takedowns/{id}/done", List.of("post")),
            Map.entry("/v1/reports/summary", List.of("get")),
            Map.entry("/v1/rules", List.of("get", "put")),
            Map.entry("/v1/rules/test", List.of("post")),
            Map.entry("/v1/rules/rollback", List.of("post")),
            Map.entry("/v1/platforms", List.of("get", "post")),
            Map.entry("/v1/platforms/{id}/rotate-secret", List.of("post")),
            Map.entry("/v1/audit", List.of("get")),
            Map.entry("/health/live", List.of("get")),
            Map.entry("/health/ready", List.of("get")),
            Map.entry("/metrics", List.of("get")),
            Map.entry("/openapi.yaml", List.of("get")));

    static JsonNode document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyContractRouteIsDocumented() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        CONTRACT.forEach((path, methods) -> {
            assertThat(doc.path("paths").has(path)).as(path).isTrue();
            methods.forEach(m -> assertThat(doc.path("paths").path(path).has(m))
                    .as(m + " " + path)
                    .isTrue());
        });
    }

    @Test
    void everyReferenceResolvesAndEveryErrorUsesTheOneShape() throws Exception {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        // Every documented error answer (4xx, 5xx) of every operation has the one Error shape; the
        // readiness probe's 503 is its status report, not an error.
        List<String> errors = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!path.getKey().equals("/health/ready")) {
                        op.getValue().path("responses").properties().forEach(r -> {
                            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                                JsonNode response = r.getValue().has("$ref")
                                        ? doc.at(r.getValue()
                                                .get("$ref")
                                                .asText()
                                                .substring(1))
                                        : r.getValue();
                                if (response.has("content"))
                                    errors.add(op.getKey() + " " + path.getKey() + " " + r.getKey() + " "
                                            + response.path("content"));
                            }
                        });
                    }
                }));
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).contains("#/components/schemas/Error"));
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
                else collectRefs(e.getValue(), out);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
