package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
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
        return Flag.builder(flagId, Flag.Kind.KEYWORD)
                .comment(platform, "live-1", "c-" + flagId, userId, "vào nhà cái uy tín")
                .category(category)
                .severity(Severity.HIGH)
                .matches(List.of())
                .rulesVersion("v1")
                .receivedAt(detectedAt)
                .detectedAt(detectedAt)
                .status(Flag.Status.OPEN)
                .build();
    }

    /** An incident alert of one platform whose samples are one flag per user. */
    public static Alert alert(String alertId, String platform, String severity, long detectedAt, String... users) {
        List<Flag> samples = Arrays.stream(users)
                .map(u -> flag(alertId + "-" + u, platform, u, "gambling_ads", detectedAt))
                .toList();
        return Alert.builder(alertId, Alert.Kind.INCIDENT).stream(platform, "live-1")
                .category("gambling_ads")
                .severity(Severity.fromWire(severity))
                .summary("Quảng cáo cờ bạc trên live-1 <b>&</b>")
                .count(12)
                .distinctUsers(users.length)
                .seen(detectedAt - 60_000, detectedAt)
                .userIds(List.of(users))
                .samples(samples)
                .rulesVersion("v1")
                .state(Alert.State.OPEN)
                .detectedAt(detectedAt)
                .build();
    }

    public static Decision decision(
            String flagId, String platform, String userId, Decision.Action action, long decidedAt) {
        return Decision.builder(id("d"), action)
                .flagId(flagId)
                .platform(platform)
                .streamId("live-1")
                .commentId("c-" + flagId)
                .userId(userId)
                .moderator("mod-a")
                .decidedAt(decidedAt)
                .build();
    }
}
