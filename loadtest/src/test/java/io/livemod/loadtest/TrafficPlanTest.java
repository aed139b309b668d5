package io.livemod.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {
    static final CompiledRuleSet RULES = CompiledRuleSet.compile(RuleSetLoader.defaults());

    /** Every comment of a plan run for its whole length, one tick of 100 comments at a time (10 ticks a second). */
    static List<TrafficPlan.Planned> all(TrafficPlan plan, LoadConfig c) {
        List<TrafficPlan.Planned> out = new ArrayList<>();
        long ticks = (c.warmup().toSeconds() + c.duration().toSeconds()) * c.batchesPerSecond();
        for (long t = 0; t < ticks; t++) for (TrafficPlan.Batch b : plan.next(c.batchSize())) out.addAll(b.comments());
        return out;
    }

    @Test
    void zipfMakesTheFirstStreamTheMegaLive() {
        Zipf z = new Zipf(100, 1.1);
        int[] hits = new int[100];
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) hits[z.next(r)]++;
        assertThat(hits[0]).isGreaterThan(hits[1]).isGreaterThan(hits[50] * 20);
        assertThat(hits[0] / 100_000.0).isCloseTo(z.share(0), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void popularPhrasesAreTypedVerbatimByManyViewersAcrossStreamsAndPlatformsEveryMinute() {
        LoadConfig c = Configs.realistic(0, 0, 0, 60);
        TrafficPlan plan = new TrafficPlan(c, "run", RULES);
        Map<String, Set<String>> users = new HashMap<>(), places = new HashMap<>();
        List<TrafficPlan.Planned> comments = all(plan, c);
        for (TrafficPlan.Planned p : comments) {
            assertThat(p.truth()).isEqualTo(Truth.BENIGN);
            users.computeIfAbsent(p.text(), k -> new HashSet<>()).add(p.user());
            places.computeIfAbsent(p.text(), k -> new HashSet<>())
                    .add(plan.streams().id(p.stream()));
        }
        assertThat(comments).hasSize(60_000);
        String top = ChatCorpus.vietnamese().topPhrase(Genre.COMMERCE); // "chốt đơn"
        assertThat(users.get(top)).hasSizeGreaterThan(500);
        assertThat(places.get(top).stream().filter(s -> s.contains("commerce")).count())
                .isGreaterThan(10);
        assertThat(places.get("hay quá"))
                .anyMatch(s -> s.contains("music"))
                .anyMatch(s -> s.contains("game"))
                .anyMatch(s -> s.contains("talk"));
        // Zipf over phrases: a few texts carry much of the chat, and most texts are rare.
        List<Integer> sizes =
                users.values().stream().map(Set::size).sorted((a, b) -> b - a).toList();
        assertThat(sizes.subList(0, 20).stream().mapToInt(Integer::intValue).sum())
                .isGreaterThan(comments.size() / 5);
        assertThat(users.size()).as("distinct texts (free-form comments vary)").isGreaterThan(5_000);
        // Both platforms carry the same phrases.
        Set<Integer> platformsOfTop = new HashSet<>();
        for (TrafficPlan.Planned p : comments)
            if (p.text().equals(top)) platformsOfTop.add(plan.streams().platform(p.stream()));
        assertThat(platformsOfTop).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void theSameSeedGivesTheSameTrafficAndAnotherSeedOther() {
        LoadConfig c = Configs.realistic(0.05, 30, 30, 20);
        List<String> a = all(new TrafficPlan(c, "run", RULES), c).stream()
                .map(p -> p.user() + ":" + p.text())
                .toList();
        List<String> b = all(new TrafficPlan(c, "run", RULES), c).stream()
                .map(p -> p.user() + ":" + p.text())
                .toList();
        LoadConfig other = new LoadConfig(
                c.target(),
                c.bootstrap(),
                c.rate(),
                c.duration(),
                c.warmup(),
                c.platforms(),
                c.streamsPerPlatform(),
                c.zipf(),
                c.websocketShare(),
                c.batchesPerSecond(),
                c.connections(),
                2L,
                c.traffic(),
                c.thresholds());
        assertThat(a)
                .isEqualTo(b)
                .isNotEqualTo(all(new TrafficPlan(other, "run", RULES), other).stream()
                        .map(p -> p.user() + ":" + p.text())
                        .toList());
    }

    @Test
    void violationsComeAtTheirShareAndTheirExpectedFlagsAreTheRuleSetsVerdict() {
        LoadConfig c = Configs.realistic(0.2, 0, 0, 10);
        TrafficPlan plan = new TrafficPlan(c, "run", RULES);
        long violations = 0, expectedFlagged = 0, total = 0;
        for (TrafficPlan.Planned p : all(plan, c)) {
            total++;
            if (p.truth() == Truth.VIOLATION) violations++;
            if (p.expected() != 0) expectedFlagged++;
            byte bits = 0;
            for (var m : RULES.evaluate(p.text(), new Scope("a", plan.streams().id(p.stream())))
                    .matches()) bits |= Truth.kindBit(m.kind());
            assertThat(p.expected()).as(p.text()).isEqualTo(bits);
        }
        assertThat(violations / (double) total).isBetween(0.18, 0.22);
        // Some evasions slip past the rules, and benign chat raises none: flagged ≤ injected.
        assertThat(expectedFlagged).isPositive().isLessThanOrEqualTo(violations);
    }

    @Test
    void aFloodIsOneUserWithMoreThanFiveCommentsInOneStreamWithinTenSeconds() {
        LoadConfig c = Configs.realistic(0, 60, 0, 30);
        TrafficPlan plan = new TrafficPlan(c, "run", RULES);
        Map<Integer, List<TrafficPlan.Planned>> byEpisode = new HashMap<>();
        Map<Long, Long> tickOf = new HashMap<>();
        long ticks = 30L * c.batchesPerSecond();
        for (long t = 0; t < ticks; t++) {
            for (TrafficPlan.Batch b : plan.next(c.batchSize())) {
                for (TrafficPlan.Planned p : b.comments()) {
                    tickOf.put(p.seq(), t);
                    if (p.episode() >= 0)
                        byEpisode
                                .computeIfAbsent(p.episode(), k -> new ArrayList<>())
                                .add(p);
                }
            }
        }
        assertThat(plan.episodes()).hasSizeBetween(15, 50).allMatch(e -> e.kind() == Episode.Kind.FLOOD);
        for (Episode e : plan.episodes()) {
            List<TrafficPlan.Planned> f = byEpisode.get(e.id());
            assertThat(f).hasSize(e.planned()).hasSizeBetween(8, 14).allMatch(p -> p.truth() == Truth.FLOOD);
            assertThat(f.stream().map(TrafficPlan.Planned::user).distinct()).hasSize(1);
            assertThat(f.stream().map(TrafficPlan.Planned::stream).distinct()).hasSize(1);
            long first = f.stream().mapToLong(p -> tickOf.get(p.seq())).min().orElseThrow();
            long last = f.stream().mapToLong(p -> tickOf.get(p.seq())).max().orElseThrow();
            assertThat(last - first).isLessThan(8L * c.batchesPerSecond());
        }
    }

    @Test
    void aCampaignIsOneCopyPastedTextBySeveralUsersOverThreeOrMoreStreamsOnBothPlatforms() {
        LoadConfig c = Configs.realistic(0, 0, 20, 180);
        TrafficPlan plan = new TrafficPlan(c, "run", RULES);
        Map<Integer, List<TrafficPlan.Planned>> byEpisode = new HashMap<>();
        for (TrafficPlan.Planned p : all(plan, c))
            if (p.episode() >= 0)
                byEpisode.computeIfAbsent(p.episode(), k -> new ArrayList<>()).add(p);
        assertThat(plan.episodes()).hasSizeGreaterThan(30);
        Set<String> canonical = new HashSet<>();
        int evaded = 0;
        for (Episode e : plan.episodes()) {
            List<TrafficPlan.Planned> copies = byEpisode.get(e.id());
            assertThat(copies).allMatch(p -> p.text().equals(e.text()) && p.truth() == Truth.SPAM);
            assertThat(copies.stream().map(TrafficPlan.Planned::user).distinct().count())
                    .isGreaterThanOrEqualTo(3);
            assertThat(copies.stream()
                            .map(TrafficPlan.Planned::stream)
                            .distinct()
                            .count())
                    .isBetween(3L, 6L);
            assertThat(copies.stream()
                            .map(p -> plan.streams().platform(p.stream()))
                            .distinct())
                    .hasSize(2);
            assertThat(e.reachSeq()).as("reached 3 streams or 2 platforms").isPositive();
            assertThat(canonical.add(CompiledRuleSet.canonical(e.text())))
                    .as("campaigns never share a text: " + e.text())
                    .isTrue();
            boolean noToneMarks = e.text().chars().allMatch(ch -> ch < 128); // every template has tone marks
            if (noToneMarks || e.text().matches(".*(\\d[ .]\\d[ .]\\d[ .]\\d|[аоесрху]|zal0| \\. ).*")) evaded++;
        }
        assertThat(evaded).as("some campaigns are evaded").isPositive();
        // Brigades: accounts days old, at least 5 of them in each of their streams, a text without risk.
        long brigades = 0;
        for (Episode e : plan.episodes()) {
            List<TrafficPlan.Planned> copies = byEpisode.get(e.id());
            if (!copies.get(0).user().startsWith(Accounts.BURST_PREFIX)) continue;
            brigades++;
            assertThat(copies)
                    .allMatch(p -> p.user().startsWith(Accounts.BURST_PREFIX) && Accounts.ageDays(p.user()) < 7);
            assertThat(copies.stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    TrafficPlan.Planned::stream,
                                    java.util.stream.Collectors.mapping(
                                            TrafficPlan.Planned::user, java.util.stream.Collectors.toSet())))
                            .values())
                    .allMatch(users -> users.size() >= 5);
        }
        assertThat(brigades).as("some campaigns are brigades of new accounts").isPositive();
    }

    @Test
    void theSyntheticTrafficKeepsItsBurstsEveryFiveSeconds() {
        LoadConfig c = Configs.config(new LoadConfig.Traffic(LoadConfig.Mode.SYNTHETIC, 0, 1, 1), 100, 10, 20);
        TrafficPlan plan = new TrafficPlan(c, "run", RULES);
        var seenPlatforms = new HashSet<String>();
        long flooder = 0;
        long ticks = 10L * c.batchesPerSecond();
        for (long t = 0; t < ticks; t++) {
            for (TrafficPlan.Batch b : plan.next(c.batchSize())) {
                for (TrafficPlan.Planned p : b.comments()) {
                    if (p.text().startsWith("mua hàng giá rẻ")) seenPlatforms.add(b.platformId());
                    if (p.user().startsWith("flooder-")) flooder++;
                }
            }
        }
        assertThat(seenPlatforms).containsExactlyInAnyOrder("a", "b");
        assertThat(flooder).isEqualTo(14);
    }

    @Test
    void sequenceNumbersAreContiguousPerBatchAndRoundTrip() {
        LoadConfig c = Configs.realistic(0.05, 6, 6, 5);
        TrafficPlan plan = new TrafficPlan(c, "lt1", RULES);
        long expect = 1;
        for (int t = 0; t < 20; t++) {
            for (TrafficPlan.Batch b : plan.next(100)) {
                for (TrafficPlan.Planned p : b.comments()) {
                    assertThat(p.seq()).isEqualTo(expect++);
                    assertThat(plan.streams().platform(p.stream())).isEqualTo(b.platform());
                }
            }
        }
        assertThat(TrafficPlan.seqOf("lt1", "lt1-42")).isEqualTo(42);
        assertThat(TrafficPlan.seqOf("lt1", "lt2-42")).isEqualTo(-1);
        assertThat(TrafficPlan.seqOf("lt1", "lt1-x")).isEqualTo(-1);
        assertThat(TrafficPlan.seqOf("lt1", "lt10-4")).isEqualTo(-1);
        assertThat(TrafficPlan.seqOf("lt1", null)).isEqualTo(-1);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Configs.config(LoadConfig.Traffic.realistic(), 0, 1, 1))
                .hasMessageStartingWith("rate:");
        assertThatThrownBy(() -> Configs.config(new LoadConfig.Traffic(LoadConfig.Mode.REALISTIC, 0, -1, 0), 10, 1, 1))
                .hasMessageStartingWith("floods-per-minute:");
        assertThatThrownBy(() -> LoadConfig.Mode.fromWire("chatty")).hasMessageStartingWith("traffic:");
        LoadConfig ok = Configs.realistic(0, 0, 0, 1);
        assertThatThrownBy(() -> new LoadConfig(
                                ok.target(),
                                ok.bootstrap(),
                                10,
                                ok.duration(),
                                ok.warmup(),
                                ok.platforms(),
                                1,
                                1,
                                0,
                                10,
                                1,
                                1,
                                ok.traffic(),
                                new LoadConfig.Thresholds(2, 0, 0.99, Duration.ofSeconds(10), 0.99))
                        .validate())
                .hasMessageStartingWith("max-benign-flag-rate:");
    }
}
