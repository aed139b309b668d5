package io.livemod.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The logic of {@code livemod rules test} and {@code livemod rules check}, on streams so it can be
 * tested without a process. Input bytes are decoded with replacement, so invalid UTF-8, empty lines
 * and 100 kB lines all produce a verdict instead of an exception. Lines end at '\n' (a '\r' before
 * it is dropped).
 */
public final class RulesTool {
    private RulesTool() {}

    /**
     * One NDJSON verdict per input line. A line is NDJSON {@code {"id":..,"text":..}} (optionally
     * {@code "platform"}, {@code "streamId"}) or plain text, whose id is its line number (from 1).
     * With {@code explain}: match steps, shadow matches and the normalized text. Streams: lines are
     * evaluated on {@code threads} threads in batches and written in order, flushed whenever the input
     * has nothing more ready ({@link RulesTestStream}). Returns the exit code.
     */
    public static int test(
            InputStream in, OutputStream out, CompiledRuleSet rules, Scope scope, boolean explain, int threads)
            throws IOException {
        new RulesTestStream(rules, scope, explain, threads).run(in, out);
        return 0;
    }

    /** {@link #test(InputStream, OutputStream, CompiledRuleSet, Scope, boolean, int)} on every core. */
    public static int test(InputStream in, OutputStream out, CompiledRuleSet rules, Scope scope, boolean explain)
            throws IOException {
        return test(in, out, rules, scope, explain, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Validates a rule file: 0 and a one-line summary on {@code out}, or 1 and the
     * "file:line: field: reason" line on {@code err}.
     */
    public static int check(Path file, Writer out, Writer err) {
        PrintWriter o = new PrintWriter(out, true), e = new PrintWriter(err, true);
        try {
            RuleSet rs = RuleSetLoader.load(file);
            CompiledRuleSet compiled = CompiledRuleSet.compile(rs);
            long keyword = rs.rules().stream()
                    .filter(r -> r.kind() == RuleKind.KEYWORD)
                    .count();
            o.printf(
                    "%s: ok: version %s, %d rules (%d keyword, %d pattern), %d terms, %d automaton states%n",
                    file,
                    rs.version(),
                    rs.rules().size(),
                    keyword,
                    rs.rules().size() - keyword,
                    rs.termCount(),
                    compiled.automatonStates());
            return 0;
        } catch (RuleSetException ex) {
            e.println(ex.getMessage());
            return 1;
        } catch (IllegalArgumentException ex) {
            e.println(file + ": " + ex.getMessage());
            return 1;
        }
    }
}
