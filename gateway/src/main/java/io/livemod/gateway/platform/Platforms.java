package io.livemod.gateway.platform;

import io.livemod.event.PlatformRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** The demo platforms' webhook signing secrets: the base64 of a readable text, documented, dev mode only. */
    public static final Map<String, String> DEMO_WEBHOOK_SECRETS = Map.of(
            DEMO_GAPO,
                    WebhookSecrets.PREFIX
                            + java.util.Base64.getEncoder()
                                    .encodeToString("demo-gapo-webhook-NOT-FOR-PRODUCTION"
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            DEMO_VNG,
                    WebhookSecrets.PREFIX
                            + java.util.Base64.getEncoder()
                                    .encodeToString("demo-vng-webhook-NOT-FOR-PRODUCTION"
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    private final boolean devMode;
    private final Map<String, Platform> byId = new ConcurrentHashMap<>();

    public Platforms(boolean devMode) {
        this.devMode = devMode;
    }

    public static Platforms dev() {
        Platforms p = new Platforms(true);
        p.put(demo(DEMO_GAPO, "Gapo (demo)"));
        p.put(demo(DEMO_VNG, "VNG Zalo (demo)"));
        return p;
    }

    private static Platform demo(String id, String name) {
        return Platform.of(id, name, DEMO_SECRETS.get(id), null)
                .withWebhookKeys(java.util.List.of(new PlatformRecord.Secret(DEMO_WEBHOOK_SECRETS.get(id), null)));
    }

    public boolean devMode() {
        return devMode;
    }

    public void put(Platform p) {
        if (!devMode
                && (p.secrets().stream().anyMatch(DEMO_SECRETS::containsValue)
                        || p.webhookKeys().stream().anyMatch(k -> DEMO_WEBHOOK_SECRETS.containsValue(k.value())))) {
            throw new IllegalArgumentException(
                    "secrets: the demo secrets are refused outside dev mode (platform " + p.id() + ")");
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
