package io.livemod.gateway.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery log of a single in-memory gateway; empty again after a restart. */
public final class MemoryDeliveryLog implements DeliveryLog {
    private final Map<String, Delivery> byId = new ConcurrentHashMap<>();

    @Override
    public boolean create(Delivery d) {
        return byId.putIfAbsent(d.id(), d) == null;
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
                .limit(limit).toList();
    }

    @Override
    public List<Delivery> pending() {
        return byId.values().stream().filter(d -> Delivery.PENDING.equals(d.status())).toList();
    }
}
