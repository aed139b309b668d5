package io.livemod.gateway.ministry;

import static io.livemod.settings.QueueCatalogue.ALERT_HORIZON;
import static io.livemod.settings.QueueCatalogue.AUDIT_HORIZON;
import static io.livemod.settings.QueueCatalogue.REPORT_HORIZON;
import static io.livemod.settings.QueueCatalogue.TAKEDOWN_HORIZON;

import io.livemod.settings.QueueCatalogue;
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

    /** The catalogue's defaults ({@link QueueCatalogue}). */
    public static Horizons defaults() {
        return new Horizons(
                ALERT_HORIZON.defaultValue(),
                REPORT_HORIZON.defaultValue(),
                TAKEDOWN_HORIZON.defaultValue(),
                AUDIT_HORIZON.defaultValue());
    }

    /** LIVEMOD_ALERT_HORIZON_DAYS, LIVEMOD_REPORT_HORIZON_DAYS, LIVEMOD_TAKEDOWN_HORIZON_DAYS, LIVEMOD_AUDIT_HORIZON_DAYS. */
    public Horizons withEnv(Function<String, String> env) {
        return new Horizons(
                        ALERT_HORIZON.read(env, alerts),
                        REPORT_HORIZON.read(env, reports),
                        TAKEDOWN_HORIZON.read(env, takedowns),
                        AUDIT_HORIZON.read(env, audit))
                .validate();
    }

    public Horizons validate() {
        for (Duration d : new Duration[] {alerts, reports, takedowns, audit}) {
            if (d == null || d.isNegative() || d.isZero())
                throw new IllegalArgumentException("horizons: every horizon must be positive");
        }
        return this;
    }

    /** Where a projection with this horizon starts replaying at {@code now}. */
    static long replayFrom(long now, Duration horizon) {
        return now - horizon.toMillis() - MARGIN.toMillis();
    }
}
