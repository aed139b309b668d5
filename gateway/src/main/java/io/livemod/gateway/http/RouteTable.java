package io.livemod.gateway.http;

import io.livemod.gateway.auth.Principal.Role;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes as data: method, path, who may call, handlers. The gateway builds its one table
 * ({@code io.livemod.gateway.Routes}) and mounts it here, so every route, its access check and its
 * order are read in one place; route classes only provide handlers. Entries mount in the order
 * given (a literal path such as {@code /v1/flags/live} before {@code /v1/flags/:flagId}).
 */
public final class RouteTable {
    /** Who may call a route; {@link Guards} turns each into its check. */
    public enum Access {
        PUBLIC,
        MODERATOR(Role.MODERATOR),
        OFFICER(Role.OFFICER),
        ADMIN(Role.ADMIN),
        OFFICER_OR_ADMIN(Role.OFFICER, Role.ADMIN),
        MODERATOR_OR_ADMIN(Role.MODERATOR, Role.ADMIN),
        /** Signed by a platform, body included (small routes whose body the body handler read). */
        PLATFORM,
        /** A platform's signature headers, checked before the body is read (ingest admission). */
        PLATFORM_HEADERS,
        /** The body against the headers {@link #PLATFORM_HEADERS} checked. */
        PLATFORM_BODY,
        /** A platform's signed WebSocket upgrade (empty body). */
        PLATFORM_UPGRADE;

        @SuppressWarnings("ImmutableEnumChecker") // never written after construction: roles() hands out copies
        private final Role[] roles;

        Access(Role... roles) {
            this.roles = roles;
        }

        /** The JWT roles admitted; empty for public and platform routes. */
        public Role[] roles() {
            return roles.clone();
        }
    }

    /** The check in front of a route with the given access; null for none. */
    @FunctionalInterface
    public interface Guards {
        Handler<RoutingContext> guard(Access access);
    }

    /**
     * @param method null for a filter: every method under a prefix path ({@code /v1/*})
     * @param order  null to run in table order; lower runs first (before the body handler: below 0)
     */
    public record Entry(
            HttpMethod method, String path, Access access, Integer order, List<Handler<RoutingContext>> handlers) {}

    private final List<Entry> entries = new ArrayList<>();

    @SafeVarargs
    public final RouteTable get(String path, Access access, Handler<RoutingContext>... handlers) {
        return add(HttpMethod.GET, path, access, null, handlers);
    }

    @SafeVarargs
    public final RouteTable post(String path, Access access, Handler<RoutingContext>... handlers) {
        return add(HttpMethod.POST, path, access, null, handlers);
    }

    @SafeVarargs
    public final RouteTable put(String path, Access access, Handler<RoutingContext>... handlers) {
        return add(HttpMethod.PUT, path, access, null, handlers);
    }

    @SafeVarargs
    public final RouteTable delete(String path, Access access, Handler<RoutingContext>... handlers) {
        return add(HttpMethod.DELETE, path, access, null, handlers);
    }

    /** Handlers every request under a prefix passes through, or a tree of static files. */
    @SafeVarargs
    public final RouteTable filter(String path, Access access, Handler<RoutingContext>... handlers) {
        return add(null, path, access, null, handlers);
    }

    /** An entry with an explicit order: below 0 runs before the body handler. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array only reaches List.of, which copies it
    public final RouteTable add(
            HttpMethod method, String path, Access access, Integer order, Handler<RoutingContext>... handlers) {
        entries.add(new Entry(method, path, access, order, List.of(handlers)));
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Router mount(Router router, Guards guards) {
        for (Entry e : entries) {
            Route route = e.method() == null ? router.route(e.path()) : router.route(e.method(), e.path());
            if (e.order() != null) route.order(e.order());
            Handler<RoutingContext> guard = e.access() == Access.PUBLIC ? null : guards.guard(e.access());
            if (guard != null) route.handler(guard);
            e.handlers().forEach(route::handler);
        }
        return router;
    }
}
