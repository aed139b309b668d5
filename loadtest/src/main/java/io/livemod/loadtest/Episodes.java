package io.livemod.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Starts the injected episodes and schedules their comments on future ticks: user floods and spam
 * campaigns at configured rates per minute (realistic traffic), or the fixed bursts of the synthetic
 * traffic (a flood and a campaign every 5 s). An episode only starts if it can finish before the run
 * ends, so every injected episode is judged whole.
 */
final class Episodes {
    /** A comment due on a tick. */
    record Pending(int stream, String user, String text, byte truth, int episode) {}

    static final double EVADED_CAMPAIGNS = 0.4;
    /** Share of campaigns that are brigades of new accounts with a text that carries no risk. */
    static final double BRIGADES = 0.25;

    private final java.util.Set<String> brigadeTexts = new java.util.HashSet<>();
    private final LoadConfig config;
    private final StreamBook streams;
    private final ChatCorpus chat;
    private final Random random;
    private final int bps;
    private final long totalTicks;
    private final List<Episode> all = new ArrayList<>();
    private final Map<Long, List<Pending>> due = new HashMap<>();

    Episodes(LoadConfig config, StreamBook streams, ChatCorpus chat, Random random) {
        this.config = config;
        this.streams = streams;
        this.chat = chat;
        this.random = random;
        this.bps = config.batchesPerSecond();
        this.totalTicks = (config.warmup().toSeconds() + config.duration().toSeconds()) * bps;
    }

    List<Episode> all() {
        return all;
    }

    Episode get(int id) {
        return all.get(id);
    }

    /** Starts this tick's episodes, then hands out the comments due on it. */
    List<Pending> due(long tick) {
        LoadConfig.Traffic t = config.traffic();
        if (t.mode() == LoadConfig.Mode.SYNTHETIC) {
            if ((tick + 1) % (bps * 5L) == 0) burst(tick);
        } else {
            if (random.nextDouble() < t.floodsPerMinute() / (60.0 * bps)) flood(tick);
            if (random.nextDouble() < t.campaignsPerMinute() / (60.0 * bps)) {
                if (random.nextDouble() < BRIGADES) brigade(tick);
                else campaign(tick);
            }
        }
        List<Pending> now = due.isEmpty() ? null : due.remove(tick);
        return now == null ? List.of() : now;
    }

    /** One user, 8–14 comments in one stream within 2–8 s, typed from the stream's own chat. */
    private void flood(long tick) {
        long span = Math.min(secondsToTicks(2 + random.nextInt(7)), totalTicks - tick - 1);
        if (span < 1) return;
        int stream = streams.draw(random);
        Episode e = start(Episode.Kind.FLOOD, null);
        String user = "f" + e.id + "-" + random.nextInt(1_000_000);
        int n = 8 + random.nextInt(7);
        for (int i = 0; i < n; i++) {
            schedule(
                    tick + (long) (random.nextDouble() * span),
                    new Pending(stream, user, chat.benign(streams.genre(stream), random), Truth.FLOOD, e.id));
        }
        e.planned = n;
    }

    /**
     * One copy-paste message posted by 3–8 users into 3–6 streams (on every platform when there are
     * several), one or two copies a stream, spread over 20–120 s.
     */
    private void campaign(long tick) {
        long span = Math.min(secondsToTicks(20 + random.nextInt(101)), totalTicks - tick - 1);
        if (span < 1) return;
        Episode e = start(Episode.Kind.CAMPAIGN, SpamCorpus.campaign(random, EVADED_CAMPAIGNS));
        int users = 3 + random.nextInt(6);
        List<Integer> targets = targets(3 + random.nextInt(4));
        int turn = random.nextInt(users); // participants take turns: every copy of a stream round by another account
        for (int stream : targets) {
            for (int c = 1 + random.nextInt(2); c > 0; c--) {
                String user = "sp" + e.id + "-" + (turn++ % users);
                schedule(
                        tick + (long) (random.nextDouble() * span),
                        new Pending(stream, user, e.text, Truth.SPAM, e.id));
                e.planned++;
            }
        }
    }

    /**
     * A brigade: 5–7 accounts a few days old post one text without contact, link or money into each
     * of 3 streams (on every platform when there are several) within 5 s, the streams 5–30 s apart.
     * Only who sends it gives it away ({@link Accounts}).
     */
    private void brigade(long tick) {
        long stagger = secondsToTicks(5 + random.nextInt(26)), burst = secondsToTicks(5);
        if (tick + 2 * stagger + burst >= totalTicks - 1) return;
        String text = SpamCorpus.brigade(random);
        for (int tries = 0; brigadeTexts.contains(text) && tries < 20; tries++) text = SpamCorpus.brigade(random);
        if (!brigadeTexts.add(text)) return; // every pairing used: no two brigades share a text
        Episode e = start(Episode.Kind.CAMPAIGN, text);
        List<Integer> targets = targets(3);
        for (int i = 0; i < targets.size(); i++) {
            for (int a = 5 + random.nextInt(3); a > 0; a--) {
                String user = Accounts.BURST_PREFIX + e.id + "-" + i + "-" + a;
                schedule(
                        tick + i * stagger + (long) (random.nextDouble() * burst),
                        new Pending(targets.get(i), user, text, Truth.SPAM, e.id));
                e.planned++;
            }
        }
    }

    /** Distinct streams by popularity, the first ones on each platform in turn. */
    private List<Integer> targets(int k) {
        int platforms = config.platforms().size();
        k = Math.min(k, streams.size());
        List<Integer> out = new ArrayList<>(k);
        for (int tries = 0; out.size() < k && tries < 10_000; tries++) {
            int s = streams.draw(random);
            boolean platformTurn = out.size() >= platforms || streams.platform(s) == out.size();
            if (!out.contains(s) && platformTurn) out.add(s);
        }
        return out;
    }

    /** The synthetic traffic's burst: 7 comments of one flooder in the mega-live and 8 copies of one text over 4 streams. */
    private void burst(long tick) {
        LoadConfig.Traffic t = config.traffic();
        if (t.floodsPerMinute() > 0) {
            Episode f = start(Episode.Kind.FLOOD, null);
            for (int i = 0; i < 7; i++)
                schedule(tick, new Pending(0, "flooder-" + tick, CommentCorpus.clean(random), Truth.FLOOD, f.id));
            f.planned = 7;
        }
        if (t.campaignsPerMinute() > 0) {
            Episode c = start(Episode.Kind.CAMPAIGN, "mua hàng giá rẻ tại shop-" + tick + " nhanh tay kẻo hết");
            for (int i = 0; i < 8; i++) {
                schedule(
                        tick,
                        new Pending(
                                i % Math.min(4, streams.size()), "camp-" + tick + "-" + i, c.text, Truth.SPAM, c.id));
            }
            c.planned = 8;
        }
    }

    private Episode start(Episode.Kind kind, String text) {
        Episode e = new Episode(all.size(), kind, text);
        all.add(e);
        return e;
    }

    private void schedule(long tick, Pending p) {
        due.computeIfAbsent(tick, k -> new ArrayList<>()).add(p);
    }

    private long secondsToTicks(int seconds) {
        return (long) seconds * bps;
    }
}
