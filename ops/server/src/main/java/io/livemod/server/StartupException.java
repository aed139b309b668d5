package io.livemod.server;

/** A start-up failure with a one-line reason for the operator: printed as is, no stack trace. */
public final class StartupException extends RuntimeException {
    public StartupException(String reason) {
        super(reason);
    }

    public StartupException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
