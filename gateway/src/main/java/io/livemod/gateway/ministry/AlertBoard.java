package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.event.Json;
import io.livemod.gateway.ministry.store.ProjectionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of the alerts projection: officer views, filtered and paged, with user ids
 * pseudonymized here, in one place, so no route can forget to. Reads may block (Redis): call it
 * from a worker.
 */
public final class AlertBoard {
    private final ProjectionStore store;
    private final Pseudonyms pseudonyms;

    public AlertBoard(ProjectionStore store, Pseudonyms pseudonyms) {
        this.store = store;
        this.pseudonyms = pseudonyms;
    }

    public record Filter(String status, String platform, String severity) {
        boolean accepts(AlertView v) {
            return (status == null || status.equals(v.status()))
                    && (platform == null || platform.equals(v.platform()) || v.platforms().contains(platform))
                    && (severity == null || severity.equals(v.severity()));
        }
    }

    public Optional<AlertView> get(String alertId) {
        Escalations esc = escalations();
        return store.get(AlertProjection.ALERTS, alertId).map(j -> view(j, state(alertId), esc));
    }

    /** Most severe first, then the most recent activity. */
    public Paging.Page<AlertView> list(Filter filter, int limit, String cursor) {
        return Paging.page(all().stream().filter(filter::accepts).toList(), AlertBoard::sortKey, cursor, limit);
    }

    public List<AlertView> all() {
        Escalations esc = escalations();
        Map<String, String> states = store.all(AlertProjection.STATE);
        List<AlertView> out = new ArrayList<>();
        store.all(AlertProjection.ALERTS).forEach((id, json) -> out.add(view(json, parse(id, states.get(id)), esc)));
        return out;
    }

    static String sortKey(AlertView v) {
        return v.severityRank() + ":" + Paging.desc(v.lastSeen()) + ":" + v.alertId();
    }

    private AlertState state(String alertId) {
        return parse(alertId, store.get(AlertProjection.STATE, alertId).orElse(null));
    }

    private static AlertState parse(String alertId, String json) {
        return json == null ? AlertState.initial(alertId) : Json.read(json.getBytes(), AlertState.class);
    }

    private record Escalations(Set<String> users, Set<String> flags) {}

    /** Escalations are rare (a moderator's explicit decision), so the whole set is read per request. */
    private Escalations escalations() {
        return new Escalations(store.all(AlertProjection.ESCALATED_USERS).keySet(), store.all(AlertProjection.ESCALATED_FLAGS).keySet());
    }

    private AlertView view(String json, AlertState s, Escalations esc) {
        AlertProjection.StoredAlert stored = Json.read(json.getBytes(), AlertProjection.StoredAlert.class);
        Alert a = stored.alert();
        boolean escalated = a.samples().stream().anyMatch(f -> esc.flags().contains(f.flagId()));
        Map<String, String> platformOfUser = new HashMap<>();
        a.samples().forEach(f -> platformOfUser.putIfAbsent(f.userId(), f.platform()));
        List<String> users = a.userIds().stream().map(u -> shown(a, u, platformOfUser, escalated, esc)).toList();
        List<Flag> samples = a.samples().stream().map(f -> f.userId() == null ? f : new Flag(f.flagId(), f.platform(),
                f.streamId(), f.commentId(), shownFor(f.platform(), f.userId(), escalated, esc), f.text(), f.kind(),
                f.category(), f.severity(), f.matches(), f.rulesVersion(), f.receivedAt(), f.detectedAt(), f.status())).toList();
        return AlertView.of(a, stored.openedAt(), s, escalated, users, samples);
    }

    /**
     * A user id of the alert's list. Its platform comes from the samples, else the alert's own
     * platform; cross-platform alerts may list ids as "platform/user", whose prefix is kept.
     */
    private String shown(Alert a, String userId, Map<String, String> platformOfUser, boolean escalated, Escalations esc) {
        String platform = platformOfUser.get(userId);
        if (platform == null && a.platform() != null) platform = a.platform();
        if (platform == null) {
            int slash = userId.indexOf('/');
            if (slash > 0 && a.platforms().contains(userId.substring(0, slash))) {
                String p = userId.substring(0, slash);
                return p + "/" + shownFor(p, userId.substring(slash + 1), escalated, esc);
            }
        }
        return shownFor(platform, userId, escalated, esc);
    }

    private String shownFor(String platform, String userId, boolean escalated, Escalations esc) {
        if (escalated || esc.users().contains(platform + "|" + userId)) return userId;
        return pseudonyms.of(platform, userId);
    }
}
