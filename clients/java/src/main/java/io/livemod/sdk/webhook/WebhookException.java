package io.livemod.sdk.webhook;

/** A delivery that does not verify: answer it 400 and do not act on it. */
public final class WebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the header */
    public WebhookException(String message) {
        super(message);
    }
}
