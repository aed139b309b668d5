package io.livemod.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetLoader;
import io.livemod.rules.Scope;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Precision, recall and F1 of a rule set on a ViHSD split ({@code free_text,label_id}; label_id >= 1
 * counts as toxic), beside the plain baseline: the vn-badwords list matched on word boundaries after
 * NFC and lower case. The data is never shipped; point this at a local copy:
 * <pre>
 * java -cp loadtest/target/benchmarks.jar io.livemod.bench.ViHsdEvaluation /work/shared/data/vihsd/dev.csv \
 *     [--lexicon /work/shared/data/lexicons/vn-badwords-vi.json] [--rules FILE] [--errors N]
 * </pre>
 * {@code --errors N} prints N missed and N false hits of the rule set, and {@code --per-term N} the N
 * terms with the most false hits and their hit counts: curation aids, use them on train only.
 * {@code --switch-off RULE[,RULE]} reads the comments as a platform that turned those rules off with
 * the pack's per-platform switch ({@code exceptPlatforms}): ViHSD's annotators call most vulgar
 * intensifiers clean, a platform may too.
 */
public final class ViHsdEvaluation {
    /** The platform the comments are read as (only the switch looks at it). */
    private static final String PLATFORM = "vihsd";

    private ViHsdEvaluation() {}

    record Score(String name, int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-28s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)",
                    name,
                    precision(),
                    recall(),
                    f1(),
                    tp,
                    fp,
                    fn,
                    tn);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println(
                    "usage: ViHsdEvaluation CSV [--lexicon JSON] [--rules FILE] [--errors N] [--per-term N] [--switch-off RULE,..]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        Path lexicon = Path.of("/work/shared/data/lexicons/vn-badwords-vi.json");
        RuleSet rules = RuleSetLoader.defaults();
        int errors = 0, perTerm = 0;
        java.util.Set<String> switchedOff = java.util.Set.of();
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--lexicon" -> lexicon = Path.of(args[i + 1]);
                case "--rules" -> rules = RuleSetLoader.load(Path.of(args[i + 1]));
                case "--errors" -> errors = Integer.parseInt(args[i + 1]);
                case "--per-term" -> perTerm = Integer.parseInt(args[i + 1]);
                case "--switch-off" -> switchedOff = java.util.Set.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> texts = new ArrayList<>();
        List<Boolean> toxic = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<List<String>> rows = Csv.read(in);
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() < 2) continue;
                texts.add(row.get(0));
                toxic.add(Integer.parseInt(row.get(row.size() - 1).trim()) >= 1);
            }
        }
        java.util.Set<String> off = switchedOff;
        for (String id : off) {
            if (rules.rules().stream().noneMatch(r -> r.id().equals(id)))
                throw new IllegalArgumentException("--switch-off: no rule " + id);
        }
        rules = new RuleSet(
                rules.version(),
                rules.rules().stream()
                        .map(r -> off.contains(r.id()) ? r.withExceptPlatforms(java.util.Set.of(PLATFORM)) : r)
                        .toList(),
                rules.rates(),
                rules.allow(),
                rules.teencode(),
                null);
        Scope where = new Scope(PLATFORM, null);
        CompiledRuleSet engine = CompiledRuleSet.compile(rules);
        Pattern baseline = baseline(lexicon);
        int[] e = new int[4], b = new int[4];
        List<String> missed = new ArrayList<>(), wrong = new ArrayList<>();
        java.util.Map<String, int[]> terms = new java.util.TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            var verdict = engine.evaluate(t, where);
            boolean hit = verdict.flagged();
            count(e, hit, toxic.get(i));
            final boolean actual = toxic.get(i);
            verdict.matches().stream()
                    .map(m -> m.rule() + ":" + m.term())
                    .distinct()
                    .forEach(k -> terms.computeIfAbsent(k, x -> new int[2])[actual ? 0 : 1]++);
            count(
                    b,
                    baseline.matcher(
                                    Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
                            .find(),
                    toxic.get(i));
            if (toxic.get(i) && !hit && missed.size() < errors) missed.add(t);
            if (!toxic.get(i) && hit && wrong.size() < errors) {
                wrong.add(t + "   <= "
                        + verdict.matches().stream()
                                .map(m -> m.rule() + ":" + m.term())
                                .collect(Collectors.joining(", ")));
            }
        }
        System.out.println(csv + ": " + texts.size() + " comments, "
                + toxic.stream().filter(x -> x).count() + " toxic (label_id >= 1)");
        System.out.println(new Score("vn-badwords word match", b[0], b[1], b[2], b[3]));
        System.out.println(new Score(
                "livemod " + rules.version() + (off.isEmpty() ? "" : " off: " + String.join(",", off)),
                e[0],
                e[1],
                e[2],
                e[3]));
        if (perTerm > 0) {
            System.out.println("-- terms by false hits (true hits / false hits):");
            terms.entrySet().stream()
                    .sorted((x, y) -> y.getValue()[1] - x.getValue()[1])
                    .limit(perTerm)
                    .forEach(t ->
                            System.out.println("  " + t.getKey() + "  " + t.getValue()[0] + " / " + t.getValue()[1]));
        }
        if (errors > 0) {
            System.out.println("-- missed:");
            missed.forEach(m -> System.out.println("  " + m));
            System.out.println("-- false hits:");
            wrong.forEach(m -> System.out.println("  " + m));
        }
    }

    private static void count(int[] c, boolean predicted, boolean actual) {
        c[predicted ? (actual ? 0 : 1) : (actual ? 2 : 3)]++;
    }

    /** The plain baseline: every list entry as a literal between non-word chars, after NFC and lower case. */
    static Pattern baseline(Path lexicon) throws Exception {
        List<String> words = new ObjectMapper()
                .readValue(lexicon.toFile(), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
        String alternation = words.stream()
                .map(w -> Normalizer.normalize(w, Normalizer.Form.NFC)
                        .toLowerCase(Locale.ROOT)
                        .trim())
                .filter(w -> !w.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternation + ")(?![\\p{L}\\p{N}_])");
    }
}
