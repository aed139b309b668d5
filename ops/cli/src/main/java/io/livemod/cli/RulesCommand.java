package io.livemod.cli;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.RulesTool;
import io.livemod.rules.Scope;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code livemod rules}: try a rule set on comments, or validate a rule file. The logic lives in
 * {@link RulesTool} (rules module), where it is tested; this class only maps the command line.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description =
                "Test comments against a rule set, validate a rule file, or backtest a candidate on retained comments.",
        subcommands = {RulesCommand.Test.class, RulesCommand.Check.class, BacktestCommand.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: test, check or backtest");
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Read comments on stdin (plain text or NDJSON {\"id\":..,\"text\":..}, one per line)",
                "and print one NDJSON verdict per line."
            })
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "FILE", description = "Rule file (default: the built-in pack).")
        Path rules;

        @Option(names = "--explain", description = "Also print steps, shadow matches and the normalized text.")
        boolean explain;

        @Option(names = "--platform", description = "Platform the comments come from (for scoped rules).")
        String platform;

        @Option(names = "--stream", description = "Stream id the comments come from (for scoped rules).")
        String stream;

        @Option(names = "--threads", paramLabel = "N", description = "Threads evaluating lines (default: the cores).")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            RuleSet rs;
            try {
                rs = rules == null ? RuleSetLoader.defaults() : RuleSetLoader.load(rules);
            } catch (RuleSetException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            if (threads != null && threads < 1) {
                throw new ParameterException(spec.commandLine(), "--threads: must be at least 1");
            }
            // Straight to the file descriptor: the tool writes whole batches and flushes itself.
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            return RulesTool.test(
                    new FileInputStream(FileDescriptor.in),
                    out,
                    CompiledRuleSet.compile(rs),
                    new Scope(platform, stream),
                    explain,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Validate a rule file: a one-line summary, or file:line: field: reason and exit 1.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            return RulesTool.check(
                    file,
                    new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                    new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        }
    }
}
