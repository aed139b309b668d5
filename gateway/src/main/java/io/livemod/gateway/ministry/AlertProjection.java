package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import io.livemod.event.AlertAction;
import io.livemod.event.Decision;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import io.livemod.gateway.kafka.Applied;
import io.livemod.gateway.kafka.TopicFeeds;
import io.livemod.gateway.ministry.store.ProjectionStore;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ministry's view of alerts equal to Kafka: the alerts themselves (last record per id),
 * the officers' actions folded over them, and which users and flags moderators escalated (those
 * are shown to officers unpseudonymized). Rebuilt from the alerts horizon at every boot, and what
 * falls behind it is dropped ({@link #forgetBefore});
 * after the catch-up, changes go to {@code listener} (alertId, event name) for the live feed.
 */
public final class AlertProjection {
    private static final Logger LOG = LoggerFactory.getLogger(AlertProjection.class);
    static final String ALERTS = "alerts";
    static final String STATE = "alert-state";
    static final String ESCALATED_USERS = "escalated-users";
    static final String ESCALATED_FLAGS = "escalated-flags";

    /** An alert as stored: the topology's last record and when this system first saw the incident. */
    public record StoredAlert(Alert alert, long openedAt) {}

    private final ProjectionStore store;
    private final Applied applied;
    private final BiConsumer<String, String> listener;
    private final java.util.function.Consumer<Decision> escalated;
    private final List<TopicFeeds.Subscription> feeds;

    /** @param escalated told of each live escalation, so views that now show ids in clear can be pushed again */
    /** @param since where the replay starts (epoch ms): the alerts horizon, see {@link Horizons} */
    public AlertProjection(
            TopicFeeds feeds,
            long since,
            ProjectionStore store,
            Applied applied,
            BiConsumer<String, String> listener,
            java.util.function.Consumer<Decision> escalated) {
        this.store = store;
        this.applied = applied;
        this.listener = listener;
        this.escalated = escalated;
        this.feeds = List.of(
                feeds.since(Topics.ALERTS, since, this::onAlert),
                feeds.since(Topics.ALERT_ACTIONS, since, this::onAction),
                feeds.since(Topics.DECISIONS, since, this::onDecision));
    }

    public boolean isCaughtUp() {
        return feeds.stream().allMatch(TopicFeeds.Subscription::isCaughtUp);
    }

    private void onAlert(ConsumerRecord<String, Alert> r, boolean live) {
        Alert a = r.value();
        if (a == null || a.alertId() == null) return;
        // openedAt is the first detection this system saw: re-emissions as the incident grows keep it.
        long openedAt = store.get(ALERTS, a.alertId())
                .map(j -> Json.read(j.getBytes(java.nio.charset.StandardCharsets.UTF_8), StoredAlert.class)
                        .openedAt())
                .map(o -> Math.min(o, a.detectedAt()))
                .orElse(a.detectedAt());
        store.putIfNewer(ALERTS, a.alertId(), r.offset(), Json.string(new StoredAlert(a, openedAt)));
        if (live) listener.accept(a.alertId(), "alert");
    }

    private void onAction(ConsumerRecord<String, AlertAction> r, boolean live) {
        AlertAction a = r.value();
        if (a == null || a.alertId() == null) return;
        AlertState before = store.get(STATE, a.alertId())
                .map(j -> Json.read(j.getBytes(java.nio.charset.StandardCharsets.UTF_8), AlertState.class))
                .orElseGet(() -> AlertState.initial(a.alertId()));
        store.putIfNewer(STATE, a.alertId(), r.offset(), Json.string(before.apply(a)));
        applied.done(a.actionId());
        if (live)
            listener.accept(
                    a.alertId(), a.action() == AlertAction.Action.REESCALATE ? "alert.reescalated" : "alert.status");
    }

    private void onDecision(ConsumerRecord<String, Decision> r, boolean live) {
        Decision d = r.value();
        if (d == null || d.action() != Decision.Action.ESCALATE) return;
        // Version 0: the first escalation is kept; later ones change nothing visible.
        if (d.userId() != null)
            store.putIfNewer(ESCALATED_USERS, d.platform() + "|" + d.userId(), 0, Long.toString(d.decidedAt()));
        if (d.flagId() != null) store.putIfNewer(ESCALATED_FLAGS, d.flagId(), 0, Long.toString(d.decidedAt()));
        LOG.debug("escalation by a moderator on {} recorded", d.platform());
        if (live) escalated.accept(d);
    }

    /**
     * Drops alerts last seen before {@code cutoff} with their officers' state, and escalations made
     * before it. Blocks (Redis). @return the alert ids dropped
     */
    List<String> forgetBefore(long cutoff) {
        List<String> old = store.all(ALERTS).entrySet().stream()
                .filter(e ->
                        Json.read(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8), StoredAlert.class)
                                        .alert()
                                        .lastSeen()
                                < cutoff)
                .map(java.util.Map.Entry::getKey)
                .toList();
        store.removeAll(ALERTS, old);
        store.removeAll(STATE, old);
        for (String ns : List.of(ESCALATED_USERS, ESCALATED_FLAGS)) {
            store.removeAll(
                    ns,
                    store.all(ns).entrySet().stream()
                            .filter(e -> Long.parseLong(e.getValue()) < cutoff)
                            .map(java.util.Map.Entry::getKey)
                            .toList());
        }
        return old;
    }
}
