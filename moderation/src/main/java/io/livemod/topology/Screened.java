package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Scope;
import io.livemod.rules.Verdict;
import io.livemod.rules.signal.ChatPhrases;
import io.livemod.rules.signal.CopyRisk;
import io.livemod.rules.text.Normalizer;
import io.livemod.rules.text.TextScratch;

/**
 * A comment read once: the rule set's verdict, its canonical text, and the risk its text would carry
 * if many accounts copy-pasted it. Every per-comment stage (keyword flags, duplicate and campaign
 * evidence) uses this instead of normalizing the text again. It travels only between processors of
 * one task, never on a topic, so it has no serde.
 *
 * @param canonical the duplicate-detection form of the text, {@code ""} when the text is too short to
 *                  be duplicate or campaign evidence (most chat: it is then not computed at all)
 * @param ordinary  the text is everyday chat ({@link ChatPhrases}) and carries no risk
 */
record Screened(Comment comment, Verdict verdict, String canonical, CopyRisk.Risk risk, boolean ordinary) {
    /** The canonical form's buffers, one set per stream thread (fresh ones per comment were 4 % of its CPU). */
    private static final ThreadLocal<TextScratch> SCRATCH = ThreadLocal.withInitial(TextScratch::new);

    static Screened of(Comment c, CompiledRuleSet rules, TopologySettings settings) {
        String text = c.text();
        if (text == null || text.isEmpty()) return new Screened(c, null, "", CopyRisk.Risk.NONE, true);
        Verdict v = rules.evaluate(text, new Scope(c.platform(), c.streamId()));
        // Texts shorter than the smallest evidence length are never canonicalized: most chat ("hay quá").
        if (text.length() < settings.duplicateMinLength()) return new Screened(c, v, "", CopyRisk.Risk.NONE, true);
        String canonical = Normalizer.standard().normalize(text, SCRATCH.get()).canonical();
        CopyRisk.Risk risk = CopyRisk.standard().assess(text, canonical, v);
        boolean ordinary = !risk.risky() && ChatPhrases.standard().ordinary(canonical);
        return new Screened(c, v, canonical, risk, ordinary);
    }

    /**
     * Whether this comment's text is worth remembering as possible duplicate or campaign evidence:
     * risky copy-paste from {@code duplicateMinLength} characters, other text only when it is long enough to
     * be a message rather than a reaction and is not everyday chat (its spread is then judged by the
     * campaign stage's background, {@link CampaignProcessor}).
     */
    boolean evidence(TopologySettings settings) {
        if (canonical.isEmpty()) return false;
        if (risk.risky()) return canonical.length() >= settings.duplicateMinLength();
        return !ordinary && canonical.length() >= settings.campaignMinLength();
    }
}
