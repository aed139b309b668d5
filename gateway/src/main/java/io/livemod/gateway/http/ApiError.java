package io.livemod.gateway.http;

import io.vertx.core.json.JsonArray;

/**
 * A request refused as a whole, as a value a pipeline can fail a future with (ingest's batches over
 * HTTP and WebSocket): the contract's error code, the HTTP status it maps to, the field at fault and,
 * for 429/503, when to retry. {@code rejected} lists a batch's per-event problems when there are
 * some. {@link Errors#send(io.vertx.ext.web.RoutingContext, ApiError)} answers it.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final int retryAfterSeconds;
    private final JsonArray rejected;

    public ApiError(int status, String code, String message, String field, int retryAfterSeconds, JsonArray rejected) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.rejected = rejected;
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, 0, null);
    }

    public static ApiError body(int status, String code, String message) {
        return new ApiError(status, code, message, "$", 0, null);
    }

    public static ApiError retryLater(int status, String code, String message, long retryAfterSeconds) {
        return new ApiError(status, code, message, null, (int) Math.max(1, retryAfterSeconds), null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** 0 when the client should not retry as is. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public JsonArray rejected() {
        return rejected;
    }
}
