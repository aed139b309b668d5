package io.livemod.gateway.review;

/** Filters of GET /v1/flags; nulls match everything. {@code cursor} is opaque to clients. */
public record FlagQuery(String status, String streamId, String category, String severity, int limit, String cursor) {
    public static final int MAX_LIMIT = 500;
}
