package io.livemod.gateway.ministry;

import io.livemod.gateway.http.Errors;
import io.livemod.gateway.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /v1/reports/summary?from=&to=[&format=csv]}: officers and admins (aggregates only, no
 * user ids). {@code from}/{@code to} are RFC 3339 times or dates (whole days in Vietnam's zone);
 * the default period is the last 24 hours.
 */
public final class ReportRoutes {
    static final Duration MAX_PERIOD = Duration.ofDays(400);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final SummaryReport report;
    private final Clock clock;

    private final Duration horizon;

    ReportRoutes(SummaryReport report, Clock clock, Duration horizon) {
        this.report = report;
        this.clock = clock;
        this.horizon = horizon;
    }

    public void summary(RoutingContext ctx) {
        long now = clock.millis();
        Long to = time(ctx, "to", now);
        if (to == null) return;
        Long from = time(ctx, "from", to - Duration.ofHours(24).toMillis());
        if (from == null) return;
        if (from >= to) {
            Errors.send(ctx, 400, "invalid_parameter", "from must be before to", "from");
            return;
        }
        if (from < now - horizon.toMillis()) {
            Errors.send(
                    ctx,
                    400,
                    "invalid_parameter",
                    "reports reach back " + horizon.toDays() + " days (LIVEMOD_REPORT_HORIZON_DAYS); from is earlier",
                    "from");
            return;
        }
        if (to - from > MAX_PERIOD.toMillis()) {
            Errors.send(
                    ctx,
                    400,
                    "invalid_parameter",
                    "the period is longer than " + MAX_PERIOD.toDays() + " days",
                    "from");
            return;
        }
        String format = ctx.request().getParam("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            Errors.send(ctx, 400, "invalid_parameter", "format must be json or csv", "format");
            return;
        }
        ctx.vertx().executeBlocking(() -> report.compute(from, to, now), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (format.equals("csv")) {
                ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"livemod-summary.csv\"")
                        .end(csv(ar.result()));
            } else {
                Responses.json(ctx, 200, ar.result());
            }
        });
    }

    /** An RFC 3339 time or a date; the default when absent; null after answering 400. */
    private static Long time(RoutingContext ctx, String param, long dflt) {
        String v = ctx.request().getParam(param);
        if (v == null || v.isBlank()) return dflt;
        try {
            return v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(VIETNAM).toInstant().toEpochMilli()
                    : OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            Errors.send(
                    ctx,
                    400,
                    "invalid_parameter",
                    param + " must be an RFC 3339 time (2026-11-28T00:00:00+07:00) or a date (2026-11-28)",
                    param);
            return null;
        }
    }

    /** One row per figure: section, platform, key, value; spreadsheet-friendly. */
    static String csv(SummaryReport.Report r) {
        StringBuilder b = new StringBuilder("section,platform,key,value\r\n");
        row(b, "period", "", "from", r.from());
        row(b, "period", "", "to", r.to());
        row(b, "flags", "", "total", r.flags());
        r.flagsByPlatform().forEach((p, m) -> m.forEach((k, n) -> row(b, "flags", p, k, n)));
        row(b, "decisions", "", "total", r.decisions());
        r.decisionsByPlatform().forEach((p, m) -> m.forEach((k, n) -> row(b, "decisions", p, k, n)));
        row(
                b,
                "decisions",
                "",
                "median_seconds_to_decision",
                r.medianSecondsToDecision() == null ? "" : r.medianSecondsToDecision());
        SummaryReport.TakedownCounts t = r.takedowns();
        row(b, "takedowns", "", "requested", t.requested());
        row(b, "takedowns", "", "done", t.done());
        row(b, "takedowns", "", "done_within_deadline", t.doneWithinDeadline());
        row(b, "takedowns", "", "done_late", t.doneLate());
        row(b, "takedowns", "", "open", t.open());
        row(b, "takedowns", "", "overdue", t.overdue());
        row(b, "false_claims", "", "total", r.falseClaimMatches());
        r.falseClaimsByClaim().forEach((claim, m) -> m.forEach((p, n) -> row(b, "false_claims", p, claim, n)));
        return b.toString();
    }

    private static void row(StringBuilder b, String section, String platform, String key, Object value) {
        b.append(cell(section))
                .append(',')
                .append(cell(platform))
                .append(',')
                .append(cell(key))
                .append(',')
                .append(cell(String.valueOf(value)))
                .append("\r\n");
    }

    /**
     * RFC 4180 quoting, and a leading quote against formula injection in spreadsheets: a cell that
     * starts with = + - @, or with a tab or carriage return (which spreadsheets skip before reading
     * the formula), unless it is a plain number.
     */
    static String cell(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+") ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
