package io.livemod.cli;

import io.livemod.gateway.platform.Platforms;
import io.livemod.loadtest.LoadConfig;
import io.livemod.loadtest.LoadResult;
import io.livemod.loadtest.LoadRun;
import io.livemod.loadtest.ProducerCeiling;
import io.livemod.loadtest.Report;
import io.livemod.server.KafkaCheck;
import io.livemod.server.StartupException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        description =
                "Open-loop load against a running gateway (default: the one `livemod run` starts); judges every flag and alert against what each "
                        + "comment is; prints a summary with a per-rule table, writes JSON and HTML reports. Exit code 3 when the verdict fails.")
final class LoadtestCommand implements Callable<Integer> {
    @Option(names = "--rate", required = true, description = "Comments per second offered (open loop)")
    int rate;

    @Option(
            names = "--duration",
            defaultValue = "60s",
            description = "Measured duration, e.g. 60s or 2m. Default: ${DEFAULT-VALUE}")
    String duration;

    @Option(
            names = "--warmup",
            defaultValue = "10s",
            description = "Warm-up before measuring. Default: ${DEFAULT-VALUE}")
    String warmup;

    @Option(
            names = "--target",
            defaultValue = "http://127.0.0.1:8080",
            description =
                    "Gateway URL, or several comma-separated: batches spread over them and fail over when one stops answering. Default: ${DEFAULT-VALUE}")
    String target;

    @Option(
            names = "--bootstrap",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka, to tap the comments and flags topics. Default: ${DEFAULT-VALUE}")
    String bootstrap;

    @Option(names = "--streams", defaultValue = "50", description = "Streams per platform. Default: ${DEFAULT-VALUE}")
    int streams;

    @Option(
            names = "--zipf",
            defaultValue = "1.1",
            description = "Zipf exponent of stream popularity. Default: ${DEFAULT-VALUE}")
    double zipf;

    @Option(
            names = "--traffic",
            defaultValue = "realistic",
            description =
                    "realistic: genre chat of popular phrases typed verbatim by many viewers, with injected floods and spam campaigns; "
                            + "synthetic: varied sentences with a flood and a campaign every 5 s (before issue 12). Default: ${DEFAULT-VALUE}")
    String traffic;

    @Option(
            names = "--violations",
            defaultValue = "0.05",
            description = "Share of violating comments. Default: ${DEFAULT-VALUE}")
    double violations;

    @Option(
            names = "--floods-per-minute",
            defaultValue = "6",
            description = "User floods injected per minute (realistic traffic). Default: ${DEFAULT-VALUE}")
    double floodsPerMinute;

    @Option(
            names = "--campaigns-per-minute",
            defaultValue = "6",
            description = "Spam campaigns injected per minute (realistic traffic). Default: ${DEFAULT-VALUE}")
    double campaignsPerMinute;

    @Option(
            names = "--max-benign-flag-rate",
            defaultValue = "0.01",
            description = "Verdict: most flags per benign comment. Default: ${DEFAULT-VALUE}")
    double maxBenignFlagRate;

    @Option(
            names = "--max-benign-alerts",
            defaultValue = "0",
            description = "Verdict: most alerts on benign chat. Default: ${DEFAULT-VALUE}")
    long maxBenignAlerts;

    @Option(
            names = "--min-campaign-recall",
            defaultValue = "0.99",
            description = "Verdict: least share of spam campaigns alerted in time. Default: ${DEFAULT-VALUE}")
    double minCampaignRecall;

    @Option(
            names = "--campaign-alert-within",
            defaultValue = "10s",
            description =
                    "Verdict: \"in time\" for a campaign alert, from reaching 3 streams or 2 platforms. Default: ${DEFAULT-VALUE}")
    String campaignAlertWithin;

    @Option(
            names = "--min-flood-recall",
            defaultValue = "0.99",
            description = "Verdict: least share of user floods flagged. Default: ${DEFAULT-VALUE}")
    double minFloodRecall;

    @Option(
            names = "--websocket",
            defaultValue = "0",
            description = "Share of batches sent over WebSocket. Default: ${DEFAULT-VALUE}")
    double websocket;

    @Option(
            names = "--batches-per-second",
            defaultValue = "auto",
            description =
                    "Open-loop ticks per second (one batch per platform each), or auto: about 20 comments a tick, 10..100 ticks a second. Default: ${DEFAULT-VALUE}")
    String batchesPerSecond;

    @Option(names = "--connections", defaultValue = "16", description = "HTTP connections. Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = "--no-floods", description = "Leave out the injected floods and campaigns")
    boolean noFloods;

    @Option(
            names = "--ceiling",
            description = "First measure the raw Kafka producer rate against the same broker (10 s)")
    boolean ceiling;

    @Option(
            names = "--report-dir",
            defaultValue = "reports",
            description = "Where JSON and HTML reports go. Default: ${DEFAULT-VALUE}")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        String b = KafkaCheck.validAddress(bootstrap);
        LoadConfig config;
        try {
            config = new LoadConfig(
                            target,
                            b,
                            rate,
                            parse("--duration", duration),
                            parse("--warmup", warmup),
                            List.of(
                                    new LoadConfig.PlatformCredentials(
                                            Platforms.DEMO_GAPO, Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO)),
                                    new LoadConfig.PlatformCredentials(
                                            Platforms.DEMO_VNG, Platforms.DEMO_SECRETS.get(Platforms.DEMO_VNG))),
                            streams,
                            zipf,
                            websocket,
                            ticks(),
                            connections,
                            42L,
                            new LoadConfig.Traffic(
                                    LoadConfig.Mode.fromWire(traffic),
                                    violations,
                                    noFloods ? 0 : floodsPerMinute,
                                    noFloods ? 0 : campaignsPerMinute),
                            new LoadConfig.Thresholds(
                                    maxBenignFlagRate,
                                    maxBenignAlerts,
                                    minCampaignRecall,
                                    parse("--campaign-alert-within", campaignAlertWithin),
                                    minFloodRecall))
                    .validate();
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        if (ceiling) {
            ProducerCeiling.Result c = ProducerCeiling.measure(b, Duration.ofSeconds(10));
            System.out.printf(
                    "raw producer ceiling: %.0f records/s (%d records of %d bytes in %.1f s, acks=all, idempotent, lz4)%n",
                    c.recordsPerSecond(), c.records(), c.recordBytes(), c.seconds());
        }
        LoadResult result = new LoadRun(config, Clock.systemUTC(), System.out::println).run();
        System.out.println(result.summary());
        System.out.println("report: " + Report.write(result, reportDir).toAbsolutePath());
        return result.passed() ? 0 : 3;
    }

    private int ticks() {
        if ("auto".equalsIgnoreCase(batchesPerSecond.trim())) return LoadConfig.autoBatchesPerSecond(rate);
        try {
            return Integer.parseInt(batchesPerSecond.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "batches-per-second: expected a number or auto, got '" + batchesPerSecond + "'");
        }
    }

    static Duration parse(String option, String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a duration like 60s or 2m, got '" + s + "'");
        }
    }
}
