package io.livemod.bench.topology;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Comment;
import io.livemod.event.Topic;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.topology.ModerationApp;
import io.livemod.topology.ModerationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Throughput of the whole moderation topology on the embedded broker, beside the raw producer rate
 * of the same run as the baseline. A first application works off a warm-up backlog (the JIT of this
 * one big JVM compiles for a minute or more); then N more comments (see {@link CommentMix}) are
 * produced and a second application, with its group placed after the warm-up comments, is timed
 * until its group has committed every comment and drained its repartition topics: with
 * exactly_once_v2 the flags and alerts of those comments are then committed too, i.e. readable by a
 * read_committed consumer. CPU per comment ({@link CpuMeter}) is the steadier figure to compare by.
 * Then, on the same broker and the same comments, a minimal exactly-once pass-through application
 * (decode each comment, write one small record) is timed the same way: the limit of Kafka Streams
 * here, which the topology is quoted against (issue 13).
 *
 * <pre>
 * java -cp "$(cat target/bench.cp):loadtest/target/classes" io.livemod.bench.topology.TopologyThroughput [comments] [threads] [guarantee] [warm-up comments] [streams]
 * </pre>
 * {@code streams} (default 200) besides the mega-live, which takes half the comments; 0: the mega-live
 * alone, every comment in one partition and one task (issue 13's "a single mega-live holds 5,000/s");
 * -1: the load test's realistic chat instead of the synthetic mix ({@link RealisticMix}), the traffic
 * the steady-rate figures are measured on.
 */
public final class TopologyThroughput {
    private TopologyThroughput() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String guarantee = args.length > 2 ? args[2] : "exactly_once_v2";
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int streams = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        Path base = Path.of(System.getProperty("livemod.bench.dir", "target"));
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, "bench-topology-");
        System.out.printf(
                "topology throughput: %d comments after %d to warm up, %d stream threads, %s, %d cores, %s%n",
                n,
                warmup,
                threads,
                guarantee,
                Runtime.getRuntime().availableProcessors(),
                streams < 0
                        ? "the load test's realistic chat"
                        : streams == 0 ? "the mega-live alone" : "a mega-live and " + streams + " other streams");
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            awaitLeaders(admin);
            CommentSource mix = streams < 0 ? new RealisticMix(42) : new CommentMix(42, streams, 50_000);
            long start = System.currentTimeMillis();
            produce(broker.bootstrap(), mix, start, 0, warmup);
            // The JIT compiles for a minute or more in this one big JVM (broker, Streams): without a warm-up
            // the compiler threads take half a core of the measured run.
            if (warmup > 0) work(admin, config(broker, dir, "bench-warmup", threads, guarantee), warmup, null);
            Map<TopicPartition, OffsetAndMetadata> measuredFrom = endOffsets(admin);
            Map<String, Long> flagsBefore =
                    kinds(broker.bootstrap(), Topics.FLAGS, f -> f.kind().wire());
            Map<String, Long> alertsBefore =
                    kinds(broker.bootstrap(), Topics.ALERTS, a -> a.kind().wire());
            double producerRate = produce(broker.bootstrap(), mix, start, warmup, n);
            System.out.printf("producer (baseline): %,.0f comments/s%n", producerRate);

            ModerationConfig config = config(broker, dir, "bench-topology", threads, guarantee);
            admin.alterConsumerGroupOffsets(config.applicationId(), measuredFrom)
                    .all()
                    .get();
            work(admin, config, n, broker.bootstrap());
            System.out.printf(
                    "outputs: flags %s, alerts %s, %,d dead letters%n",
                    minus(kinds(broker.bootstrap(), Topics.FLAGS, f -> f.kind().wire()), flagsBefore),
                    minus(kinds(broker.bootstrap(), Topics.ALERTS, a -> a.kind().wire()), alertsBefore),
                    kinds(broker.bootstrap(), Topics.DEAD_LETTER, d -> "all").getOrDefault("all", 0L));

            ModerationConfig pass = config(broker, dir, "bench-passthrough", threads, guarantee);
            admin.alterConsumerGroupOffsets(pass.applicationId(), measuredFrom)
                    .all()
                    .get();
            PassThrough.work(admin, pass, n);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    static ModerationConfig config(EmbeddedBroker broker, Path dir, String app, int threads, String guarantee) {
        return ModerationConfig.defaults(broker.bootstrap(), dir.resolve(app))
                .withApplicationId(app)
                .withThreads(threads)
                .withEnv(name -> name.equals("LIVEMOD_PROCESSING_GUARANTEE") ? guarantee : System.getenv(name))
                .validate();
    }

    /** Runs the application until its group has worked off the backlog; prints the figures unless warming up. */
    private static void work(Admin admin, ModerationConfig config, int n, String report) throws Exception {
        long t0 = System.nanoTime();
        try (ModerationApp app = new ModerationApp(config, Clock.systemUTC())) {
            app.start(Duration.ofSeconds(30));
            while (!app.running()) Thread.sleep(20);
            long running = System.nanoTime();
            CpuMeter cpu = CpuMeter.start();
            while (!drained(admin, config.applicationId())) Thread.sleep(100);
            long done = System.nanoTime();
            double secs = (done - running) / 1e9;
            if (report == null) {
                System.out.printf("warm-up: %,.0f comments/s (%d in %.1f s)%n", n / secs, n, secs);
                return;
            }
            System.out.printf("commit interval %d ms%n", config.commitInterval().toMillis());
            System.out.printf(
                    "topology: %,.0f comments/s (%d in %.1f s after RUNNING; %.1f s from start incl. rebalance)%n",
                    n / secs, n, secs, (done - t0) / 1e9);
            System.out.println(cpu.perItem(n));
        }
    }

    static Map<TopicPartition, OffsetAndMetadata> endOffsets(Admin admin) throws Exception {
        var parts = java.util.stream.IntStream.range(0, io.livemod.event.TopicSizing.partitions(Topics.COMMENTS))
                .mapToObj(p -> new TopicPartition(Topics.COMMENTS.name(), p))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return admin.listOffsets(parts).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> new OffsetAndMetadata(e.getValue().offset())));
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new java.util.TreeMap<>();
        after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
        return out;
    }

    /**
     * Every partition answers a leader request before the producer starts: right after creation a
     * NOT_LEADER_OR_FOLLOWER can leave Kafka 4.4's idempotent producer retrying one batch with
     * OUT_OF_ORDER_SEQUENCE until its delivery timeout, which would time the retries, not the broker.
     */
    static void awaitLeaders(Admin admin) throws InterruptedException {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        for (int attempt = 0; ; attempt++) {
            try {
                var parts = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
                admin.listOffsets(parts).all().get();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt > 100) throw new IllegalStateException("topics have no leaders: " + e.getMessage(), e);
                Thread.sleep(100);
            }
        }
    }

    private static double produce(String bootstrap, CommentSource mix, long start, int from, int n) {
        long t0 = 0;
        try (KafkaProducer<String, Comment> p = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        64 * 1024),
                Topics.COMMENTS.key().serializer(),
                Topics.COMMENTS.value().serializer())) {
            p.partitionsFor(Topics.COMMENTS.name()); // metadata first: time the sending, not topic creation
            t0 = System.nanoTime();
            for (int i = from; i < from + n; i++) {
                // 5,000 comments a second of gateway time: windows see a busy evening, not one instant.
                Comment c = mix.next(i, start + i / 5);
                var unused = p.send(
                        new ProducerRecord<>(Topics.COMMENTS.name(), c.key(), c)); // fire and forget: flushed below
            }
            long sentAt = System.nanoTime();
            p.flush();
            System.out.printf(
                    "producer: send loop %.1f s, flush %.1f s%n",
                    (sentAt - t0) / 1e9, (System.nanoTime() - sentAt) / 1e9);
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Every comment committed by the group, and its repartition topics read to their end (within one
     * record a partition: a transactional topic ends with a commit marker that is never "consumed").
     * A comments partition the group never committed counts from 0: empty, it is drained (a single
     * mega-live fills one partition only, and the others are never committed).
     */
    static boolean drained(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get());
        for (int p = 0; p < io.livemod.event.TopicSizing.partitions(Topics.COMMENTS); p++) {
            committed.putIfAbsent(new TopicPartition(Topics.COMMENTS.name(), p), new OffsetAndMetadata(0));
        }
        var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest())))
                .all()
                .get();
        for (var e : committed.entrySet()) {
            long lag = ends.get(e.getKey()).offset() - e.getValue().offset();
            long allowed = e.getKey().topic().equals(Topics.COMMENTS.name()) ? 0 : 1;
            if (lag > allowed) return false;
        }
        return true;
    }

    /** Records a read_committed consumer sees on the topic, by kind (offsets would count transaction markers too). */
    private static <V> Map<String, Long> kinds(String bootstrap, Topic<String, V> topic, Function<V, String> kind) {
        try (KafkaConsumer<String, V> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                topic.key().deserializer(),
                topic.value().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Map<String, Long> out = new java.util.TreeMap<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.merge(kind.apply(r.value()), 1L, Long::sum));
            }
            return out;
        }
    }
}
