package io.livemod.gateway.ingest;

import io.vertx.core.json.JsonArray;

/**
 * A batch refused as a whole, with the contract's error code, the HTTP status it maps to and, for
 * 429/503, when to retry. {@code rejected} lists per-event problems when there are some.
 */
public final class IngestError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final int retryAfterSeconds;
    private final JsonArray rejected;

    public IngestError(int status, String code, String message, String field, int retryAfterSeconds, JsonArray rejected) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.rejected = rejected;
    }

    public static IngestError of(int status, String code, String message) {
        return new IngestError(status, code, message, null, 0, null);
    }

    public static IngestError body(int status, String code, String message) {
        return new IngestError(status, code, message, "$", 0, null);
    }

    public static IngestError retryLater(int status, String code, String message, long retryAfterSeconds) {
        return new IngestError(status, code, message, null, (int) Math.max(1, retryAfterSeconds), null);
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
