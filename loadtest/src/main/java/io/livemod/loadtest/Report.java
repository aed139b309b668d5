package io.livemod.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Writes a run's JSON report and a self-contained HTML page with throughput and latency plots (inline SVG). */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {}

    /** @return the HTML file written */
    public static Path write(LoadResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(r.runId() + ".json");
        JSON.writeValue(json.toFile(), r);
        Path html = dir.resolve(r.runId() + ".html");
        Files.writeString(html, html(r), StandardCharsets.UTF_8);
        return html;
    }

    static String html(LoadResult r) {
        List<LoadResult.Point> s = r.series();
        return """
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Livemod load run %s</title>
                <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:960px;color:#111}pre{background:#f4f4f4;padding:1em}
                h2{font-size:16px;margin-top:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}svg{border:1px solid #ccc;background:#fff}</style>
                <h1>Livemod load run %s</h1><pre>%s</pre>
                <h2>Signal: every flag and alert judged, per rule</h2>%s
                <h2>Accepted comments per second</h2>%s
                <h2>Time to ack, p99 per second (ms)</h2>%s
                <h2>End to end (send → flag), p99 per second (ms)</h2>%s
                <p>JSON: %s.json. Seconds before %d are warm-up and not in the percentiles above.</p></html>
                """.formatted(
                        r.runId(),
                        r.runId(),
                        escape(r.summary()),
                        rules(r.signal()),
                        plot(s, p -> p.accepted(), "#1f77b4"),
                        plot(s, LoadResult.Point::ackP99, "#d62728"),
                        plot(s, LoadResult.Point::e2eP99, "#2ca02c"),
                        r.runId(),
                        r.config().warmup().toSeconds());
    }

    /** The per-rule table as an HTML table (the same figures as the summary's). */
    static String rules(Signal s) {
        StringBuilder b =
                new StringBuilder("<table id=\"rules\"><thead><tr><th>rule</th><th>on</th><th>TP</th><th>FP</th>"
                        + "<th>other-bad</th><th>FN</th><th>precision</th><th>recall</th></tr></thead><tbody>");
        for (Signal.RuleRow r : s.rules()) {
            b.append("<tr><td>")
                    .append(escape(r.rule()))
                    .append("</td><td>")
                    .append(r.on())
                    .append("</td><td>")
                    .append(r.tp())
                    .append("</td><td>")
                    .append(r.fp())
                    .append("</td><td>")
                    .append(r.otherBad())
                    .append("</td><td>")
                    .append(r.fn())
                    .append("</td><td>")
                    .append(Signal.percent(r.precision()))
                    .append("</td><td>")
                    .append(Signal.percent(r.recall()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String plot(List<LoadResult.Point> points, ToDoubleFunction<LoadResult.Point> y, String colour) {
        int w = 900, h = 220, pad = 40;
        double max = Math.max(1e-9, points.stream().mapToDouble(y).max().orElse(1));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = pad + (w - 2.0 * pad) * i / Math.max(1, points.size() - 1);
            double v = h - pad - (h - 2.0 * pad) * y.applyAsDouble(points.get(i)) / max;
            path.append(i == 0 ? "M" : "L").append(String.format("%.1f,%.1f ", x, v));
        }
        return """
                <svg width="%d" height="%d" role="img" aria-label="plot"><path d="%s" fill="none" stroke="%s" stroke-width="2"/>
                <line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/><text x="4" y="%d" font-size="11">%.1f</text>
                <text x="4" y="%d" font-size="11">0</text><text x="%d" y="%d" font-size="11">%d s</text></svg>
                """.formatted(
                        w,
                        h,
                        path,
                        colour,
                        pad,
                        h - pad,
                        w - pad,
                        h - pad,
                        pad,
                        max,
                        h - pad,
                        w - pad - 20,
                        h - 8,
                        points.size());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
