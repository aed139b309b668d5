package io.livemod.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks live answers against {@code openapi.yaml}: the route and status are documented, the
 * Content-Type is one the document names, and a JSON body matches the documented schema. Stricter
 * than the document on one point: an object may carry no property the document does not list
 * (clients are told to tolerate new fields; the document must still name every field sent).
 * The test harnesses' HTTP helpers pass every answer through {@link #conforms}.
 */
public final class ApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOC = strict(load());
    private static final List<Route> ROUTES = routes();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    /** Trees of static files (the console, the API page's scripts): files, not operations. */
    private static final List<String> STATIC = List.of("/console/", "/docs/");

    private ApiContract() {}

    /** One documented path: its template ({@code /v1/flags/{flagId}}) and a regex for concrete paths. */
    private record Route(String template, Pattern pattern, int params) {}

    /** Asserts the answer conforms to the document and returns it, so calls can wrap a request. */
    public static <T> HttpResponse<T> conforms(HttpResponse<T> response) {
        Object body = response.body();
        check(
                response.request().method(),
                response.request().uri().getRawPath(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                body instanceof String s ? s : null);
        return response;
    }

    /** @param body the body as text, or null when it was not read as text (not checked then) */
    public static void check(String method, String path, int status, String contentType, String body) {
        String call = method + " " + path + " → " + status;
        if (STATIC.stream().anyMatch(path::startsWith)) return;
        Route route = ROUTES.stream()
                .filter(r -> r.pattern().matcher(path).matches())
                .findFirst()
                .orElse(null);
        JsonNode operation = route == null
                ? null
                : DOC.path("paths").path(route.template()).get(method.toLowerCase(java.util.Locale.ROOT));
        if (operation == null) {
            // The router's own answers to a path or method it does not serve: the one error shape.
            if (status != 404 && status != 405) throw new AssertionError(call + ": the route is not in openapi.yaml");
            validate(call, "#/components/schemas/Error", body);
            return;
        }
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            throw new AssertionError(call + ": openapi.yaml does not document status " + status + " for " + method + " "
                    + route.template() + " (body: " + body + ")");
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode()) {
            if (hasBody) throw new AssertionError(call + ": a body the document does not describe: " + body);
            return;
        }
        String mediaType = contentType == null ? null : contentType.split(";", -1)[0].trim();
        if (hasBody && (mediaType == null || !content.has(mediaType))) {
            throw new AssertionError(call + ": Content-Type " + contentType + " is not among " + names(content));
        }
        if (hasBody && mediaType.equals("application/json")) {
            validate(call, pointer(content.get(mediaType).path("schema")), body);
        }
    }

    private static void validate(String call, String schemaRef, String body) {
        if (body == null) return;
        Schema schema = COMPILED.computeIfAbsent(schemaRef, ApiContract::compile);
        List<com.networknt.schema.Error> errors;
        try {
            errors = schema.validate(JSON.readTree(body));
        } catch (IOException e) {
            throw new AssertionError(call + ": the body is not JSON: " + body, e);
        }
        if (!errors.isEmpty()) {
            StringBuilder b = new StringBuilder(call)
                    .append(": the body does not match ")
                    .append(schemaRef)
                    .append(" in openapi.yaml:");
            errors.forEach(e -> b.append("\n  ").append(e));
            throw new AssertionError(b.append("\nbody: ").append(body).toString());
        }
    }

    /**
     * A schema that {@code $ref}s the given place of the document, with the document's components
     * beside it so that the references inside resolve.
     */
    private static Schema compile(String ref) {
        ObjectNode root = JSON.createObjectNode();
        root.set("components", DOC.get("components"));
        root.putArray("allOf").addObject().put("$ref", ref);
        if (!ref.startsWith("#/components/")) root.set("paths", DOC.get("paths"));
        return SCHEMAS.getSchema(root.toString(), com.networknt.schema.InputFormat.JSON);
    }

    /** A reference to the schema: itself when it is a {@code $ref}, else its place in the document. */
    private static String pointer(JsonNode schema) {
        if (schema.has("$ref")) return schema.get("$ref").asText();
        String where = locate(DOC, schema, "#");
        if (where == null) throw new IllegalStateException("schema not found in the document: " + schema);
        return where;
    }

    @SuppressWarnings("ReferenceEquality") // looks for this very node, not an equal one
    private static String locate(JsonNode at, JsonNode target, String path) {
        if (at == target) return path;
        if (!at.isContainerNode()) return null;
        var fields = at.properties().iterator();
        while (fields.hasNext()) {
            var e = fields.next();
            String found = locate(
                    e.getValue(),
                    target,
                    path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
            if (found != null) return found;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? DOC.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> names(JsonNode content) {
        List<String> out = new ArrayList<>();
        content.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Literal paths before templated ones, fewer parameters first: /v1/alerts/cap wins over /v1/alerts/{alertId}. */
    private static List<Route> routes() {
        List<Route> out = new ArrayList<>();
        DOC.path("paths").fieldNames().forEachRemaining(t -> {
            String regex = Pattern.quote(t).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            out.add(new Route(t, Pattern.compile(regex), t.split("\\{", -1).length - 1));
        });
        out.sort(Comparator.comparingInt(Route::params));
        return out;
    }

    /** Every object schema that lists its properties and says nothing of others gets {@code unevaluatedProperties: false}. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if ("object".equals(o.path("type").asText())
                    && o.path("properties").isObject()
                    && !o.has("additionalProperties")
                    && !o.has("unevaluatedProperties")) {
                o.put("unevaluatedProperties", false);
            }
            o.forEach(ApiContract::strict);
        } else if (node.isArray()) {
            node.forEach(ApiContract::strict);
        }
        return node;
    }

    private static JsonNode load() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
