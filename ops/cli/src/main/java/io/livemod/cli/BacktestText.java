package io.livemod.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The backtest report as text for a terminal: totals, one line per rule, then samples. */
final class BacktestText {
    private BacktestText() {}

    static void print(JsonNode r, boolean liveIsBuiltIn, PrintStream out) {
        out.printf(
                "comments %s .. %s%s: %,d read%s%n",
                r.get("from").asText(),
                r.get("to").asText(),
                r.has("platform") ? " on " + r.get("platform").asText() : "",
                r.get("comments").asLong(),
                r.get("truncated").asBoolean()
                        ? " (stopped by the " + r.path("stoppedBy").asText() + ": more in range)"
                        : "");
        if (r.get("unreadable").asLong() > 0)
            out.printf("  %,d unreadable records skipped%n", r.get("unreadable").asLong());
        JsonNode f = r.get("flagged");
        out.printf(
                "live %s%s flags %,d; candidate %s flags %,d: %,d newly flagged, %,d no longer flagged%n",
                r.get("live").get("version").asText(),
                liveIsBuiltIn ? " (built-in pack, nothing published)" : "",
                f.get("live").asLong(),
                r.get("candidate").get("version").asText(),
                f.get("candidate").asLong(),
                f.get("added").asLong(),
                f.get("removed").asLong());
        out.printf("%n%-26s %10s %10s %9s %9s  %s%n", "rule", "live", "candidate", "added", "removed", "definition");
        for (JsonNode x : r.get("rules")) {
            out.printf(
                    "%-26s %,10d %,10d %9s %9s  %s%n",
                    x.get("rule").asText(),
                    x.get("liveFlags").asLong(),
                    x.get("candidateFlags").asLong(),
                    "+" + x.get("added").asLong(),
                    "-" + x.get("removed").asLong(),
                    definition(x));
        }
        for (JsonNode x : r.get("rules")) {
            for (String side : new String[] {"added", "removed"}) {
                for (JsonNode s : x.get("samples").get(side)) {
                    out.printf(
                            "%s %s %s/%s %s: %s   [%s]%n",
                            side.equals("added") ? "+" : "-",
                            x.get("rule").asText(),
                            s.get("platform").asText(),
                            s.get("streamId").asText(),
                            s.get("commentId").asText(),
                            oneLine(s.get("text").asText()),
                            s.get("term").asText());
                }
            }
        }
    }

    /** "unchanged", "new", "removed", or what changed between the two definitions ("shadow → live", "low → medium"). */
    private static String definition(JsonNode x) {
        JsonNode a = x.get("live"), b = x.get("candidate");
        if (a.isNull()) return "new rule";
        if (b.isNull()) return "removed";
        if (!x.get("changed").asBoolean()) return "";
        StringBuilder s = new StringBuilder();
        for (String field : new String[] {"state", "severity", "category"}) {
            if (!a.get(field).asText().equals(b.get(field).asText())) {
                s.append(s.length() == 0 ? "" : ", ")
                        .append(a.get(field).asText())
                        .append(" → ")
                        .append(b.get(field).asText());
            }
        }
        return s.length() == 0 ? "terms or scope changed" : s.toString();
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
