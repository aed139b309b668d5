package io.livemod.gateway.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms this gateway accepts. In dev mode it holds the two demo platforms with their fixed,
 * documented secrets; those secrets are refused anywhere else.
 */
public final class Platforms {
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
        p.put(new Platform(DEMO_GAPO, "Gapo (demo)", List.of(DEMO_SECRETS.get(DEMO_GAPO)), null));
        p.put(new Platform(DEMO_VNG, "VNG Zalo (demo)", List.of(DEMO_SECRETS.get(DEMO_VNG)), null));
        return p;
    }

    public void put(Platform p) {
        if (!devMode && p.secrets().stream().anyMatch(DEMO_SECRETS::containsValue)) {
            throw new IllegalArgumentException("secrets: the demo secrets are refused outside dev mode (platform " + p.id() + ")");
        }
        byId.put(p.id(), p);
    }

    public Optional<Platform> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public List<Platform> all() {
        return List.copyOf(byId.values());
    }
}
