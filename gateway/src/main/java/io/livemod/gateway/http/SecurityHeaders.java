package io.livemod.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Browser protections for the pages the gateway serves (the console, the API page): a Content
 * Security Policy that loads scripts, styles and data from this origin only and forbids framing,
 * plus X-Frame-Options for older browsers, nosniff and no referrer.
 */
public final class SecurityHeaders {
    /**
     * The console: its own ES modules and stylesheet only. Inline style attributes are allowed
     * ({@code style-src-attr}): the views set a few sizes inline; inline scripts and style elements are not.
     */
    public static final String CONSOLE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
                    + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'";
    /** Swagger UI styles elements inline and draws icons from data: URLs; still nothing from another origin. */
    public static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static Handler<RoutingContext> with(String policy) {
        return ctx -> {
            ctx.response()
                    .putHeader("Content-Security-Policy", policy)
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        };
    }
}
