package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;

/**
 * The moderation topology, built by a pure function so it can be tested with TopologyTestDriver.
 * Every processor and sink is named: names are part of the application's state and metrics.
 */
public final class ModerationTopology {
    private ModerationTopology() {}

    public static Topology build(ModerationConfig config, RuleBook rules, Clock clock) {
        // The topology sees the application's settings (error handlers among them) from the start.
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(ModerationApp.properties(config))));
        KeywordFlagger keywords = new KeywordFlagger(rules, clock);

        KStream<String, Comment> comments = builder.stream(Topics.COMMENTS.name(),
                Consumed.with(Topics.COMMENTS.key(), Topics.COMMENTS.value()).withName("comments-source"));

        KStream<String, Flag> keywordFlags = comments
                .flatMapValues(keywords::flags, Named.as("keyword-rules"))
                .selectKey((k, flag) -> flag.flagId(), Named.as("key-by-flag-id"));

        keywordFlags.to(Topics.FLAGS.name(),
                Produced.with(Topics.FLAGS.key(), Topics.FLAGS.value()).withName("flags-sink"));
        return builder.build();
    }
}
