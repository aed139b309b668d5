package io.livemod.loadtest;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Scope;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the comments of each tick: stream by Zipf popularity, a configurable share of
 * violations, and now and then a user flood (one user, many comments, one stream) or a duplicate
 * campaign (one text, many users, several streams and platforms). Each comment's expected verdict
 * comes from the same rule set the pipeline runs, so the run can check that every violation was
 * flagged exactly once.
 */
public final class TrafficPlan {
    private final LoadConfig config;
    private final String runId;
    private final Random random;
    private final Zipf streams;
    private final CompiledRuleSet oracle;
    private final Clock clock;
    private long seq;
    private long tick;

    /**
     * One generated comment, its platform, and how many flags the rules should raise for it: one
     * per kind (keyword, pattern) that matches, 0 for a clean comment.
     */
    public record Planned(String platform, long seq, JsonObject json, int expectedFlags) {
        public boolean violation() {
            return expectedFlags > 0;
        }
    }

    public TrafficPlan(LoadConfig config, String runId, CompiledRuleSet oracle, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.runId = runId;
        this.random = new Random(config.seed());
        this.streams = new Zipf(config.platforms().size() * config.streamsPerPlatform(), config.zipf());
        this.oracle = oracle;
    }

    /** The sequence number of a comment id of this run, or -1 for another run's. */
    public static long seqOf(String runId, String commentId) {
        if (commentId == null || !commentId.startsWith(runId + "-")) return -1;
        try {
            return Long.parseLong(commentId.substring(runId.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public double megaLiveShare() {
        return streams.share(0);
    }

    /** The comments of one tick, grouped by platform (a batch is signed by one platform). */
    public Map<String, List<Planned>> next(int count) {
        Map<String, List<Planned>> out = new LinkedHashMap<>();
        List<Planned> all = new ArrayList<>(count);
        tick++;
        boolean burst = config.floods() && tick % (config.batchesPerSecond() * 5L) == 0;
        if (burst) all.addAll(floodAndCampaign());
        while (all.size() < count) {
            int s = streams.next(random);
            int p = s % config.platforms().size();
            String text = random.nextDouble() < config.violationShare() ? CommentCorpus.violation(random) : CommentCorpus.clean(random);
            all.add(comment(p, "live-" + s, "user-" + random.nextInt(50_000), text));
        }
        for (Planned c : all) out.computeIfAbsent(c.platform(), k -> new ArrayList<>()).add(c);
        return out;
    }

    private List<Planned> floodAndCampaign() {
        List<Planned> burst = new ArrayList<>();
        String flooder = "flooder-" + tick;
        for (int i = 0; i < 7; i++) burst.add(comment(0, "live-0", flooder, CommentCorpus.clean(random)));
        String campaign = "mua hàng giá rẻ tại shop-" + tick + " nhanh tay kẻo hết";
        for (int i = 0; i < 8; i++) burst.add(comment(i % config.platforms().size(), "live-" + (i % 4), "camp-" + tick + "-" + i, campaign));
        return burst;
    }

    private Planned comment(int platformIndex, String stream, String user, String text) {
        String platform = config.platforms().get(platformIndex).id();
        long n = ++seq;
        String id = runId + "-" + n;
        JsonObject json = new JsonObject().put("id", id).put("streamId", stream).put("userId", user)
                .put("text", text).put("ts", clock.instant().toString());
        int kinds = (int) oracle.evaluate(text, new Scope(platform, stream)).matches().stream().map(m -> m.kind()).distinct().count();
        return new Planned(platform, n, json, kinds);
    }
}
