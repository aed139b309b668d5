package io.livemod.loadtest;

import io.livemod.rules.CompiledRuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the comments of each tick: the episodes' comments due on it (floods, campaigns), then
 * violations at their share and benign chat up to the tick's count, by stream popularity. Each
 * comment's truth and the keyword/pattern flags it should raise (the active rule set's verdict for
 * injected comments, none for benign chat) are known here, so the oracle can judge every flag and
 * alert. Sequence numbers are contiguous per platform batch.
 */
public final class TrafficPlan {
    private final LoadConfig config;
    private final String runId;
    private final Random random;
    private final StreamBook streams;
    private final ChatCorpus chat = ChatCorpus.vietnamese();
    private final Episodes episodes;
    private final RuleOracle oracle;
    private long seq;
    private long tick;

    /** One generated comment: its stream (index into {@link #streams()}), author, text, truth and expected flag kinds. */
    public record Planned(long seq, int stream, String user, String text, byte truth, int episode, byte expected) {
        public boolean violation() {
            return expected != 0;
        }
    }

    /** The comments of one platform in one tick, with contiguous sequence numbers. */
    public record Batch(int platform, String platformId, List<Planned> comments) {
        public long firstSeq() {
            return comments.get(0).seq();
        }
    }

    public TrafficPlan(LoadConfig config, String runId, CompiledRuleSet rules) {
        this.config = config;
        this.runId = runId;
        this.random = new Random(config.seed());
        this.streams = new StreamBook(
                runId,
                config.platforms().size(),
                config.streamsPerPlatform(),
                config.zipf(),
                config.rate(),
                config.seed());
        this.episodes = new Episodes(config, streams, chat, random);
        this.oracle = new RuleOracle(rules);
    }

    /** The sequence number of a comment id of this run, or -1 for another run's. */
    public static long seqOf(String runId, String commentId) {
        if (commentId == null
                || commentId.length() <= runId.length() + 1
                || !commentId.startsWith(runId)
                || commentId.charAt(runId.length()) != '-') return -1;
        long n = 0;
        for (int i = runId.length() + 1; i < commentId.length(); i++) {
            char c = commentId.charAt(i);
            if (c < '0' || c > '9' || n > Long.MAX_VALUE / 10 - 10) return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public String runId() {
        return runId;
    }

    public StreamBook streams() {
        return streams;
    }

    public List<Episode> episodes() {
        return episodes.all();
    }

    public double megaLiveShare() {
        return streams.share(0);
    }

    /** The comments of the next tick (at least {@code count}: episode comments due may add a few), one batch per platform. */
    public List<Batch> next(int count) {
        List<Episodes.Pending> now = new ArrayList<>(Math.max(count, 16));
        now.addAll(episodes.due(tick++));
        while (now.size() < count) now.add(fill());
        int platforms = config.platforms().size();
        List<Batch> out = new ArrayList<>(platforms);
        for (int p = 0; p < platforms; p++) {
            List<Planned> batch = null;
            for (Episodes.Pending c : now) {
                if (streams.platform(c.stream()) != p) continue;
                if (batch == null) batch = new ArrayList<>(now.size() / platforms + 8);
                batch.add(plan(p, c));
            }
            if (batch != null) out.add(new Batch(p, config.platforms().get(p).id(), batch));
        }
        return out;
    }

    private Episodes.Pending fill() {
        int s = streams.draw(random);
        boolean violation = random.nextDouble() < config.traffic().violationShare();
        String text = config.traffic().mode() == LoadConfig.Mode.SYNTHETIC
                ? (violation ? CommentCorpus.violation(random) : CommentCorpus.clean(random))
                : (violation ? CommentCorpus.violation(random) : chat.benign(streams.genre(s), random));
        return new Episodes.Pending(s, streams.viewer(s, random), text, violation ? Truth.VIOLATION : Truth.BENIGN, -1);
    }

    private Planned plan(int platform, Episodes.Pending c) {
        long n = ++seq;
        byte expected =
                oracle.expected(config.platforms().get(platform).id(), streams.id(c.stream()), c.text(), c.truth());
        if (c.episode() >= 0) episodes.get(c.episode()).sent(n, c.stream(), platform);
        return new Planned(n, c.stream(), c.user(), c.text(), c.truth(), c.episode(), expected);
    }
}
