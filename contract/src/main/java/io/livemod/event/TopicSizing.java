package io.livemod.event;

import io.livemod.settings.ProcessSettings;
import io.livemod.settings.StreamsCatalogue;
import java.util.HashMap;
import java.util.Map;

/**
 * Partition counts as a deployment setting. The registry ({@link Topics}) holds the counts a
 * cluster wants (12 comment partitions: up to 12 stream threads); one node wants far fewer, since
 * every partition is a task whose commits, fetches and transaction markers cost CPU whether or not
 * comments arrive. {@code LIVEMOD_TOPIC_PARTITIONS} (environment or config file; or the system property
 * {@code livemod.topic.partitions}) overrides them by short name, e.g.
 * {@code comments=4,flags=2,campaign-sightings=2}: the short name is the topic's name without
 * {@code livemod.} and {@code .v1}. Counts apply when a topic is created; existing topics keep theirs.
 */
public final class TopicSizing {
    public static final String ENV = StreamsCatalogue.TOPIC_PARTITIONS.env();
    public static final String PROPERTY = "livemod.topic.partitions";
    /** The internal repartition of campaign sightings (moderation), sized like a topic. */
    public static final String CAMPAIGN_SIGHTINGS = "campaign-sightings";

    private static final int CAMPAIGN_SIGHTINGS_DEFAULT = 6;
    /** The internal repartition of false-claim sightings by claim (moderation): a few per cent of comments at most. */
    public static final String CLAIM_SIGHTINGS = "claim-sightings";

    private static final int CLAIM_SIGHTINGS_DEFAULT = 3;

    private TopicSizing() {}

    /** Read at each use (it is read at start-up only), so a command can set the property before anything provisions. */
    private static Map<String, Integer> overrides() {
        return parse(System.getProperty(PROPERTY, ProcessSettings.get(ENV)));
    }

    /** Throws IllegalArgumentException naming the variable when the setting cannot be read: for start-up checks. */
    public static void check() {
        overrides();
    }

    public static int partitions(Topic<?, ?> topic) {
        return overrides().getOrDefault(shortName(topic.name()), topic.partitions());
    }

    public static int campaignSightings() {
        return overrides().getOrDefault(CAMPAIGN_SIGHTINGS, CAMPAIGN_SIGHTINGS_DEFAULT);
    }

    public static int claimSightings() {
        return overrides().getOrDefault(CLAIM_SIGHTINGS, CLAIM_SIGHTINGS_DEFAULT);
    }

    static String shortName(String topic) {
        return topic.replaceFirst("^livemod\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    /** {@code name=count,...}; a refused entry names the variable and the entry. */
    public static Map<String, Integer> parse(String spec) {
        Map<String, Integer> out = new HashMap<>();
        if (spec == null || spec.isBlank()) return Map.of();
        for (String entry : spec.split(",", -1)) {
            if (entry.isBlank()) continue; // a stray comma, trailing or doubled, is no entry
            String[] kv = entry.trim().split("=", 2);
            String name = kv[0].trim();
            boolean known = name.equals(CAMPAIGN_SIGHTINGS)
                    || name.equals(CLAIM_SIGHTINGS)
                    || Topics.ALL.stream().anyMatch(t -> shortName(t.name()).equals(name));
            if (!known)
                throw new IllegalArgumentException(ENV + ": unknown topic '" + name + "' in '" + entry.trim() + "'");
            try {
                int n = Integer.parseInt(kv.length == 2 ? kv[1].trim() : "");
                if (n < 1 || n > 1000) throw new NumberFormatException();
                out.put(name, n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV + ": '" + entry.trim() + "' needs a partition count 1..1000");
            }
        }
        return Map.copyOf(out);
    }
}
