package io.livemod.bench.ingest;

import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.TopicProvisioner;
import io.livemod.event.Topics;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ingest throughput: accepted events per second through a real gateway, over HTTP batches and over
 * WebSockets, against one embedded KRaft broker, with the raw Kafka producer on the same broker as
 * the baseline of the same run. A 202 or an ack means acks=all, so this is durable throughput.
 *
 * <pre>
 * ./mvnw -o -q -B -DskipTests package -pl ops/cli -am
 * java -Xmx1500m -XX:+UseParallelGC -cp ops/cli/target/livemod.jar io.livemod.bench.ingest.IngestBench [seconds=20] [connections=4] [batch=500]
 * (HTTP runs with connections and 4 × connections; WebSocket with connections × 4 frames in flight)
 * </pre>
 *
 * Gateway, clients and broker share this JVM (each Vert.x has its own event loops) and the
 * machine's cores. The baseline runs last, on the comments topic the gateway has been writing to:
 * a producer on a freshly created topic (as {@code ProducerCeiling} does) stalled on
 * OutOfOrderSequenceException retries on this embedded broker, which made its figure meaningless.
 */
public final class IngestBench {
    private IngestBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        double warmup = 5;
        Path dir = Files.createTempDirectory("livemod-ingest-bench");
        List<Measurement.Result> results = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                TopicProvisioner.ensure(admin, Topics.ALL, (short) 1);
            }
            try (BenchGateway gateway = new BenchGateway(broker.bootstrap())) {
                Vertx vertx = Vertx.vertx(); // the clients' own event loops
                try {
                    System.out.println(
                            "broker " + broker.bootstrap() + ", gateway on :" + gateway.port() + "; HTTP batches...");
                    results.add(HttpBatchLoad.run(vertx, gateway.port(), connections, batch, warmup, seconds));
                    // As many events in flight as the WebSocket run: HTTP/1.1 has one batch per connection.
                    results.add(HttpBatchLoad.run(vertx, gateway.port(), connections * 4, batch, warmup, seconds));
                    System.out.println("WebSocket...");
                    results.add(SocketLoad.run(vertx, gateway.port(), connections, batch, 4, warmup, seconds));
                } finally {
                    vertx.close().await();
                }
            }
            // Last, on a warm broker and topic with the gateway stopped (see the class comment).
            System.out.println("baseline...");
            results.add(ProducerBaseline.run(broker.bootstrap(), warmup, seconds));
        }
        System.out.printf(
                "%n%d cores, %.0f s measured after %.0f s warm-up, load average at the end %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                seconds,
                warmup,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.println("| path | accepted events/s | p50 ack ms | p99 ack ms | failed requests |");
        System.out.println("|---|---:|---:|---:|---:|");
        results.forEach(r -> System.out.println(r.row()));
    }
}
