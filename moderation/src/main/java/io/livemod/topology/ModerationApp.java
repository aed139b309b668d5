package io.livemod.topology;

import io.livemod.event.Topics;
import io.livemod.rules.RuleSetLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the moderation topology: follows the rules topic, then starts Kafka Streams. A thread that
 * dies is replaced rather than taking the application down.
 */
public final class ModerationApp implements AutoCloseable {
    /** Deprecated at birth (KIP-1270): the opt-in until Kafka 5.0 routes global-store errors to the handler by default. */
    @SuppressWarnings("deprecation")
    private static final String GLOBAL_PROCESSING_HANDLER =
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG;

    private static final Logger LOG = LoggerFactory.getLogger(ModerationApp.class);
    private final RuleBook rules;
    private final RulesFollower follower;
    private final KafkaStreams streams;
    private final io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics streamsMetrics;

    public ModerationApp(ModerationConfig config, Clock clock) {
        config.validate();
        this.rules = RuleBook.of(RuleSetLoader.defaults());
        this.follower = new RulesFollower(config.bootstrap(), rules);
        this.streams = new KafkaStreams(ModerationTopology.build(config, rules, clock), properties(config));
        // Kafka Streams' own metrics (commit latency and rate, process rate, poll and punctuate latency,
        // its clients') on the global registry the gateway exports: the commit cycle is most of a flag's latency.
        this.streamsMetrics = new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams);
        this.streamsMetrics.bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
        this.streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed, replacing it: {}", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    static Properties properties(ModerationConfig c) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrap());
        p.putAll(io.livemod.event.KafkaClients.security(c.bootstrap())); // TLS, SASL: every client Streams makes
        p.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.threads());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, c.guarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, c.commitInterval().toMillis());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, c.standbyReplicas());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.OnDeserialization.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.OnProcessing.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.OnProduction.class);
        p.put(GLOBAL_PROCESSING_HANDLER, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // With transactions v2 the first send of each transaction often meets CONCURRENT_TRANSACTIONS
        // while the broker finishes the previous commit; the default back-off (100 ms, growing to 1 s)
        // would then stall every 100 ms commit interval.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 100);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (!c.fetchWait().isZero()) {
            // The broker answers a fetch once this many bytes gathered or fetchWait passed: at steady rates,
            // the wait. Only the main consumer: restores and the global (rules, claims) consumers read at once.
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 1 << 20);
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), (int)
                    c.fetchWait().toMillis());
        }
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int)
                c.sessionTimeout().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), (int)
                Math.max(1000, c.sessionTimeout().toMillis() / 5));
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimes.class);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(BoundedRocksDb.CACHE_BYTES, Long.toString(c.rocksDbCacheBytes()));
        return p;
    }

    /** Starts following rules and processing; returns once the published rules are active. */
    public ModerationApp start(Duration rulesTimeout) throws InterruptedException {
        follower.start();
        if (!follower.awaitCaughtUp(rulesTimeout)) {
            throw new IllegalStateException(
                    "could not read " + Topics.RULES.name() + " within " + rulesTimeout.toSeconds() + " s");
        }
        LOG.info("moderation starting with rule set {}", rules.current().version());
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public RuleBook rules() {
        return rules;
    }

    /** The Kafka Streams instance, for metrics and state listeners (tests, benchmarks). */
    public KafkaStreams streams() {
        return streams;
    }

    public boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        streams.close(Duration.ofSeconds(30));
        follower.close();
    }
}
