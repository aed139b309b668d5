package io.livemod.topology;

import io.livemod.rules.RuleSetLoader;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names are part of the application's state: a generated name (KSTREAM-...-0000000042) would move with any change. */
class TopologyShapeTest {
    final TopologyDescription description = ModerationTopology.build(
            ModerationConfig.defaults("unused:9092", Path.of("target/tt-state")), RuleBook.of(RuleSetLoader.defaults()),
            Clock.systemUTC()).describe();

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
        assertThat(names()).contains("user-flood-store", "duplicate-store", "campaign-store", "incident-watch-store", "incident-user-store",
                "metadata-store", "offender-store", "duplicate-probes-repartition", "campaign-sightings-repartition",
                "flags-by-stream-repartition");
    }

    /**
     * The hot-key rule: per-comment work (matching, flood counting, canonical text) runs in the
     * sub-topology that reads the comments topic itself (keyed platform/stream/user, so a mega-live
     * spreads by user); nothing regroups comments by stream.
     */
    @Test
    void perCommentWorkRunsOnTheUserSpreadCommentsTopicWithoutRepartition() {
        TopologyDescription.Subtopology comments = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("comments-source"))).findFirst().orElseThrow();
        List<String> nodes = comments.nodes().stream().map(TopologyDescription.Node::name).toList();
        assertThat(nodes).contains("keyword-rules", "user-flood", "canonical-text");
        assertThat(nodes).filteredOn(n -> n.endsWith("-source")).containsExactly("comments-source");
        List<String> sinks = comments.nodes().stream().filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> ((TopologyDescription.Sink) n).topic()).toList();
        assertThat(sinks).containsExactlyInAnyOrder("livemod.flags.v1", "duplicate-probes-repartition", "flags-by-stream-repartition");
    }

    /** Comments, their per-text regrouping, campaigns, incidents, metadata and decisions are separate sub-topologies (separate tasks). */
    @Test
    void theWorkIsSplitIntoSubTopologiesThatScaleApart() {
        assertThat(description.subtopologies()).hasSize(6);
    }
}
