package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One open incident (flags of one platform, stream and category) and the alert it reads as. */
final class Incidents {
    private Incidents() {}

    /** Mutable incident state, serialized as JSON inside the stream's watch. */
    public static final class Incident {
        public String alertId;
        public String category;
        public String severity = "low";
        public long count;
        public LinkedHashSet<String> users = new LinkedHashSet<>();
        public long distinctUsers;
        public long firstSeen = Long.MAX_VALUE;
        public long lastSeen;
        public List<Flag> samples = new ArrayList<>();
        public String rulesVersion;
        public boolean dirty;
        public boolean criticalSent;
        public long updatedWall;

        /** @return whether this flag makes the incident critical for the first time */
        boolean add(Flag f, TopologySettings settings, long now) {
            if (alertId == null) alertId = Flags.alertId("incident", f.platform(), f.streamId(), f.category(), f.flagId());
            category = f.category();
            severity = Severity.max(Severity.fromWire(severity), Severity.fromWire(f.severity())).wire();
            count++;
            if (f.userId() != null && !users.contains(f.userId())) {
                distinctUsers++; // exact up to maxTrackedUsers, a lower bound beyond
                if (users.size() < settings.maxTrackedUsers()) users.add(f.userId());
            }
            firstSeen = Math.min(firstSeen, f.receivedAt());
            lastSeen = Math.max(lastSeen, f.receivedAt());
            if (samples.size() < settings.samples()) samples.add(f);
            rulesVersion = f.rulesVersion();
            dirty = true;
            updatedWall = now;
            boolean firstCritical = "critical".equals(severity) && !criticalSent;
            if (firstCritical) criticalSent = true;
            return firstCritical;
        }

        Alert alert(String platform, String streamId, String state, long now) {
            String summary = count + " " + category + " flag" + (count == 1 ? "" : "s") + " from " + distinctUsers
                    + " user" + (distinctUsers == 1 ? "" : "s") + " in stream " + streamId;
            return new Alert(alertId, "incident", platform, List.of(platform), streamId, List.of(streamId), category, severity,
                    summary, count, distinctUsers, firstSeen, lastSeen, List.copyOf(users).subList(0, Math.min(users.size(), 50)),
                    samples, rulesVersion, state, now);
        }
    }

    static Alert withState(Alert a, String state, long now) {
        return new Alert(a.alertId(), a.kind(), a.platform(), a.platforms(), a.streamId(), a.streams(), a.category(),
                a.severity(), a.summary(), a.count(), a.distinctUsers(), a.firstSeen(), a.lastSeen(), a.userIds(),
                a.samples(), a.rulesVersion(), state, now);
    }

    static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
