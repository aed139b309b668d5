package io.livemod.gateway.ministry;

import static io.livemod.gateway.EnvNumbers.number;

import java.time.Duration;
import java.util.function.Function;

/**
 * How far back each ministry and admin projection reaches. At boot a projection replays its topics
 * from its horizon (a day earlier, for records written late), not from their start; once an hour
 * what has fallen behind it is dropped. Kafka keeps everything for its own retention: evidence
 * is never lost, the gateway only stops holding it in memory (or Redis).
 *
 * @param alerts    alerts not seen for this long leave the board, with their officers' state; so do escalations
 * @param reports   summary reports cover this far back (older periods are refused, naming {@code from})
 * @param takedowns takedown requests older than this leave the list
 * @param audit     audit entries older than this leave {@code GET /v1/audit}
 */
public record Horizons(Duration alerts, Duration reports, Duration takedowns, Duration audit) {
    /** Replays start this much before a horizon, for records whose time is behind their offset. */
    public static final Duration MARGIN = Duration.ofDays(1);

    public static Horizons defaults() {
        return new Horizons(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(400), Duration.ofDays(400));
    }

    /** LIVEMOD_ALERT_HORIZON_DAYS, LIVEMOD_REPORT_HORIZON_DAYS, LIVEMOD_TAKEDOWN_HORIZON_DAYS, LIVEMOD_AUDIT_HORIZON_DAYS. */
    public Horizons withEnv(Function<String, String> env) {
        return new Horizons(days(env, "LIVEMOD_ALERT_HORIZON_DAYS", alerts), days(env, "LIVEMOD_REPORT_HORIZON_DAYS", reports),
                days(env, "LIVEMOD_TAKEDOWN_HORIZON_DAYS", takedowns), days(env, "LIVEMOD_AUDIT_HORIZON_DAYS", audit)).validate();
    }

    private static Duration days(Function<String, String> env, String name, Duration dflt) {
        long d = number(env, name, dflt.toDays());
        if (d < 1 || d > 3650) throw new IllegalArgumentException(name + ": 1..3650 days, got " + d);
        return Duration.ofDays(d);
    }

    public Horizons validate() {
        for (Duration d : new Duration[]{alerts, reports, takedowns, audit}) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("horizons: every horizon must be positive");
        }
        return this;
    }

    /** Where a projection with this horizon starts replaying at {@code now}. */
    static long replayFrom(long now, Duration horizon) {
        return now - horizon.toMillis() - MARGIN.toMillis();
    }
}
