package io.livemod.gateway.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryDedupeTest extends DedupeContract {
    final MemoryDedupe dedupe = new MemoryDedupe(clock, Duration.ofSeconds(30), Duration.ofHours(1), 10_000);

    @Override
    Dedupe dedupe() {
        return dedupe;
    }

    @Test
    void aPendingReservationOfACrashedWriterExpiresAndDoneKeysExpireAfterTheTtl() {
        reserve("t1", "c:a");
        clock.advance(Duration.ofSeconds(31));
        assertThat(reserve("t2", "c:a")).containsExactly(Dedupe.Status.NEW);

        dedupe.confirm(platform, List.of("c:a")).await();
        clock.advance(Duration.ofMinutes(59));
        assertThat(reserve("t3", "c:a")).containsExactly(Dedupe.Status.DUPLICATE);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reserve("t4", "c:a")).containsExactly(Dedupe.Status.NEW);
    }
}
