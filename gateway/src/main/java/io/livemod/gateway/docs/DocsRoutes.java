package io.livemod.gateway.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.livemod.gateway.http.SecurityHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API contract and its readable page: {@code GET /openapi.yaml} (the document in the jar),
 * {@code GET /docs} (Swagger UI rendering it) and {@code /docs/*} (the page's script and the
 * Swagger UI files, from the {@code org.webjars:swagger-ui} jar on the classpath: no CDN).
 */
public final class DocsRoutes {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private final Buffer openApi = Buffer.buffer(resource("openapi.yaml"));
    private final Buffer page = Buffer.buffer(resource("docs/index.html"));

    public void mount(Router router) {
        router.get("/openapi.yaml").handler(ctx -> send(ctx, "application/yaml; charset=utf-8", openApi));
        router.get("/docs").handler(SecurityHeaders.with(SecurityHeaders.DOCS_POLICY)).handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
        // The page's own script first, then Swagger UI's files (each handler passes on what it lacks).
        router.route("/docs/*").handler(SecurityHeaders.with(SecurityHeaders.DOCS_POLICY))
                .handler(StaticHandler.create("docs").setCachingEnabled(false).setDefaultContentEncoding("UTF-8"));
        router.route("/docs/*").handler(StaticHandler.create(WEBJAR + swaggerUiVersion()).setDefaultContentEncoding("UTF-8"));
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader("Content-Type", type).end(body);
    }

    /** The webjar's folder is named by its version; its Maven metadata says which one is on the classpath. */
    static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("org.webjars:swagger-ui missing from the classpath");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the gateway jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
