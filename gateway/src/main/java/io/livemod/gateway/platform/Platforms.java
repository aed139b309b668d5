package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms this gateway accepts, a projection of the platforms topic. In dev mode it starts
 * with the two demo platforms and their fixed, documented secrets; those secrets are refused
 * anywhere else, also when they arrive through the topic.
 */
public final class Platforms {
    private static final Logger LOG = LoggerFactory.getLogger(Platforms.class);
    public static final String DEMO_GAPO = "demo-gapo";
    public static final String DEMO_VNG = "demo-vng";
    public static final Map<String, String> DEMO_SECRETS = Map.of(
            DEMO_GAPO, "demo-gapo-secret-NOT-FOR-PRODUCTION",
            DEMO_VNG, "demo-vng-secret-NOT-FOR-PRODUCTION");

    private final boolean devMode;
    private final Map<String, Platform> byId = new ConcurrentHashMap<>();

    public Platforms(boolean devMode) {
        this.devMode = devMode;
    }

    public static Platforms dev() {
        Platforms p = new Platforms(true);
        p.put(Platform.of(DEMO_GAPO, "Gapo (demo)", DEMO_SECRETS.get(DEMO_GAPO), null));
        p.put(Platform.of(DEMO_VNG, "VNG Zalo (demo)", DEMO_SECRETS.get(DEMO_VNG), null));
        return p;
    }

    public boolean devMode() {
        return devMode;
    }

    public void put(Platform p) {
        if (!devMode && p.secrets().stream().anyMatch(DEMO_SECRETS::containsValue)) {
            throw new IllegalArgumentException("secrets: the demo secrets are refused outside dev mode (platform " + p.id() + ")");
        }
        byId.put(p.id(), p);
    }

    /** Applies a record of the platforms topic; one this gateway must refuse is skipped, not fatal. */
    public boolean apply(PlatformRecord r) {
        if (r == null || r.id() == null) return false;
        Platform current = byId.get(r.id());
        // Local writes are applied before the topic echoes them: never go back to an older version.
        if (current != null && current.updatedAt() > r.updatedAt()) return false;
        try {
            put(Platform.fromRecord(r));
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("platform {} from the platforms topic refused: {}", r.id(), e.getMessage());
            return false;
        }
    }

    public Optional<Platform> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public List<Platform> all() {
        return byId.values().stream().sorted(Comparator.comparing(Platform::id)).toList();
    }
}
