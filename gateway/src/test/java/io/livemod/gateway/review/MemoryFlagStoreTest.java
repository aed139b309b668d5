package io.livemod.gateway.review;

import io.livemod.gateway.testing.MutableClock;

class MemoryFlagStoreTest extends FlagStoreContract {
    @Override
    FlagStore newStore(MutableClock clock) {
        return new MemoryFlagStore(clock);
    }
}
