package io.livemod.loadtest;

import java.time.Duration;
import java.util.List;

/** Load configurations for unit tests: two platforms, no broker or gateway behind them. */
final class Configs {
    private Configs() {}

    static LoadConfig config(LoadConfig.Traffic traffic, int rate, int seconds, int streamsPerPlatform) {
        return new LoadConfig(
                        "http://127.0.0.1:1",
                        "127.0.0.1:1",
                        rate,
                        Duration.ofSeconds(seconds),
                        Duration.ZERO,
                        List.of(
                                new LoadConfig.PlatformCredentials("a", "secret-a"),
                                new LoadConfig.PlatformCredentials("b", "secret-b")),
                        streamsPerPlatform,
                        1.1,
                        0,
                        10,
                        4,
                        1L,
                        traffic,
                        LoadConfig.Thresholds.defaults())
                .validate();
    }

    static LoadConfig realistic(double violations, double floodsPerMinute, double campaignsPerMinute, int seconds) {
        return config(
                new LoadConfig.Traffic(LoadConfig.Mode.REALISTIC, violations, floodsPerMinute, campaignsPerMinute),
                1000,
                seconds,
                20);
    }
}
