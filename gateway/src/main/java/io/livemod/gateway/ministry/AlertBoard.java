package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.Json;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.ministry.store.ProjectionStore;
import io.livemod.rules.Severity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read side of the alerts projection: officer views, filtered and paged, with user ids
 * pseudonymized here, in one place, so no route can forget to: in the id lists, the sample flags,
 * and in free text (the summary, the flags' explanations), where the topology writes raw ids. Filtering and sorting work on the
 * stored records; views (pseudonyms, HMACs) are built only for what is answered. Reads may block
 * (Redis): call it from a worker.
 */
public final class AlertBoard {
    private final ProjectionStore store;
    private final Pseudonyms pseudonyms;

    public AlertBoard(ProjectionStore store, Pseudonyms pseudonyms) {
        this.store = store;
        this.pseudonyms = pseudonyms;
    }

    public record Filter(String status, String platform, Severity severity) {
        boolean accepts(Row r) {
            Alert a = r.stored().alert();
            return (status == null || status.equals(r.state().status()))
                    && (platform == null
                            || platform.equals(a.platform())
                            || a.platforms().contains(platform))
                    && (severity == null || severity == a.severity());
        }
    }

    /** An alert as stored with its officers' state: what filters, sorting and the deadline check need. */
    record Row(AlertProjection.StoredAlert stored, AlertState state) {
        Alert alert() {
            return stored.alert();
        }
    }

    public Optional<AlertView> get(String alertId) {
        return store.get(AlertProjection.ALERTS, alertId)
                .map(j -> view(
                        new Row(
                                parseAlert(j),
                                state(
                                        alertId,
                                        store.get(AlertProjection.STATE, alertId)
                                                .orElse(null))),
                        escalations()));
    }

    /** Most severe first, then the most recent activity. */
    public Paging.Page<AlertView> list(Filter filter, int limit, String cursor) {
        Paging.Page<Row> page =
                Paging.page(rows().stream().filter(filter::accepts).toList(), AlertBoard::sortKey, cursor, limit);
        Escalations esc = escalations();
        return new Paging.Page<>(page.items().stream().map(r -> view(r, esc)).toList(), page.next());
    }

    /** The {@code limit} alerts with the most recent activity. */
    public List<AlertView> newest(int limit) {
        Escalations esc = escalations();
        return rows().stream()
                .sorted(Comparator.comparingLong((Row r) -> r.alert().lastSeen())
                        .reversed())
                .limit(limit)
                .map(r -> view(r, esc))
                .toList();
    }

    /** Every alert with its state; no views, no pseudonyms. */
    List<Row> rows() {
        Map<String, String> states = store.all(AlertProjection.STATE);
        return store.all(AlertProjection.ALERTS).entrySet().stream()
                .map(e -> {
                    AlertProjection.StoredAlert a = cached(alertCache, e.getKey(), e.getValue());
                    String stateJson = states.get(e.getKey());
                    AlertState st = stateJson == null ? null : cached(stateCache, e.getKey(), stateJson);
                    return new Row(
                            a != null ? a : parseAlert(e.getValue()), st != null ? st : state(e.getKey(), stateJson));
                })
                .toList();
    }

    static String sortKey(Row r) {
        return severityRank(r.alert().severity()) + ":" + Paging.desc(r.alert().lastSeen()) + ":"
                + r.alert().alertId();
    }

    /** 0 for critical .. 3 for low, 4 for none. */
    @SuppressWarnings("EnumOrdinal") // Severity is declared in rank order: the ordinal is the rank
    static int severityRank(Severity severity) {
        return severity == null ? 4 : Severity.CRITICAL.ordinal() - severity.ordinal();
    }

    /**
     * Parsing is most of a listing's cost (samples carry flags with matches), so the last parse of
     * each document is kept and reused while its JSON text is unchanged. Bounded by the number of
     * alerts, like the projection itself.
     */
    private record Parsed<T>(String json, T value) {}

    private final Map<String, Parsed<AlertProjection.StoredAlert>> alertCache = new ConcurrentHashMap<>();
    private final Map<String, Parsed<AlertState>> stateCache = new ConcurrentHashMap<>();

    private AlertProjection.StoredAlert parseAlert(String json) {
        return parse(alertCache, json, AlertProjection.StoredAlert.class, s -> s.alert()
                .alertId());
    }

    private AlertState state(String alertId, String json) {
        return json == null
                ? AlertState.initial(alertId)
                : parse(stateCache, json, AlertState.class, AlertState::alertId);
    }

    private static <T> T parse(
            Map<String, Parsed<T>> cache, String json, Class<T> type, java.util.function.Function<T, String> idOf) {
        T value = Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
        cache.put(idOf.apply(value), new Parsed<>(json, value));
        return value;
    }

    private <T> T cached(Map<String, Parsed<T>> cache, String id, String json) {
        Parsed<T> p = cache.get(id);
        return p != null && p.json().equals(json) ? p.value() : null;
    }

    /** Alerts that left the projection leave the parse caches too. */
    void forget(java.util.Collection<String> alertIds) {
        alertIds.forEach(id -> {
            alertCache.remove(id);
            stateCache.remove(id);
        });
    }

    private record Escalations(Set<String> users, Set<String> flags) {}

    /** Escalations are rare (a moderator's explicit decision), so the whole set is read per request. */
    private Escalations escalations() {
        return new Escalations(
                store.all(AlertProjection.ESCALATED_USERS).keySet(),
                store.all(AlertProjection.ESCALATED_FLAGS).keySet());
    }

    private AlertView view(Row r, Escalations esc) {
        Alert a = r.alert();
        boolean escalated = a.samples().stream().anyMatch(f -> esc.flags().contains(f.flagId()));
        Map<String, String> platformOfUser = new HashMap<>();
        a.samples().forEach(f -> platformOfUser.putIfAbsent(f.userId(), f.platform()));
        // Raw id → what the officer sees: the same replacement in the id lists and in free text (summaries,
        // explanations).
        Map<String, String> shownIds = new LinkedHashMap<>();
        List<String> users = a.userIds().stream()
                .map(u -> {
                    String v = shown(a, u, platformOfUser, escalated, esc);
                    shownIds.putIfAbsent(u, v);
                    int slash = v.indexOf('/');
                    if (slash > 0 && u.startsWith(v.substring(0, slash + 1)))
                        shownIds.putIfAbsent(u.substring(slash + 1), v.substring(slash + 1));
                    return v;
                })
                .toList();
        a.samples().forEach(f -> {
            if (f.userId() != null)
                shownIds.putIfAbsent(f.userId(), shownFor(f.platform(), f.userId(), escalated, esc));
        });
        List<Flag> samples = a.samples().stream()
                .map(f -> f.toBuilder()
                        .userId(f.userId() == null ? null : shownIds.get(f.userId()))
                        .matches(f.matches().stream()
                                .map(m -> new FlagMatch(
                                        m.rule(), Redaction.apply(m.term(), shownIds), m.start(), m.end(), m.steps()))
                                .toList())
                        .build())
                .toList();
        return AlertView.of(
                a, Redaction.apply(a.summary(), shownIds), r.stored().openedAt(), r.state(), escalated, users, samples);
    }

    /**
     * A user id of the alert's list. Its platform comes from the samples, else the alert's own
     * platform; cross-platform alerts may list ids as "platform/user", whose prefix is kept.
     */
    private String shown(
            Alert a, String userId, Map<String, String> platformOfUser, boolean escalated, Escalations esc) {
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
