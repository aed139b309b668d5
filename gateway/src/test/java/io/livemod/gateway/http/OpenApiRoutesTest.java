package io.livemod.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.gateway.testkit.TestGateway;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document and the router agree: every route a started gateway (dev mode, so its dev-only
 * route is there too) mounts is documented, and every documented route is mounted. The mounted
 * list comes from the real Vert.x router, not from a list kept by hand.
 */
class OpenApiRoutesTest {
    /**
     * Routes that match a prefix for any method: handlers every request under it passes through, or
     * trees of static files. They are not operations, so the document does not list them.
     */
    static final Map<String, String> PREFIXES = Map.of(
            "/health/", "Cache-Control: no-store on the probes",
            "/v1/", "the body handler (1 MiB limit) of every API route",
            "/v1/platforms", "the admin check in front of the platform routes",
            "/console/", "the web console's static files",
            "/docs/", "the API page's static files (Swagger UI)");

    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedRouteIsMounted() throws Exception {
        Set<String> mounted = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Route r : gw.gateway.routes()) {
            // Vert.x keeps the path of a route with :parameters (matched by a regex it derives); a
            // route declared by a raw regex has none, and no OpenAPI path could describe it.
            assertThat(r.getPath()).as("a route declared by a regex (%s)", r).isNotNull();
            if (!r.isExactPath()) {
                assertThat(r.methods()).as("prefix route %s", r.getPath()).isNullOrEmpty();
                prefixes.add(r.getPath());
                continue;
            }
            assertThat(r.methods())
                    .as("route %s answers every method; give it one", r.getPath())
                    .isNotEmpty();
            for (HttpMethod m : r.methods()) mounted.add(m.name() + " " + template(r.getPath()));
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = OpenApiDocumentTest.document().path("paths");
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
        }));

        assertThat(mounted).as("mounted but not in openapi.yaml").isSubsetOf(documented);
        assertThat(documented).as("in openapi.yaml but not mounted").isSubsetOf(mounted);
        assertThat(prefixes)
                .as("prefix routes (filters, static files); a new one needs a reason in PREFIXES")
                .isEqualTo(new TreeSet<>(PREFIXES.keySet()));
    }

    /**
     * The route table's access column says what the document's security says, operation by
     * operation: public routes need nothing, platform routes the platform's signature headers,
     * role routes a bearer token. A route mounted without its check would fail here.
     */
    @Test
    void theRouteTablesAccessMatchesTheDocumentsSecurity() throws Exception {
        JsonNode doc = OpenApiDocumentTest.document();
        int checked = 0;
        for (RouteTable.Entry e : gw.gateway.routeTable().entries()) {
            if (e.method() == null) continue; // filters and static trees: not operations
            JsonNode op = doc.path("paths")
                    .path(template(e.path()))
                    .path(e.method().name().toLowerCase(Locale.ROOT));
            assertThat(op.isMissingNode())
                    .as("%s %s in openapi.yaml", e.method(), e.path())
                    .isFalse();
            Set<String> schemes = new TreeSet<>();
            (op.has("security") ? op.get("security") : doc.get("security"))
                    .forEach(s -> s.fieldNames().forEachRemaining(schemes::add));
            Set<String> expected =
                    switch (e.access()) {
                        case PUBLIC -> Set.of();
                        case PLATFORM, PLATFORM_HEADERS, PLATFORM_BODY, PLATFORM_UPGRADE ->
                            Set.of("platformId", "platformTimestamp", "platformSignature");
                        default -> Set.of("bearer");
                    };
            assertThat(schemes)
                    .as("security of %s %s (table: %s)", e.method(), e.path(), e.access())
                    .isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void oneTopicFollowerFeedsEveryProjection() {
        // flags, decisions, alerts, alert actions, takedowns, audit, rules, claims, platforms: one consumer each.
        assertThat(gw.gateway.topicFollowers()).isEqualTo(9);
    }

    @Test
    void theApiPageAndTheFilesItLoadsComeFromTheGatewayItself() {
        HttpResponse<String> page = TestGateway.send(
                HttpRequest.newBuilder(URI.create(gw.url("/docs"))).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        List<String> loaded = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) loaded.add(m.group(1));
        assertThat(loaded)
                .contains(
                        "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/livemod-docs.js", "/openapi.yaml")
                .allSatisfy(u -> assertThat(u).startsWith("/"));
        for (String file : List.of("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/livemod-docs.js")) {
            HttpResponse<String> r = TestGateway.send(
                    HttpRequest.newBuilder(URI.create(gw.url(file))).build());
            assertThat(r.statusCode()).as(file).isEqualTo(200);
            assertThat(r.body()).as(file).isNotBlank();
        }
        assertThat(TestGateway.send(HttpRequest.newBuilder(URI.create(gw.url("/docs/livemod-docs.js")))
                                .build())
                        .body())
                .contains("url: \"/openapi.yaml\"", "validatorUrl: null");
    }

    /** Vert.x writes path parameters as {@code :name}, OpenAPI as {@code {name}}. */
    static String template(String vertxPath) {
        return vertxPath.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
    }
}
