package io.livemod.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Backtest.Report} as JSON: the body of {@code POST /v1/rules/backtest} and the output of
 * {@code livemod rules backtest --json}, one shape for both. Rules that flag nothing under either
 * version and did not change are left out.
 */
public final class BacktestJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BacktestJson() {}

    /** What was read, around the report: the range, the platform filter, and how the read went. */
    public record Range(
            Instant from, Instant to, String platform, long unreadable, boolean truncated, String stoppedBy) {}

    public static ObjectNode of(Backtest.Report r, Range range) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("live").put("version", r.liveVersion());
        o.putObject("candidate").put("version", r.candidateVersion());
        o.put("from", range.from().toString());
        o.put("to", range.to().toString());
        if (range.platform() != null) o.put("platform", range.platform());
        o.put("comments", r.comments());
        o.put("unreadable", range.unreadable());
        o.put("truncated", range.truncated());
        if (range.stoppedBy() != null) o.put("stoppedBy", range.stoppedBy());
        o.putObject("flagged")
                .put("live", r.liveFlagged())
                .put("candidate", r.candidateFlagged())
                .put("added", r.added())
                .put("removed", r.removed());
        ArrayNode rules = o.putArray("rules");
        for (Backtest.RuleDiff d : r.rules()) {
            boolean changed = changed(d.live(), d.candidate());
            if (!changed && d.liveFlags() == 0 && d.candidateFlags() == 0) continue;
            ObjectNode x = rules.addObject().put("rule", d.rule()).put("changed", changed);
            definition(x, "live", d.live());
            definition(x, "candidate", d.candidate());
            x.put("liveFlags", d.liveFlags())
                    .put("candidateFlags", d.candidateFlags())
                    .put("added", d.added())
                    .put("removed", d.removed());
            ObjectNode s = x.putObject("samples");
            samples(s.putArray("added"), d.addedSamples());
            samples(s.putArray("removed"), d.removedSamples());
        }
        return o;
    }

    /** Whether a rule's definition differs between the versions (its line in the file does not count). */
    static boolean changed(Rule a, Rule b) {
        if (a == null || b == null) return !Objects.equals(a, b);
        return a.kind() != b.kind()
                || a.category() != b.category()
                || a.severity() != b.severity()
                || a.match() != b.match()
                || a.state() != b.state()
                || a.unaccented() != b.unaccented()
                || !a.terms().equals(b.terms())
                || !a.allow().equals(b.allow())
                || !Objects.equals(a.pattern(), b.pattern())
                || !a.platforms().equals(b.platforms())
                || !a.streams().equals(b.streams())
                || !a.exceptPlatforms().equals(b.exceptPlatforms())
                || !Objects.equals(a.context(), b.context());
    }

    private static void definition(ObjectNode x, String field, Rule r) {
        if (r == null) {
            x.putNull(field);
            return;
        }
        x.putObject(field)
                .put("state", r.state().wire())
                .put("severity", r.severity().wire())
                .put("category", r.category().wire());
    }

    private static void samples(ArrayNode out, List<Backtest.Sample> samples) {
        for (Backtest.Sample s : samples) {
            out.addObject()
                    .put("commentId", s.comment().id())
                    .put("platform", s.comment().platform())
                    .put("streamId", s.comment().streamId())
                    .put("receivedAt", s.comment().receivedAt())
                    .put("text", s.comment().text())
                    .put("term", s.term())
                    .put("severity", s.severity().wire())
                    .put("start", s.start())
                    .put("end", s.end());
        }
    }
}
