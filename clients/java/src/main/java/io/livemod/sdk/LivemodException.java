package io.livemod.sdk;

/**
 * A request the gateway refused, or that could not be delivered, after the retries the
 * {@link RetryPolicy} allows. {@link #code()} is the gateway's error code ({@code quota_exceeded},
 * {@code bad_signature}, ...; see docs/integration.md for each one and what to do), or
 * {@code network} when no answer came.
 */
public final class LivemodException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;
    private final int retryAfterSeconds;
    private final int attempts;

    /**
     * @param status            HTTP status, or 0 when no answer came
     * @param code              the error code
     * @param message           the gateway's explanation
     * @param field             the JSON path of the offending field, or {@code null}
     * @param retryAfterSeconds the gateway's Retry-After, or 0
     * @param attempts          how many times the request was sent
     * @param cause             the network error, or {@code null}
     */
    public LivemodException(
            int status,
            String code,
            String message,
            String field,
            int retryAfterSeconds,
            int attempts,
            Throwable cause) {
        super(
                status + " " + code + ": " + message + (field == null ? "" : " (field " + field + ")")
                        + (attempts > 1 ? " after " + attempts + " attempts" : ""),
                cause);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.attempts = attempts;
    }

    /** @return the HTTP status, 0 when no answer came */
    public int status() {
        return status;
    }

    /** @return the gateway's error code, or {@code network} */
    public String code() {
        return code;
    }

    /** @return the JSON path of the offending field, or {@code null} */
    public String field() {
        return field;
    }

    /** @return seconds the gateway asked to wait before retrying, 0 when it did not say */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** @return how many times the request was sent */
    public int attempts() {
        return attempts;
    }

    /** @return whether sending the same request later may succeed (network, 408, 429, 5xx) */
    public boolean retryable() {
        return RetryPolicy.retryable(status);
    }
}
