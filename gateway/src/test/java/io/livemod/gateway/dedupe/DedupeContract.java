package io.livemod.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.gateway.dedupe.Dedupe.Status;
import io.livemod.gateway.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every dedupe store must do; run against memory and against a real Redis. */
abstract class DedupeContract {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T13:00:00Z"));
    final String platform = "p-" + UUID.randomUUID();

    abstract Dedupe dedupe();

    List<Status> reserve(String token, String... keys) {
        return dedupe().reserve(platform, List.of(keys), token).await();
    }

    @Test
    void newKeysAreReservedAndRepeatsWithinTheCallAreDuplicates() {
        assertThat(reserve("t1", "c:a", "c:b", "c:a")).containsExactly(Status.NEW, Status.NEW, Status.DUPLICATE);
    }

    @Test
    void aKeyBeingWrittenIsInFlightForOthersThenDuplicateOnceConfirmed() {
        reserve("t1", "c:a");
        assertThat(reserve("t2", "c:a")).containsExactly(Status.IN_FLIGHT);

        dedupe().confirm(platform, List.of("c:a")).await();

        assertThat(reserve("t3", "c:a")).containsExactly(Status.DUPLICATE);
    }

    @Test
    void aReleasedKeyCanBeWrittenAgainButOnlyItsOwnerReleasesIt() {
        reserve("t1", "c:a", "c:b");
        dedupe().release(platform, List.of("c:a"), "t1").await();
        dedupe().release(platform, List.of("c:b"), "someone-else").await();

        assertThat(reserve("t2", "c:a", "c:b")).containsExactly(Status.NEW, Status.IN_FLIGHT);
    }

    @Test
    void platformsAndKindsDoNotCollide() {
        reserve("t1", "c:a");
        dedupe().confirm(platform, List.of("c:a")).await();

        assertThat(reserve("t2", "s:a")).containsExactly(Status.NEW);
        assertThat(dedupe().reserve(platform + "-other", List.of("c:a"), "t3").await())
                .containsExactly(Status.NEW);
    }
}
