package io.livemod.gateway.quota;

class MemoryQuotaLimiterTest extends QuotaLimiterContract {
    final MemoryQuotaLimiter limiter = new MemoryQuotaLimiter(clock);

    @Override
    QuotaLimiter limiter() {
        return limiter;
    }
}
