package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import io.livemod.event.TopicSizing;
import io.livemod.event.Topics;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The moderation topology, built by a pure function so it can be tested with TopologyTestDriver.
 * Every processor, store and repartition topic is named: names are part of the application's state
 * (changelogs, offsets) and metrics, so renaming one is a migration.
 *
 * <pre>
 * 1 comments (platform/stream) ─ validate ─ screen ─┬─ keyword-rules ──────────┬──────────────────────▶ FLAGS
 *                                                   ├─ user-flood ─────────────┤
 *                                                   └─ duplicate-flood ─┬─ flags ┴─ incidents ─────────▶ FLAGS, ALERTS
 *                                                                       └─ campaign-sightings (text) ──▶ 2
 * 2 campaign [campaign-store] ──────────────────────────────────────────────────────────────────────▶ FLAGS, ALERTS
 * 3 stream-events (platform/stream) ─ validate ─ metadata [metadata-store] ───────────────────────────▶ FLAGS, ALERTS
 * 4 decisions (platform/user) ─ validate ─ repeat-offender [offender-store] ──────────────────────────▶ FLAGS, ALERTS
 * 5 inbound.&lt;platform&gt; (Kafka-native ingest) ─ inbound-validate ({@link InboundIngest}) ──────────▶ COMMENTS, STREAM_EVENTS, DEAD_LETTER
 * 6 false claims: matched on 1 and 3 against a global store of the claims topic ({@link ClaimTopology})
 * </pre>
 * Comments are keyed by stream, so everything about one stream (keywords, user floods, duplicates,
 * incidents, spikes) runs in that stream's task with no repartition: each comment is read once
 * ({@link Screened}) and crosses no internal topic. Only campaign sightings cross partitions: a text
 * hash, and at most a few per stream, text and window. Six sub-topologies, each scaling over its
 * own partitions and failing on its own.
 */
public final class ModerationTopology {
    private ModerationTopology() {}

    public static Topology build(ModerationConfig config, RuleBook rules, Clock clock) {
        TopologySettings settings = config.topology();
        // The topology sees the application's settings (error handlers among them) from the start.
        StreamsBuilder builder =
                new StreamsBuilder(new TopologyConfig(new StreamsConfig(ModerationApp.properties(config))));
        builder.addStateStore(UserFloodProcessor.store());
        builder.addStateStore(DuplicateProcessor.store());
        builder.addStateStore(CampaignProcessor.store());
        builder.addStateStore(IncidentProcessor.store());
        builder.addStateStore(IncidentProcessor.userStore());
        builder.addStateStore(MetadataProcessor.store());
        builder.addStateStore(OffenderProcessor.store());
        KeywordFlagger keywords = new KeywordFlagger(rules, clock);

        KStream<String, Comment> comments = builder.stream(
                        Topics.COMMENTS.name(),
                        Consumed.with(Topics.COMMENTS.key(), Topics.COMMENTS.value())
                                .withTimestampExtractor(new EventTimes())
                                .withName("comments-source"))
                .mapValues(Validation::comment, Named.as("comments-validate"));
        KStream<String, Screened> screened =
                comments.mapValues(c -> Screened.of(c, rules.current(), settings), Named.as("screen"));

        KStream<String, Flag> wordFlags =
                screened.flatMapValues(s -> keywords.flags(s.comment(), s.verdict()), Named.as("keyword-rules"));
        KStream<String, Flag> floodFlags = screened.process(
                () -> new UserFloodProcessor(rules, clock), Named.as("user-flood"), UserFloodProcessor.STORE);

        // process() never repartitions: the probes stay in the stream's task, keyed by text in its store.
        KStream<String, Finding> duplicates = screened.flatMapValues(
                        s -> s.evidence(settings) ? List.of(Probe.of(s, settings)) : List.<Probe>of(),
                        Named.as("canonical-text"))
                .selectKey((k, p) -> p.key(), Named.as("probe-key"))
                .process(
                        () -> new DuplicateProcessor(rules, clock, settings),
                        Named.as("duplicate-flood"),
                        DuplicateProcessor.STORE);

        KStream<String, Finding> campaigns = sightings(duplicates, "duplicate-flood")
                .repartition(Repartitioned.with(Serdes.String(), Sighting.SERDE)
                        .withName("campaign-sightings")
                        .withNumberOfPartitions(TopicSizing.campaignSightings()))
                .process(
                        () -> new CampaignProcessor(rules, clock, settings),
                        Named.as("campaign"),
                        CampaignProcessor.STORE);

        KStream<String, Flag> streamFlags = wordFlags
                .merge(floodFlags, Named.as("merge-comment-flags"))
                .merge(flags(duplicates, "duplicate-flood"), Named.as("merge-stream-flags"));
        toFlags(streamFlags.selectKey((k, f) -> f.flagId(), Named.as("flag-id")), "stream");

        KStream<String, Finding> incidents = streamFlags
                .selectKey((k, f) -> f.platform() + "/" + f.streamId(), Named.as("incident-key"))
                .process(
                        () -> new IncidentProcessor(rules, clock, settings),
                        Named.as("incidents"),
                        IncidentProcessor.STORE,
                        IncidentProcessor.USERS);

        KStream<String, StreamEvent> streamEvents = builder.stream(
                        Topics.STREAM_EVENTS.name(),
                        Consumed.with(Topics.STREAM_EVENTS.key(), Topics.STREAM_EVENTS.value())
                                .withTimestampExtractor(new EventTimes())
                                .withName("stream-events-source"))
                .mapValues(Validation::streamEvent, Named.as("stream-events-validate"));
        KStream<String, Finding> metadata = streamEvents.process(
                () -> new MetadataProcessor(rules, clock, settings), Named.as("metadata"), MetadataProcessor.STORE);
        KStream<String, Finding> offenders = builder.stream(
                        Topics.DECISIONS.name(),
                        Consumed.with(Topics.DECISIONS.key(), Topics.DECISIONS.value())
                                .withTimestampExtractor(new EventTimes())
                                .withName("decisions-source"))
                .mapValues(Validation::decision, Named.as("decisions-validate"))
                .process(
                        () -> new OffenderProcessor(rules, clock),
                        Named.as("repeat-offender"),
                        OffenderProcessor.STORE);

        // One sink per sub-topology: a sink shared by all of them would join them into one (one task
        // per partition number doing everything) instead of tasks that scale and fail apart.
        for (var found : List.of(
                new Source("campaign", campaigns),
                new Source("incidents", incidents),
                new Source("metadata", metadata),
                new Source("repeat-offender", offenders))) {
            toFlags(flags(found.stream(), found.name()), found.name());
            alerts(found.stream(), found.name())
                    .peek((k, a) -> Outputs.alert(a.kind()), Named.as(found.name() + "-alerts-count"))
                    .to(
                            Topics.ALERTS.name(),
                            Produced.with(Topics.ALERTS.key(), Topics.ALERTS.value())
                                    .withName(found.name() + "-alerts-sink"));
        }
        InboundIngest.add(builder, clock); // last: the other sub-topologies keep their numbers, hence their task ids
        // After it too: the sub-topologies above keep their numbers; false claims add processors to 1 and 3 and one of
        // their own.
        ClaimRegistry claims = new ClaimRegistry(clock);
        ClaimTopology.add(builder, screened, streamEvents, claims, rules, clock, settings);
        return ClaimTopology.withRegistry(builder.build(), claims);
    }

    private record Source(String name, KStream<String, Finding> stream) {}

    private static void toFlags(KStream<String, Flag> flags, String name) {
        flags.peek((k, f) -> Outputs.flag(f.kind()), Named.as(name + "-flags-count"))
                .to(
                        Topics.FLAGS.name(),
                        Produced.with(Topics.FLAGS.key(), Topics.FLAGS.value()).withName(name + "-flags-sink"));
    }

    private static KStream<String, Flag> flags(KStream<String, Finding> found, String name) {
        return found.filter((k, f) -> f.flag() != null, Named.as(name + "-flag-filter"))
                .mapValues(Finding::flag, Named.as(name + "-flags"));
    }

    private static KStream<String, Alert> alerts(KStream<String, Finding> found, String name) {
        return found.filter((k, f) -> f.alert() != null, Named.as(name + "-alert-filter"))
                .mapValues(Finding::alert, Named.as(name + "-alerts"));
    }

    private static KStream<String, Sighting> sightings(KStream<String, Finding> found, String name) {
        return found.filter((k, f) -> f.sighting() != null, Named.as(name + "-sighting-filter"))
                .mapValues(Finding::sighting, Named.as(name + "-sightings"));
    }
}
