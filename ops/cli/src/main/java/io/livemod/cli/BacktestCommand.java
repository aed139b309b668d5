package io.livemod.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.backtest.CommentsBacktest;
import io.livemod.event.RuleSetRecord;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.livemod.server.KafkaCheck;
import io.livemod.server.StartupException;
import io.livemod.topology.RulesPublisher;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livemod rules backtest}: a candidate rule set against the live one (the newest on the rules
 * topic, else the built-in pack) on the comments the comments topic received between two times;
 * prints the per-rule difference of flags with samples ({@link BacktestText}), or the JSON of
 * {@code POST /v1/rules/backtest} with {@code --json}. The logic is {@link CommentsBacktest}.
 */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Run a candidate rule set and the live one on retained comments and show, per rule,",
            "what the candidate would flag that the live version did not, and the reverse."
        })
final class BacktestCommand implements Callable<Integer> {
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhd])");

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TIME",
            description = "Start: RFC 3339 (2026-12-01T08:00:00+07:00) or a duration back from now (90m, 6h, 2d).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End, as --from (default: now).")
    String to;

    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The candidate rule file.")
    Path rules;

    @Option(
            names = "--bootstrap",
            defaultValue = "127.0.0.1:9092",
            paramLabel = "H:P",
            description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE} (the broker of `livemod run`).")
    String bootstrap;

    @Option(names = "--platform", description = "Only this platform's comments.")
    String platform;

    @Option(
            names = "--samples",
            defaultValue = "3",
            description = "Sample comments per rule and direction, 0..20. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(
            names = "--limit",
            defaultValue = "1000000",
            description = "Read at most this many comments. Default: ${DEFAULT-VALUE}.")
    long limit;

    @Option(names = "--json", description = "Print the report as JSON (the shape of POST /v1/rules/backtest).")
    boolean json;

    Clock clock = Clock.systemUTC();
    PrintStream out =
            new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        Instant end = to == null ? clock.instant() : time("--to", to);
        Instant start = time("--from", from);
        if (!start.isBefore(end))
            throw new StartupException("--from: must be before --to (" + start + " is not before " + end + ")");
        if (samples < 0 || samples > CommentsBacktest.MAX_SAMPLES)
            throw new StartupException("--samples: must be 0.." + CommentsBacktest.MAX_SAMPLES);
        if (limit < 1 || limit > CommentsBacktest.MAX_COMMENTS)
            throw new StartupException("--limit: must be 1.." + CommentsBacktest.MAX_COMMENTS);
        RuleSet candidate;
        try {
            candidate = RuleSetLoader.load(rules);
        } catch (RuleSetException e) {
            throw new StartupException("--rules: " + e.getMessage());
        }
        String b = KafkaCheck.validAddress(bootstrap);
        KafkaCheck.reach(b);
        Optional<RuleSetRecord> active = RulesPublisher.active(b);
        RuleSet live;
        try {
            live = active.isPresent()
                    ? RuleSetLoader.parse(
                            "live " + active.get().version(), active.get().source())
                    : RuleSetLoader.defaults();
        } catch (RuleSetException e) {
            throw new StartupException("the live rule set on the rules topic does not parse: " + e.getMessage());
        }
        JsonNode report = CommentsBacktest.run(
                b,
                CompiledRuleSet.compile(live),
                compileOrExplain(candidate),
                new CommentsBacktest.Request(start, end, platform, samples, limit, Duration.ofMinutes(30)),
                clock);
        if (json)
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        else BacktestText.print(report, active.isEmpty(), out);
        return 0;
    }

    private CompiledRuleSet compileOrExplain(RuleSet candidate) {
        try {
            return CompiledRuleSet.compile(candidate);
        } catch (IllegalArgumentException e) {
            throw new StartupException("--rules: " + e.getMessage());
        }
    }

    /** RFC 3339, or a duration back from now ("90m", "6h", "2d"). */
    Instant time(String option, String value) {
        Matcher ago = AGO.matcher(value.trim());
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d =
                    switch (ago.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
            return clock.instant().minus(d);
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new StartupException(
                    option + ": '" + value + "' is not a time (RFC 3339 like 2026-12-01T08:00:00+07:00, "
                            + "or a duration back from now like 6h)");
        }
    }
}
