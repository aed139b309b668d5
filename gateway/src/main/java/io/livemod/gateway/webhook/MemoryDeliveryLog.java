package io.livemod.gateway.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery log of a single in-memory gateway; empty again after a restart. Bounded: past
 * {@code capacity} entries the oldest finished deliveries are dropped (pending ones never are).
 */
public final class MemoryDeliveryLog implements DeliveryLog {
    private final Map<String, Delivery> byId = new ConcurrentHashMap<>();
    private final int capacity;

    public MemoryDeliveryLog() {
        this(50_000);
    }

    public MemoryDeliveryLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean create(Delivery d) {
        boolean created = byId.putIfAbsent(d.id(), d) == null;
        if (created && byId.size() > capacity) trim();
        return created;
    }

    /** Drops the oldest tenth of finished deliveries at once, so trimming is rare. */
    private synchronized void trim() {
        int excess = byId.size() - capacity + capacity / 10;
        byId.values().stream()
                .filter(d -> !Delivery.PENDING.equals(d.status()))
                .sorted(Comparator.comparingLong(Delivery::createdAt))
                .limit(Math.max(excess, 0))
                .toList()
                .forEach(d -> byId.remove(d.id(), d));
    }

    @Override
    public void update(Delivery d) {
        byId.put(d.id(), d);
    }

    @Override
    public Optional<Delivery> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Delivery> list(String platform, String status, int limit) {
        return byId.values().stream()
                .filter(d -> d.platform().equals(platform) && (status == null || status.equals(d.status())))
                .sorted(Comparator.comparingLong(Delivery::createdAt).reversed().thenComparing(Delivery::id))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Delivery> pending() {
        return byId.values().stream()
                .filter(d -> Delivery.PENDING.equals(d.status()))
                .toList();
    }
}
