package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Records as the topology and the moderators produce them, for tests. */
public final class Samples {
    private Samples() {}

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Flag flag(String flagId, String platform, String userId, String category, long detectedAt) {
        return new Flag(flagId, platform, "live-1", "c-" + flagId, userId, "vào nhà cái uy tín", "keyword", category, "high",
                List.of(), "v1", detectedAt, detectedAt, "open");
    }

    /** An incident alert of one platform whose samples are one flag per user. */
    public static Alert alert(String alertId, String platform, String severity, long detectedAt, String... users) {
        List<Flag> samples = Arrays.stream(users).map(u -> flag(alertId + "-" + u, platform, u, "gambling_ads", detectedAt)).toList();
        return new Alert(alertId, "incident", platform, List.of(platform), "live-1", List.of("live-1"), "gambling_ads", severity,
                "Quảng cáo cờ bạc trên live-1 <b>&</b>", 12, users.length, detectedAt - 60_000, detectedAt, List.of(users), samples,
                "v1", "open", detectedAt);
    }

    public static Decision decision(String flagId, String platform, String userId, String action, long decidedAt) {
        return new Decision(id("d"), flagId, platform, "live-1", "c-" + flagId, userId, action, null, null, "mod-a", decidedAt);
    }
}
