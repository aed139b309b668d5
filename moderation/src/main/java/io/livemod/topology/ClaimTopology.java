package io.livemod.topology;

import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import io.livemod.event.TopicSizing;
import io.livemod.event.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The false-claim part of the topology, kept apart from {@link ModerationTopology}:
 * <pre>
 * claims (compacted) ─ claim-registry [claim-registry-store, global] ·····(read by)·····┐
 * 1 screened comments ─ false-claims ──┬─────────────────────────────────────────────────▶ FLAGS
 *                                      └─ claim-sightings (by claim) ──┐
 * 3 stream events ─ false-claim-titles ┬──────────────────────────────────────────────────▶ FLAGS
 *                                      └─ claim-title-sightings ───────┴─ claim-alerts [claim-alert-store] ─▶ ALERTS
 * </pre>
 * Matching runs in the comment's own task (no repartition); only matches, a small share of
 * comments, cross to the claim-keyed alert stage. Titles repartition on their own topic: a shared
 * one would join the comments' and stream events' sub-topologies into one.
 */
final class ClaimTopology {
    private ClaimTopology() {}

    /** Adds the matchers and the alert stage; call {@link ClaimRegistry#addTo} on the built topology. */
    static void add(
            StreamsBuilder builder,
            KStream<String, Screened> comments,
            KStream<String, StreamEvent> streamEvents,
            ClaimRegistry registry,
            RuleBook rules,
            Clock clock,
            TopologySettings settings) {
        builder.addStateStore(ClaimAlertProcessor.store());
        KStream<String, Flag> commentFlags =
                comments.process(() -> ClaimFlagger.comments(registry, rules, clock), Named.as("false-claims"));
        KStream<String, Flag> titleFlags =
                streamEvents.process(() -> ClaimFlagger.titles(registry, rules, clock), Named.as("false-claim-titles"));
        toFlags(commentFlags, "false-claims");
        toFlags(titleFlags, "false-claim-titles");
        sightings(commentFlags, "claim-sightings")
                .merge(sightings(titleFlags, "claim-title-sightings"), Named.as("merge-claim-sightings"))
                .process(
                        () -> new ClaimAlertProcessor(rules, clock, settings),
                        Named.as("claim-alerts"),
                        ClaimAlertProcessor.STORE)
                .mapValues(Finding::alert, Named.as("claim-alerts-unwrap"))
                .peek((k, a) -> Outputs.alert(a.kind()), Named.as("claim-alerts-count"))
                .to(
                        Topics.ALERTS.name(),
                        Produced.with(Topics.ALERTS.key(), Topics.ALERTS.value())
                                .withName("claim-alerts-sink"));
    }

    private static void toFlags(KStream<String, Flag> flags, String name) {
        flags.peek((k, f) -> Outputs.flag(f.kind()), Named.as(name + "-flags-count"))
                .to(
                        Topics.FLAGS.name(),
                        Produced.with(Topics.FLAGS.key(), Topics.FLAGS.value()).withName(name + "-flags-sink"));
    }

    private static KStream<String, Flag> sightings(KStream<String, Flag> flags, String name) {
        return flags.selectKey((k, f) -> f.claimId(), Named.as(name + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.FLAGS.value())
                        .withName(name)
                        .withNumberOfPartitions(TopicSizing.claimSightings()));
    }

    static Topology withRegistry(Topology topology, ClaimRegistry registry) {
        registry.addTo(topology);
        return topology;
    }
}
