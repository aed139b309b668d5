package io.livemod.gateway.review;

import io.livemod.gateway.testing.MutableClock;

class MemoryFlagStoreTest extends FlagStoreContract {
    @Override
    FlagStore newStore(MutableClock clock) {
        return new MemoryFlagStore(clock);
    }

    @org.junit.jupiter.api.Test
    void aFullStoreDropsItsOldestFlagsAndCountsThem() {
        MemoryFlagStore small = new MemoryFlagStore(clock, 3);
        for (int i = 0; i < 5; i++) small.put(flag("f" + i, "p", "high", 100 - i * 10)); // f4 is the oldest
        org.assertj.core.api.Assertions.assertThat(small.size()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(small.evictions()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(
                        small.list("p", FlagQuery.all(10)).items())
                .extracting(v -> v.flag().flagId())
                .containsExactly("f0", "f1", "f2");
    }
}
