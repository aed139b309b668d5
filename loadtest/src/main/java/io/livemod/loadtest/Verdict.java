package io.livemod.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * A run passes when nothing was lost or stored twice, every violation got its keyword/pattern flag
 * exactly once, and the pipeline's judgement holds the {@link LoadConfig.Thresholds}: benign chat
 * rarely flagged and never alerted on, spam campaigns alerted in time, user floods flagged.
 */
public final class Verdict {
    private Verdict() {}

    /** Why the run fails; empty when it passes. */
    public static List<String> failures(LoadResult r) {
        return failures(
                r.lostComments(),
                r.duplicatedComments(),
                r.violationsMissed(),
                r.violationsFlaggedTwice(),
                r.signal(),
                r.config().thresholds());
    }

    public static List<String> failures(
            long lost, long duplicated, long missed, long twice, Signal s, LoadConfig.Thresholds th) {
        List<String> out = new ArrayList<>();
        if (lost > 0) out.add(lost + " accepted comments missing from Kafka");
        if (duplicated > 0) out.add(duplicated + " comments stored twice");
        if (missed > 0) out.add(missed + " violations not flagged by their rule");
        if (twice > 0) out.add(twice + " violations flagged twice");
        if (s.benignFlagRate() > th.maxBenignFlagRate()) {
            out.add(String.format(
                    "benign flag rate %.2f%% above %.2f%%", 100 * s.benignFlagRate(), 100 * th.maxBenignFlagRate()));
        }
        if (s.benignAlerts() > th.maxBenignAlerts())
            out.add(s.benignAlerts() + " alerts raised on benign chat (at most " + th.maxBenignAlerts() + ")");
        Signal.Campaigns c = s.campaigns();
        if (c.injected() > 0 && c.withinShare() < th.minCampaignRecall()) {
            out.add(String.format(
                    "%.1f%% of spam campaigns alerted within %d s (at least %.1f%%)",
                    100 * c.withinShare(), th.campaignAlertWithin().toSeconds(), 100 * th.minCampaignRecall()));
        }
        Signal.Floods f = s.floods();
        if (f.injected() > 0 && f.recall() < th.minFloodRecall()) {
            out.add(String.format(
                    "%.1f%% of user floods flagged (at least %.1f%%)", 100 * f.recall(), 100 * th.minFloodRecall()));
        }
        return out;
    }
}
