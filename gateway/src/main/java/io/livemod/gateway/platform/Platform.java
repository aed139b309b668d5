package io.livemod.gateway.platform;

import java.util.List;

/**
 * A connected social network. {@code secrets} holds the current HMAC secret first and, during a
 * rotation's grace period, the previous one: both verify.
 */
public record Platform(String id, String name, List<String> secrets, String webhookUrl) {
    public Platform {
        secrets = List.copyOf(secrets);
    }

    /** Never log secrets: records print them by default. */
    @Override
    public String toString() {
        return "Platform[" + id + "]";
    }
}
