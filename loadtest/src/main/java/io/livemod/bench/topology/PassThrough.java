package io.livemod.bench.topology;

import io.livemod.event.Topics;
import io.livemod.topology.ModerationConfig;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The least a Kafka Streams application can do with the comments: read each one (decoding it as the
 * topology does), write one small record, under the same guarantee, commit interval and thread count
 * as the moderation topology. Its rate off a backlog is the ceiling the topology is compared with.
 */
final class PassThrough {
    static final String OUTPUT = "bench-passthrough-out";

    private PassThrough() {}

    @SuppressWarnings("try") // the streams only have to run while the input drains
    static void work(Admin admin, ModerationConfig config, int n) throws Exception {
        try (KafkaStreams streams = start(admin, config)) {
            long running = System.nanoTime();
            CpuMeter cpu = CpuMeter.start();
            while (!TopologyThroughput.drained(admin, config.applicationId())) Thread.sleep(100);
            double secs = (System.nanoTime() - running) / 1e9;
            System.out.printf(
                    "pass-through (same guarantee, commit interval, threads): %,.0f comments/s (%d in %.1f s after RUNNING)%n",
                    n / secs, n, secs);
            System.out.println(cpu.perItem(n));
        }
    }

    /** The pass-through application, started and RUNNING. */
    static KafkaStreams start(Admin admin, ModerationConfig config) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(OUTPUT, 6, (short) 1)))
                    .all()
                    .get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) throw e;
        }
        StreamsBuilder b = new StreamsBuilder();
        b.stream(
                        Topics.COMMENTS.name(),
                        Consumed.with(Topics.COMMENTS.key(), Topics.COMMENTS.value())
                                .withName("pass-source"))
                .mapValues(c -> c.id(), Named.as("pass-id"))
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()).withName("pass-sink"));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.guarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(b.build(), p);
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) Thread.sleep(20);
        return streams;
    }
}
