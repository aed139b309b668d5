package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.rules.RuleSetLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Names are part of the application's state: a generated name (KSTREAM-...-0000000042) would move with any change. */
class TopologyShapeTest {
    final TopologyDescription description = ModerationTopology.build(
                    ModerationConfig.defaults("unused:9092", Path.of("target/tt-state")),
                    RuleBook.of(RuleSetLoader.defaults()),
                    Clock.systemUTC())
            .describe();

    List<String> names() {
        List<String> out = new ArrayList<>();
        for (TopologyDescription.Subtopology s : description.subtopologies()) {
            for (TopologyDescription.Node n : s.nodes()) {
                out.add(n.name());
                if (n instanceof TopologyDescription.Processor p) out.addAll(p.stores());
                if (n instanceof TopologyDescription.Sink k && k.topic() != null) out.add(k.topic());
            }
        }
        return out;
    }

    @Test
    void everyProcessorStoreAndRepartitionTopicIsNamed() {
        assertThat(names()).isNotEmpty().noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
        assertThat(names())
                .contains(
                        "user-flood-store",
                        "duplicate-store",
                        "campaign-store",
                        "incident-watch-store",
                        "incident-user-store",
                        "metadata-store",
                        "offender-store",
                        "campaign-sightings-repartition",
                        "inbound-ids-store",
                        "inbound-validate",
                        "claim-alert-store",
                        "claim-sightings-repartition",
                        "claim-title-sightings-repartition");
        assertThat(description.globalStores()).singleElement().satisfies(g -> {
            assertThat(g.source().name()).isEqualTo("claims-source");
            assertThat(g.processor().name()).isEqualTo("claim-registry");
            assertThat(g.processor().stores()).containsExactly("claim-registry-store");
        });
    }

    /**
     * Everything about one stream runs in the sub-topology that reads the comments topic itself
     * (keyed platform/stream): matching, flood counting, duplicates, incidents and spikes. Only
     * campaign sightings leave it through a repartition.
     */
    @Test
    void perStreamWorkRunsOnTheCommentsTopicWithoutRepartition() {
        TopologyDescription.Subtopology comments = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("comments-source")))
                .findFirst()
                .orElseThrow();
        List<String> nodes =
                comments.nodes().stream().map(TopologyDescription.Node::name).toList();
        assertThat(nodes)
                .contains("screen", "keyword-rules", "user-flood", "canonical-text", "duplicate-flood", "incidents");
        assertThat(nodes).filteredOn(n -> n.endsWith("-source")).containsExactly("comments-source");
        List<String> sinks = comments.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> ((TopologyDescription.Sink) n).topic())
                .toList();
        assertThat(sinks)
                .containsExactlyInAnyOrder(
                        "livemod.flags.v1",
                        "livemod.flags.v1",
                        "livemod.alerts.v1",
                        "campaign-sightings-repartition",
                        "livemod.flags.v1",
                        "claim-sightings-repartition");
    }

    /** Streams, campaigns, metadata, decisions, Kafka-native ingest and false-claim alerts are separate sub-topologies (separate tasks). */
    @Test
    void theWorkIsSplitIntoSubTopologiesThatScaleApart() {
        assertThat(description.subtopologies()).hasSize(6);
    }

    /**
     * Sub-topology numbers are part of the task ids, hence of state directories and committed
     * offsets: a new sub-topology comes after the existing ones, which keep their numbers.
     */
    @Test
    void subTopologiesKeepTheirNumbers() {
        java.util.Map<String, Integer> idOfSource = new java.util.TreeMap<>();
        for (TopologyDescription.Subtopology s : description.subtopologies()) {
            for (TopologyDescription.Node n : s.nodes())
                if (n instanceof TopologyDescription.Source) idOfSource.put(n.name(), s.id());
        }
        System.out.println("sub-topologies by source: " + idOfSource);
        assertThat(idOfSource)
                .containsEntry("comments-source", 0)
                .containsEntry("campaign-sightings-repartition-source", 1)
                .containsEntry("stream-events-source", 2)
                .containsEntry("decisions-source", 3)
                .containsEntry("claim-sightings-repartition-source", 5)
                .containsEntry("claim-title-sightings-repartition-source", 5);
    }
}
