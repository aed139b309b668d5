package io.livemod.loadtest;

import java.util.List;
import java.util.Map;

/**
 * What the oracle found about the pipeline's judgement: per rule (flag kinds and alert kinds) the
 * flags or alerts that hit injected known-bad comments (TP), benign ones (FP), other known-bad ones
 * than the rule is for (not counted against it), and the misses; the benign flag rate; alerts by
 * kind and severity; how fast spam campaigns alerted and whether user floods were flagged.
 */
public record Signal(
        List<RuleRow> rules,
        long benignComments,
        long benignFlags,
        long benignFlaggedComments,
        long benignAboveLow,
        Map<String, List<String>> benignFlagExamples,
        long benignAlerts,
        List<String> benignAlertExamples,
        Map<String, Map<String, Long>> alertsByKindSeverity,
        Campaigns campaigns,
        Floods floods,
        long unjudged) {

    Signal withBenignFlagExamples(Map<String, List<String>> examples) {
        return new Signal(
                rules,
                benignComments,
                benignFlags,
                benignFlaggedComments,
                benignAboveLow,
                new java.util.TreeMap<>(examples),
                benignAlerts,
                benignAlertExamples,
                alertsByKindSeverity,
                campaigns,
                floods,
                unjudged);
    }

    /**
     * One row of the per-rule table. {@code on} is "flag" or "alert". TP, FP and other-bad count
     * flags (or alerts); FN counts what was missed: comments for keyword/pattern, episodes for the
     * behaviour rules, whose recall is per episode. Precision and recall are null where they mean
     * nothing (nothing raised; no episode the rule is expected to catch).
     */
    public record RuleRow(
            String rule, String on, long tp, long fp, long otherBad, long fn, Double precision, Double recall) {
        static RuleRow of(String rule, String on, long tp, long fp, long otherBad, long fn, Double recall) {
            return new RuleRow(rule, on, tp, fp, otherBad, fn, tp + fp == 0 ? null : tp / (double) (tp + fp), recall);
        }

        /** Recall of {@code hit} out of {@code of}, or null when there was nothing to catch. */
        static Double recall(long hit, long of) {
            return of == 0 ? null : hit / (double) of;
        }
    }

    /**
     * Spam campaigns whose every copy was accepted ({@code notJudged}: the others): alerted at all,
     * and within the threshold of reaching the spread; latencies from that moment to the alert's
     * first appearance on the alerts topic.
     */
    public record Campaigns(
            long injected,
            long alerted,
            long alertedWithin,
            long withinMillis,
            long p50Millis,
            long maxMillis,
            long notJudged,
            List<String> missedExamples) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public double withinShare() {
            return injected == 0 ? 1.0 : alertedWithin / (double) injected;
        }
    }

    /** User floods whose every comment was accepted, and how many got a user_flood flag. */
    public record Floods(long injected, long flagged, long notJudged) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public double recall() {
            return injected == 0 ? 1.0 : flagged / (double) injected;
        }
    }

    /** Flags on benign comments per benign comment. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public double benignFlagRate() {
        return benignComments == 0 ? 0 : benignFlags / (double) benignComments;
    }

    /** The per-rule table and the benign figures, as printed in the summary. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "  %-17s %-6s %9s %9s %9s %9s %9s %7s%n",
                "rule", "on", "TP", "FP", "other-bad", "FN", "precision", "recall"));
        for (RuleRow r : rules) {
            b.append(String.format(
                    "  %-17s %-6s %9d %9d %9d %9d %9s %7s%n",
                    r.rule(),
                    r.on(),
                    r.tp(),
                    r.fp(),
                    r.otherBad(),
                    r.fn(),
                    percent(r.precision()),
                    percent(r.recall())));
        }
        b.append(String.format(
                "  benign           %d comments, %d flags on %d of them (rate %.2f%%), %d of them flagged above low severity; %d alerts on benign chat%n",
                benignComments,
                benignFlags,
                benignFlaggedComments,
                100 * benignFlagRate(),
                benignAboveLow,
                benignAlerts));
        benignFlagExamples.forEach((kind, texts) -> texts.forEach(t -> b.append("    flagged ")
                .append(kind)
                .append(" on benign chat: \"")
                .append(t.replaceFirst(" \\((\\w+)\\)$", "\" ($1)"))
                .append(System.lineSeparator())));
        for (String e : benignAlertExamples)
            b.append("    alert on benign chat: ").append(e).append(System.lineSeparator());
        b.append(String.format(
                "  alerts           %s%n", alertsByKindSeverity.isEmpty() ? "none" : alertsByKindSeverity));
        b.append(String.format(
                "  campaigns        %d injected, %d alerted, %d within %d s (%.1f%%), alert after reaching the spread p50 %d ms max %d ms%s%n",
                campaigns.injected(),
                campaigns.alerted(),
                campaigns.alertedWithin(),
                campaigns.withinMillis() / 1000,
                100 * campaigns.withinShare(),
                campaigns.p50Millis(),
                campaigns.maxMillis(),
                campaigns.notJudged() > 0
                        ? "; " + campaigns.notJudged() + " not judged (copies not all accepted)"
                        : ""));
        for (String m : campaigns.missedExamples())
            b.append("    not alerted: ").append(m).append(System.lineSeparator());
        b.append(String.format(
                "  user floods      %d injected, %d flagged (%.1f%%)%s",
                floods.injected(),
                floods.flagged(),
                100 * floods.recall(),
                floods.notJudged() > 0 ? "; " + floods.notJudged() + " not judged" : ""));
        if (unjudged > 0)
            b.append(String.format(
                    "%n  unjudged         %d flags/alerts of this run with nothing to judge them by", unjudged));
        return b.toString();
    }

    static String percent(Double d) {
        return d == null ? "—" : String.format("%.1f%%", 100 * d);
    }
}
