package io.livemod.gateway.ministry.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** The single-gateway store: everything in this JVM, rebuilt from Kafka at each start. */
public final class MemoryProjectionStore implements ProjectionStore {
    private record Versioned(long version, String json) {}

    private record Timed(long time, String member) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : member.compareTo(o.member);
        }
    }

    private final Map<String, Map<String, Versioned>> docs = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListSet<Timed>> timed = new ConcurrentHashMap<>();

    @Override
    public boolean putIfNewer(String ns, String id, long version, String json) {
        boolean[] stored = {false};
        docs.computeIfAbsent(ns, k -> new ConcurrentHashMap<>()).compute(id, (k, cur) -> {
            if (cur != null && cur.version() >= version) return cur;
            stored[0] = true;
            return new Versioned(version, json);
        });
        return stored[0];
    }

    @Override
    public Optional<String> get(String ns, String id) {
        Versioned v = docs.getOrDefault(ns, Map.of()).get(id);
        return v == null ? Optional.empty() : Optional.of(v.json());
    }

    @Override
    public Map<String, String> getAll(String ns, Collection<String> ids) {
        Map<String, Versioned> m = docs.getOrDefault(ns, Map.of());
        Map<String, String> out = new HashMap<>();
        for (String id : ids) {
            Versioned v = m.get(id);
            if (v != null) out.put(id, v.json());
        }
        return out;
    }

    @Override
    public Map<String, String> all(String ns) {
        Map<String, String> out = new HashMap<>();
        docs.getOrDefault(ns, Map.of()).forEach((k, v) -> out.put(k, v.json()));
        return out;
    }

    @Override
    public void addTimed(String ns, long time, String member) {
        timed.computeIfAbsent(ns, k -> new ConcurrentSkipListSet<>()).add(new Timed(time, member));
    }

    @Override
    public void removeTimedBefore(String ns, long before) {
        ConcurrentSkipListSet<Timed> set = timed.get(ns);
        if (set != null) set.headSet(new Timed(before, "")).clear();
    }

    @Override
    public void removeAll(String ns, Collection<String> ids) {
        Map<String, Versioned> m = docs.get(ns);
        if (m != null) ids.forEach(m::remove);
    }

    @Override
    public List<String> rangeByTime(String ns, long from, long to) {
        ConcurrentSkipListSet<Timed> set = timed.get(ns);
        if (set == null || from >= to) return List.of();
        return set.subSet(new Timed(from, ""), new Timed(to, "")).stream()
                .map(Timed::member)
                .toList();
    }
}
