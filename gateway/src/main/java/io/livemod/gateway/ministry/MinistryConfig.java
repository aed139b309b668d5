package io.livemod.gateway.ministry;

import static io.livemod.settings.QueueCatalogue.CAP_SENDER;
import static io.livemod.settings.QueueCatalogue.ESCALATION;
import static io.livemod.settings.QueueCatalogue.PSEUDONYM_KEY;

import io.livemod.settings.QueueCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of the ministry side, validated at start with a one-line reason naming the setting.
 *
 * @param escalationDelay  an unacknowledged critical alert is escalated again after this long
 *                         (and again every such period until someone acknowledges it)
 * @param checkInterval    how often re-escalation and takedown deadlines are checked
 * @param takedownDeadline time a platform has to act on a takedown request (Decree 147/2024: 24 h)
 * @param pseudonymKey     server secret of the per-platform user-id pseudonyms; outside dev mode it
 *                         must be set and must not be the dev key, or pseudonyms could be reversed
 * @param capSender        the CAP {@code sender}: a stable identifier of this system for subscribers
 */
public record MinistryConfig(
        Duration escalationDelay,
        Duration checkInterval,
        Duration takedownDeadline,
        String pseudonymKey,
        String capSender) {
    public static final String DEV_PSEUDONYM_KEY = "livemod-dev-pseudonym-key-NOT-FOR-PRODUCTION-0123456789";

    public static MinistryConfig dev() {
        return new MinistryConfig(
                Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofHours(24), DEV_PSEUDONYM_KEY, "livemod-dev");
    }

    /** LIVEMOD_ESCALATION_MINUTES, LIVEMOD_PSEUDONYM_KEY, LIVEMOD_CAP_SENDER ({@link QueueCatalogue}); the dev key only in dev mode. */
    public static MinistryConfig fromEnv(boolean devMode, Function<String, String> env) {
        String key = PSEUDONYM_KEY.read(env, devMode ? DEV_PSEUDONYM_KEY : null);
        return new MinistryConfig(
                        ESCALATION.read(env), Duration.ofSeconds(10), Duration.ofHours(24), key, CAP_SENDER.read(env))
                .validate(devMode);
    }

    public MinistryConfig validate(boolean devMode) {
        if (escalationDelay.isNegative() || escalationDelay.isZero()) {
            throw new IllegalArgumentException(
                    "LIVEMOD_ESCALATION_MINUTES: must be positive, got " + escalationDelay.toMinutes());
        }
        if (checkInterval.toMillis() < 1) throw new IllegalArgumentException("checkInterval: must be at least 1 ms");
        if (takedownDeadline.isNegative() || takedownDeadline.isZero())
            throw new IllegalArgumentException("takedownDeadline: must be positive");
        if (pseudonymKey == null || pseudonymKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(
                    "LIVEMOD_PSEUDONYM_KEY: a secret of at least 32 bytes is required to pseudonymize user ids");
        }
        if (!devMode && DEV_PSEUDONYM_KEY.equals(pseudonymKey)) {
            throw new IllegalArgumentException("LIVEMOD_PSEUDONYM_KEY: the dev key is refused outside dev mode");
        }
        if (capSender == null || capSender.isBlank() || capSender.contains(" ") || capSender.contains(",")) {
            throw new IllegalArgumentException(
                    "LIVEMOD_CAP_SENDER: must be non-empty without spaces or commas (CAP 1.2)");
        }
        return this;
    }

    public MinistryConfig withEscalation(Duration delay, Duration interval) {
        return new MinistryConfig(delay, interval, takedownDeadline, pseudonymKey, capSender);
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "MinistryConfig[escalationDelay=" + escalationDelay + ", checkInterval=" + checkInterval
                + ", takedownDeadline=" + takedownDeadline + ", capSender=" + capSender + "]";
    }
}
