package io.livemod.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.gateway.review.FlagStore.ClaimResult.Outcome;
import io.livemod.gateway.testing.MutableClock;
import io.livemod.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FlagStore} must do; run against memory and against a real redis-server. */
abstract class FlagStoreContract {
    static final Duration TTL = Duration.ofMinutes(5);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    FlagStore store;

    abstract FlagStore newStore(MutableClock clock);

    @BeforeEach
    void fresh() {
        store = newStore(clock);
    }

    static Flag flag(String id, String platform, String severity, long detectedAt) {
        return Flag.builder(id, Flag.Kind.KEYWORD)
                .comment(platform, "s1", "c-" + id, "u1", "t")
                .category("profanity")
                .severity(Severity.fromWire(severity))
                .matches(List.of())
                .rulesVersion("v1")
                .detectedAt(detectedAt)
                .status(Flag.Status.OPEN)
                .build();
    }

    static Decision decision(String flagId, String platform, Decision.Action action) {
        return Decision.builder("d-" + flagId + "-" + action.wire(), action)
                .flagId(flagId)
                .platform(platform)
                .streamId("s1")
                .commentId("c-" + flagId)
                .userId("u1")
                .moderator("mod")
                .decidedAt(5)
                .build();
    }

    List<String> ids(FlagQuery q) {
        return store.list("p", q).items().stream().map(v -> v.flag().flagId()).toList();
    }

    @Test
    void listsMostSevereThenNewestFirst() {
        store.put(flag("a", "p", "low", 3));
        store.put(flag("b", "p", "critical", 1));
        store.put(flag("c", "p", "critical", 2));
        store.put(flag("d", "p", "medium", 9));
        var page = store.list("p", FlagQuery.all(10));
        assertThat(page.items()).extracting(v -> v.flag().flagId()).containsExactly("c", "b", "d", "a");
        assertThat(page.next()).isNull();
    }

    @Test
    void cursorPagesThroughEverythingOnceInOrder() {
        for (int i = 0; i < 25; i++) store.put(flag("f" + i, "p", i % 2 == 0 ? "high" : "low", i));
        List<String> seen = new ArrayList<>();
        FlagQuery q = FlagQuery.all(7);
        do {
            var page = store.list("p", q);
            assertThat(page.items().size()).isLessThanOrEqualTo(7);
            page.items().forEach(v -> seen.add(v.flag().flagId()));
            q = q.after(page.next());
        } while (q.cursor() != null);
        assertThat(seen).isEqualTo(ids(FlagQuery.all(100))).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void filtersApplyAcrossPages() {
        for (int i = 0; i < 30; i++) store.put(flag("f" + i, "p", i % 3 == 0 ? "critical" : "low", i));
        List<String> seen = new ArrayList<>();
        FlagQuery q = new FlagQuery(null, null, null, Severity.CRITICAL, 4, null);
        do {
            var page = store.list("p", q);
            page.items().forEach(v -> seen.add(v.flag().flagId()));
            q = q.after(page.next());
        } while (q.cursor() != null);
        assertThat(seen).hasSize(10).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1)) % 3)
                .isZero());
    }

    @Test
    void neverAnswersAcrossPlatforms() {
        store.put(flag("a", "gapo", "high", 1));
        assertThat(store.get("vng", "a")).isEmpty();
        assertThat(store.get("gapo", "a")).isPresent();
        assertThat(store.list("vng", FlagQuery.all(10)).items()).isEmpty();
    }

    @Test
    void aReEmittedFlagReplacesTheOldOne() {
        store.put(flag("a", "p", "low", 1));
        store.put(flag("a", "p", "critical", 1));
        assertThat(store.list("p", FlagQuery.all(10)).items())
                .singleElement()
                .satisfies(v -> assertThat(v.flag().severity()).isEqualTo(Severity.CRITICAL));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void flagsBeforeTheHorizonLeaveOldestFirstWithTheirDecisionAndClaim() {
        for (int i = 0; i < 10; i++) store.put(flag("old" + i, i % 2 == 0 ? "p" : "q", "high", 100 + i));
        store.put(flag("new", "p", "low", 500));
        store.putDecision(decision("old0", "p", Decision.Action.REMOVE));
        assertThat(store.claim("old2", "mod", TTL).won()).isTrue();
        assertThat(store.claim("new", "mod", TTL).won()).isTrue();

        assertThat(store.forgetBefore(500, 4)).as("a bounded batch").isEqualTo(4);
        assertThat(store.get("p", "old0")).isEmpty();
        assertThat(store.get("q", "old3")).isEmpty();
        assertThat(store.get("p", "old4")).as("not in the first batch").isPresent();
        assertThat(store.forgetBefore(500, 100)).isEqualTo(6);
        assertThat(store.forgetBefore(500, 100)).isZero();

        assertThat(store.size()).isEqualTo(1);
        assertThat(ids(FlagQuery.all(20))).containsExactly("new");
        assertThat(store.list("q", FlagQuery.all(20)).items()).isEmpty();
        assertThat(store.get("p", "new").orElseThrow().claim())
                .as("a kept flag keeps its claim")
                .isNotNull();
        // A flag re-emitted after it left comes back undecided and unclaimed: its old decision and claim left with it.
        store.put(flag("old0", "p", "high", 600));
        store.put(flag("old2", "p", "high", 600));
        assertThat(store.get("p", "old0").orElseThrow().decision()).isNull();
        assertThat(store.claim("old2", "other", TTL).won()).isTrue();
    }

    @Test
    void aReEmittedFlagIsAgedByItsNewDetectionTime() {
        store.put(flag("a", "p", "low", 100));
        store.put(flag("a", "p", "high", 900));
        assertThat(store.forgetBefore(500, 10)).isZero();
        assertThat(store.get("p", "a")).isPresent();
        assertThat(store.forgetBefore(901, 10)).isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void aForgedCursorIsRefused() {
        store.put(flag("a", "p", "low", 1));
        assertThatThrownBy(() -> store.list("p", FlagQuery.all(10).after("bm90LWEtY3Vyc29y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list("p", FlagQuery.all(10).after("%%%")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionDecidesTheFlagWhicheverArrivesFirstAndTheFirstOneCounts() {
        store.putDecision(decision("a", "p", Decision.Action.REMOVE)); // replay order across topics is not guaranteed
        store.put(flag("a", "p", "high", 1));
        store.putDecision(decision("a", "p", Decision.Action.DISMISS));
        FlagView v = store.get("p", "a").orElseThrow();
        assertThat(v.status()).isEqualTo(Flag.Status.DECIDED);
        assertThat(v.decision().action()).isEqualTo(Decision.Action.REMOVE);
        assertThat(ids(new FlagQuery(Flag.Status.DECIDED, null, null, null, 10, null)))
                .containsExactly("a");
        assertThat(ids(new FlagQuery(Flag.Status.OPEN, null, null, null, 10, null)))
                .isEmpty();
        assertThat(store.claim("a", "mod", TTL).outcome()).isEqualTo(Outcome.DECIDED);
    }

    @Test
    void aClaimIsExclusiveRenewableAndExpires() {
        store.put(flag("a", "p", "high", 1));
        assertThat(store.claim("a", "alice", TTL).won()).isTrue();
        FlagStore.ClaimResult bob = store.claim("a", "bob", TTL);
        assertThat(bob.outcome()).isEqualTo(Outcome.HELD_BY_OTHER);
        assertThat(bob.claim().moderator()).isEqualTo("alice");
        assertThat(store.get("p", "a").orElseThrow().status()).isEqualTo(Flag.Status.CLAIMED);
        assertThat(ids(new FlagQuery(Flag.Status.CLAIMED, null, null, null, 10, null)))
                .containsExactly("a");

        clock.advance(Duration.ofMinutes(4));
        assertThat(store.claim("a", "alice", TTL).claim().expiresAt()).isEqualTo(clock.millis() + TTL.toMillis());
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.claim("a", "bob", TTL).won())
                .as("alice renewed her claim")
                .isFalse();

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.get("p", "a").orElseThrow().status()).isEqualTo(Flag.Status.OPEN);
        assertThat(ids(new FlagQuery(Flag.Status.OPEN, null, null, null, 10, null)))
                .containsExactly("a");
        assertThat(store.claim("a", "bob", TTL).won()).isTrue();
    }

    @Test
    void onlyTheHolderReleasesAClaim() {
        store.put(flag("a", "p", "high", 1));
        assertThat(store.release("a", "alice")).as("nothing to release").isTrue();
        store.claim("a", "alice", TTL);
        assertThat(store.release("a", "bob")).isFalse();
        assertThat(store.get("p", "a").orElseThrow().status()).isEqualTo(Flag.Status.CLAIMED);
        assertThat(store.release("a", "alice")).isTrue();
        assertThat(store.get("p", "a").orElseThrow().status()).isEqualTo(Flag.Status.OPEN);
        assertThat(store.claim("a", "bob", TTL).won()).isTrue();
        store.beginDecision("a", "bob", TTL);
        assertThat(store.release("a", "bob"))
                .as("a decision being written is not released")
                .isFalse();
    }

    @Test
    void aDecisionInProgressBlocksEveryoneAndEndsEitherWay() {
        store.put(flag("a", "p", "high", 1));
        store.put(flag("b", "p", "high", 2));
        assertThat(store.beginDecision("a", "alice", TTL).won())
                .as("claim and decide a free flag")
                .isTrue();
        assertThat(store.beginDecision("a", "alice", TTL).outcome())
                .as("a double submit")
                .isEqualTo(Outcome.DECIDING);
        assertThat(store.claim("a", "bob", TTL).outcome()).isEqualTo(Outcome.DECIDING);

        store.endDecision("a", "alice", false, TTL); // Kafka refused: alice keeps a plain claim
        assertThat(store.claim("a", "bob", TTL).outcome()).isEqualTo(Outcome.HELD_BY_OTHER);
        assertThat(store.beginDecision("a", "alice", TTL).won()).isTrue();
        store.putDecision(decision("a", "p", Decision.Action.REMOVE));
        store.endDecision("a", "alice", true, TTL);
        assertThat(store.beginDecision("a", "alice", TTL).outcome()).isEqualTo(Outcome.DECIDED);

        store.claim("b", "bob", TTL);
        assertThat(store.beginDecision("b", "alice", TTL).outcome()).isEqualTo(Outcome.HELD_BY_OTHER);
    }

    @Test
    void manyConcurrentClaimsExactlyOneWins() throws Exception {
        store.put(flag("a", "p", "high", 1));
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<FlagStore.ClaimResult>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String who = "mod-" + i;
                boolean decide = i % 2 == 1; // claims and claim-and-decide race each other too
                Callable<FlagStore.ClaimResult> c = () -> {
                    go.await();
                    return decide ? store.beginDecision("a", who, TTL) : store.claim("a", who, TTL);
                };
                results.add(pool.submit(c));
            }
            go.countDown();
            int won = 0;
            for (Future<FlagStore.ClaimResult> f : results) won += f.get().won() ? 1 : 0;
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
