package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.HOURS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.util.List;

/** The gateway's people-facing side: the moderators' queue, webhooks, the ministry and how far back projections reach. */
public final class QueueCatalogue {
    private QueueCatalogue() {}

    public static final Setting<Duration> CLAIM_TTL = Setting.duration(
                    "claimTtl", "LIVEMOD_CLAIM_TTL_SECONDS", SECONDS, 300)
            .range(10, 28_800)
            .doc("how long a moderator's claim holds without a decision")
            .roles(GATEWAY);
    public static final Setting<Duration> REVIEW_HORIZON = Setting.duration(
                    "reviewHorizon", "LIVEMOD_REVIEW_HORIZON_HOURS", HOURS, 168)
            .range(24, 4320)
            .why("the flags topic keeps 180 days")
            .doc("moderators' queue horizon: older flags leave the queue (they stay in Kafka)")
            .roles(GATEWAY);
    public static final Setting<Integer> REVIEW_MAX_FLAGS = Setting.integer(
                    "reviewMaxFlags", "LIVEMOD_REVIEW_MAX_FLAGS", 200_000)
            .atLeast(1000)
            .doc("most flags an in-memory gateway's queue holds (oldest leave first; ~2.5 KB of heap each)")
            .roles(GATEWAY);
    public static final Setting<Integer> WEBHOOK_MAX_ATTEMPTS = Setting.integer(
                    "webhookMaxAttempts", "LIVEMOD_WEBHOOK_MAX_ATTEMPTS", 10)
            .range(1, 50)
            .doc("webhook delivery attempts")
            .roles(GATEWAY);
    public static final Setting<Duration> WEBHOOK_BACKOFF = Setting.duration(
                    "webhookBackoff", "LIVEMOD_WEBHOOK_BACKOFF_SECONDS", SECONDS, 5)
            .range(0, 3600)
            .defaultDoc("5 (doubling, capped at 1 h)")
            .doc("first webhook back-off")
            .roles(GATEWAY);
    public static final Setting<Duration> ESCALATION = Setting.duration(
                    "escalation", "LIVEMOD_ESCALATION_MINUTES", MINUTES, 15)
            .atLeast(1)
            .doc("re-escalation delay of unacknowledged critical alerts")
            .roles(GATEWAY);
    public static final Setting<String> PSEUDONYM_KEY = Setting.secret("pseudonymKey", "LIVEMOD_PSEUDONYM_KEY")
            .doc("key of the per-platform user-id pseudonyms officers see, the same on every gateway")
            .boundsDoc("≥ 32 bytes")
            .defaultDoc("**required outside dev mode**; a fixed dev key in dev mode, refused elsewhere")
            .roles(GATEWAY);
    public static final Setting<String> CAP_SENDER = Setting.text("capSender", "LIVEMOD_CAP_SENDER", "livemod")
            .boundsDoc("no spaces or commas")
            .doc("CAP `sender`: this system's identifier for alert subscribers")
            .roles(GATEWAY);
    public static final Setting<Duration> ALERT_HORIZON = horizon(
            "alertHorizon",
            "LIVEMOD_ALERT_HORIZON_DAYS",
            30,
            "alerts (and their officers' state) not seen for this long leave the board");
    public static final Setting<Duration> REPORT_HORIZON =
            horizon("reportHorizon", "LIVEMOD_REPORT_HORIZON_DAYS", 90, "summary reports cover this far back");
    public static final Setting<Duration> TAKEDOWN_HORIZON = horizon(
            "takedownHorizon",
            "LIVEMOD_TAKEDOWN_HORIZON_DAYS",
            400,
            "takedown requests older than this leave the list");
    public static final Setting<Duration> AUDIT_HORIZON = horizon(
            "auditHorizon", "LIVEMOD_AUDIT_HORIZON_DAYS", 400, "audit entries older than this leave `GET /v1/audit`");

    private static Setting<Duration> horizon(String name, String env, long days, String doc) {
        return Setting.duration(name, env, DAYS, days)
                .range(1, 3650)
                .doc(doc + " (Kafka keeps them)")
                .roles(GATEWAY);
    }

    static final List<Setting<?>> ALL = List.of(
            CLAIM_TTL,
            REVIEW_HORIZON,
            REVIEW_MAX_FLAGS,
            WEBHOOK_MAX_ATTEMPTS,
            WEBHOOK_BACKOFF,
            ESCALATION,
            PSEUDONYM_KEY,
            CAP_SENDER,
            ALERT_HORIZON,
            REPORT_HORIZON,
            TAKEDOWN_HORIZON,
            AUDIT_HORIZON);
}
