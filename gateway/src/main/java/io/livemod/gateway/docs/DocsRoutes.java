package io.livemod.gateway.docs;

import io.livemod.gateway.http.SecurityHeaders;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
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

    /** The page's browser protections. */
    public static final Handler<RoutingContext> HEADERS = SecurityHeaders.with(SecurityHeaders.DOCS_POLICY);
    /** The page's own script. */
    public final Handler<RoutingContext> pageFiles =
            StaticHandler.create("docs").setCachingEnabled(false).setDefaultContentEncoding("UTF-8");
    /** Swagger UI's files, from its webjar. */
    public final Handler<RoutingContext> swaggerUi =
            StaticHandler.create(WEBJAR + swaggerUiVersion()).setDefaultContentEncoding("UTF-8");

    public void openApi(RoutingContext ctx) {
        send(ctx, "application/yaml; charset=utf-8", openApi);
    }

    public void page(RoutingContext ctx) {
        send(ctx, "text/html; charset=utf-8", page);
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader("Content-Type", type).end(body);
    }

    /** The webjar's folder is named by its version; its Maven metadata says which one is on the classpath. */
    static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = DocsRoutes.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
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
