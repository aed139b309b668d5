package io.livemod.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every evasion of every term of a rule set is still caught by that term's rule; changing a
 * syllable's tone mark makes another word that is not.
 */
class EvasionProperties {
    /** The terms of the default pack's live keyword rules, with their rule. */
    private static final RuleSet PACK = RuleSetLoader.defaults();
    private static final CompiledRuleSet DEFAULTS = CompiledRuleSet.compile(PACK);

    /** A profanity list written with marks, for the tone properties (each term alone in its own rule). */
    private static final List<String> MARKED = List.of("địt mẹ", "cặc", "lồn", "đĩ", "đụ má", "buồi", "đéo", "óc chó",
            "con mẹ mày", "súc vật", "khốn nạn", "mất dạy", "chó đẻ", "đầu buồi", "cứt", "nứng", "tài xỉu", "nhà cái",
            "cá độ", "lừa đảo", "giết mày", "ngu");

    @Provide
    Arbitrary<Tuple3<Rule, String, String>> evasions() {
        List<Tuple.Tuple2<Rule, String>> pairs = new ArrayList<>();
        for (Rule r : PACK.rules()) {
            if (r.kind() == RuleKind.KEYWORD && r.state() != RuleState.OFF) r.terms().forEach(t -> pairs.add(Tuple.of(r, t)));
        }
        return Combinators.combine(Arbitraries.of(pairs), Arbitraries.of(Evasions.KINDS), Arbitraries.longs())
                .as((p, kind, seed) -> Tuple.of(p.get1(), p.get2(), kind + ":" + seed));
    }

    @Property(tries = 3000)
    void everyEvasionOfEveryDefaultTermIsCaught(@ForAll("evasions") Tuple3<Rule, String, String> c) {
        Rule rule = c.get1();
        String term = c.get2();
        String kind = c.get3().substring(0, c.get3().indexOf(':'));
        Random random = new Random(Long.parseLong(c.get3().substring(kind.length() + 1)));
        if (kind.equals("unaccented") && !rule.unaccented()) return; // the rule asks for marks
        if (kind.equals("spaced") && rule.match() == MatchMode.WORD && term.contains(" ")) return; // word mode keeps words
        if (kind.equals("spaced") && spelledOut(term)) return; // "pê đê" is itself letter names: it becomes "pđ"
        if (kind.equals("spaced") && term.matches(".*(\\p{L}) \\1.*")) return; // "i m m ẹ" reads as one stretched m
        String text = Evasions.apply(kind, term, random);
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        List<Match> all = new ArrayList<>(v.matches());
        all.addAll(v.shadowMatches());
        assertThat(all).as("%s evasion '%s' of '%s' (rule %s)", kind, text, term, rule.id())
                .anyMatch(m -> m.rule().equals(rule.id()));
    }

    @Property(tries = 1000)
    void mixedEvasionsOfMarkedTermsAreCaught(@ForAll("marked") String term, @ForAll long seed) {
        Random r = new Random(seed);
        String text = term;
        for (String kind : new String[] {"unaccented", "case", "repeat", "lookalike", "leet", "invisible", "separator"}) {
            if (r.nextBoolean()) text = Evasions.apply(kind, text, r);
        }
        assertThat(single(term).evaluate(text, Scope.ANY).flagged()).as("'%s' for '%s'", text, term).isTrue();
    }

    @Property(tries = 1000)
    void anotherToneIsAnotherWord(@ForAll("marked") String term, @ForAll long seed) {
        String other = Evasions.otherTone(term, new Random(seed));
        if (other == null || other.equals(term)) return;
        assertThat(single(term).evaluate(other, Scope.ANY).flagged()).as("'%s' must not match '%s'", other, term).isFalse();
    }

    @Property(tries = 200)
    void knownCollisionsAreNotHits(@ForAll("collisions") String text) {
        Verdict v = DEFAULTS.evaluate(text, Scope.ANY);
        assertThat(v.matches()).as(text).isEmpty();
    }

    @Provide
    Arbitrary<String> marked() {
        return Arbitraries.of(MARKED);
    }

    @Provide
    Arbitrary<String> collisions() {
        return Arbitraries.of("các bạn ơi", "đi chơi không", "lộn xộn quá", "các", "đi", "lộn", "đĩa nhạc", "cặp sách",
                "lớn rồi", "buổi sáng", "đèo cao", "đủ rồi", "cũng được", "khung hình", "cam kết", "ham học");
    }

    private static boolean spelledOut(String term) {
        var t = io.livemod.rules.text.Normalizer.standard().normalize(term);
        for (int i = 0; i < t.length(); i++) if ((t.steps(i) & io.livemod.rules.text.Steps.SPELLED) != 0) return true;
        return false;
    }

    private static final java.util.Map<String, CompiledRuleSet> SINGLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static CompiledRuleSet single(String term) {
        return SINGLES.computeIfAbsent(term, t -> CompiledRuleSet.compile(new RuleSet("one", List.of(
                Rule.keyword("one", Category.PROFANITY, Severity.HIGH, MatchMode.PHRASE, List.of(t))), null)));
    }
}
