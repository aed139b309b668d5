package io.livemod.bench.topology;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Comment;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.livemod.topology.ModerationApp;
import io.livemod.topology.ModerationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The moderation topology's CPU per comment at a <em>steady</em> offered rate, without the gateway,
 * its followers or a load generator in another JVM: the load test's realistic chat ({@link RealisticMix})
 * is produced at a fixed pace onto the embedded broker while the topology keeps up, and the stream
 * threads' CPU (and the whole process's: broker, Streams' producers, this producer, JIT, GC) is taken
 * over the measured seconds, after as many seconds of warm-up at the same rate. Then the exactly-once
 * pass-through ({@link PassThrough}) is measured the same way on the same broker, at the same rate:
 * the baseline in the same run.
 *
 * <p>Why: off a backlog ({@link TopologyThroughput}) per-poll, per-commit and per-second costs are
 * spread over full batches; at a steady 2,000/s they are not, and the stack's stream threads spent
 * three times their backlog cost (issue 13). This isolates that cost so a change to the topology can
 * be measured on its own, with a baseline, even on a shared machine (CPU, not wall-clock).
 *
 * <pre>
 * ./mvnw -o -q -B -pl loadtest -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/loadtest/target/bench.cp
 * java -Xmx2g -cp "$(cat loadtest/target/bench.cp):loadtest/target/classes" io.livemod.bench.topology.TopologyAtRate [rate] [seconds] [warm-up seconds] [threads] [guarantee] [mega]
 * </pre>
 * Defaults: 2,000 comments/s, 60 s measured after 60 s of warm-up, 2 stream threads, exactly_once_v2;
 * {@code mega} puts every comment in one stream (a mega-live alone).
 * The commit interval is the deployment's ({@code LIVEMOD_COMMIT_INTERVAL_MS}, 100 ms by default).
 */
public final class TopologyAtRate {
    private TopologyAtRate() {}

    @SuppressWarnings("try") // each topology only has to run while it is measured
    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String guarantee = args.length > 4 ? args[4] : "exactly_once_v2";
        boolean mega = args.length > 5 && args[5].equals("mega");
        Path base = Path.of(System.getProperty("livemod.bench.dir", "target"));
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, "bench-rate-");
        System.out.printf(
                "topology at a steady %,d comments/s%s: %d s measured after %d s of warm-up, %d stream threads, %s, %d cores%n",
                rate,
                mega ? " in one stream (a mega-live alone)" : "",
                seconds,
                warm,
                threads,
                guarantee,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
                Pacer pacer = new Pacer(
                        broker.bootstrap(), mega ? megaLive(new RealisticMix(42)) : new RealisticMix(42), rate)) {
            TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            TopologyThroughput.awaitLeaders(admin);
            ModerationConfig config = TopologyThroughput.config(broker, dir, "bench-rate", threads, guarantee);
            try (ModerationApp app = new ModerationApp(config, Clock.systemUTC())) {
                app.start(Duration.ofSeconds(30));
                while (!app.running()) Thread.sleep(20);
                pacer.start();
                measure("topology", broker.bootstrap(), admin, config.applicationId(), pacer, warm, seconds);
            }
            pacer.pause();
            ModerationConfig pass =
                    TopologyThroughput.config(broker, dir, "bench-rate-passthrough", threads, guarantee);
            admin.alterConsumerGroupOffsets(pass.applicationId(), TopologyThroughput.endOffsets(admin))
                    .all()
                    .get();
            try (KafkaStreams streams = PassThrough.start(admin, pass)) {
                pacer.resume();
                measure(
                        "pass-through",
                        broker.bootstrap(),
                        admin,
                        pass.applicationId(),
                        pacer,
                        Math.min(warm, 20),
                        seconds);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * The same chat, every comment in one stream: a mega-live alone, one partition and one task on one
     * stream thread, the hot key at its worst (issue 13: "a single mega-live stream alone holds 5,000/s").
     */
    private static CommentSource megaLive(CommentSource mix) {
        return (i, receivedAt) -> mix.next(i, receivedAt).toBuilder()
                .platform("bench-a")
                .streamId("mega-live")
                .build();
    }

    private static void measure(
            String what, String bootstrap, Admin admin, String group, Pacer pacer, int warm, int seconds)
            throws Exception {
        Thread.sleep(warm * 1000L);
        long sent0 = pacer.sent();
        long t0 = System.nanoTime();
        CpuMeter cpu = CpuMeter.start();
        Map<String, Long> groups = CpuMeter.threadGroups();
        Latencies latencies = what.equals("topology") ? Latencies.follow(bootstrap) : null;
        Thread.sleep(seconds * 1000L);
        long n = pacer.sent() - sent0;
        String figures = cpu.perItem(n);
        double secs = (System.nanoTime() - t0) / 1e9;
        String shares = CpuMeter.groupShares(groups, CpuMeter.threadGroups(), secs, n);
        System.out.printf(
                "%s: %,d comments offered in %.1f s (%,.0f/s), %,d not yet committed at the end; %s%s%n",
                what, n, secs, n / secs, lag(admin, group), figures, shares);
        if (latencies != null) System.out.println("    " + latencies.close());
    }

    /** Comments the group has not committed yet: what it is behind by at this instant. */
    private static long lag(Admin admin, String group) throws Exception {
        var committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        var parts = java.util.stream.IntStream.range(0, io.livemod.event.TopicSizing.partitions(Topics.COMMENTS))
                .mapToObj(p -> new TopicPartition(Topics.COMMENTS.name(), p))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        long lag = 0;
        for (var e : admin.listOffsets(parts).all().get().entrySet()) {
            var c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /**
     * Send → keyword or pattern flag readable by a read_committed consumer, for comments sent while it
     * follows (the pacer stamps each comment with its send time): the topology's share of the load
     * test's end-to-end latency, without the gateway.
     */
    private static final class Latencies {
        private final io.livemod.event.TopicFollower<String, io.livemod.event.Flag> follower;
        private final java.util.List<Long> millis = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        private Latencies(String bootstrap) {
            long from = System.currentTimeMillis();
            follower = io.livemod.event.TopicFollower.fromEnd(bootstrap, Topics.FLAGS, (r, live) -> {
                // Keyword and pattern flags only: a flood or campaign flags earlier comments once it is one.
                if (r.value() != null
                        && r.value().receivedAt() >= from
                        && (r.value().kind() == io.livemod.event.Flag.Kind.KEYWORD
                                || r.value().kind() == io.livemod.event.Flag.Kind.PATTERN))
                    millis.add(System.currentTimeMillis() - r.value().receivedAt());
            });
        }

        static Latencies follow(String bootstrap) {
            Latencies l = new Latencies(bootstrap);
            l.follower.start();
            return l;
        }

        String close() {
            follower.close();
            long[] v;
            synchronized (millis) {
                v = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            if (v.length == 0) return "send → flag: no flags";
            return String.format(
                    java.util.Locale.ROOT,
                    "send → keyword flag (read_committed), %,d flags: p50 %d ms, p99 %d ms, max %d ms",
                    v.length,
                    v[v.length / 2],
                    v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.99) - 1)],
                    v[v.length - 1]);
        }
    }

    /** Produces the mix at a fixed rate, in 10 ms ticks, stamped with the time it is sent. */
    private static final class Pacer implements AutoCloseable {
        private final KafkaProducer<String, Comment> producer;
        private final CommentSource mix;
        private final int rate;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicBoolean paused = new AtomicBoolean();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "bench-pacer");

        Pacer(String bootstrap, CommentSource mix, int rate) {
            this.mix = mix;
            this.rate = rate;
            this.producer = new KafkaProducer<>(
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
                            5),
                    Topics.COMMENTS.key().serializer(),
                    Topics.COMMENTS.value().serializer());
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        long sent() {
            return sent.get();
        }

        void pause() {
            paused.set(true);
            producer.flush();
        }

        void resume() {
            paused.set(false);
        }

        private void run() {
            long tick = 10_000_000L;
            long next = System.nanoTime();
            double owed = 0;
            int i = 0;
            while (running) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += tick;
                if (paused.get()) continue;
                owed += rate / 100.0;
                long now = System.currentTimeMillis();
                for (; owed >= 1; owed--) {
                    Comment c = mix.next(i++, now);
                    var unused = producer.send(new ProducerRecord<>(
                            Topics.COMMENTS.name(), c.key(), c)); // paced load: a lost record is not counted
                    sent.incrementAndGet();
                }
            }
        }

        @Override
        public void close() {
            running = false;
            producer.close();
        }
    }
}
