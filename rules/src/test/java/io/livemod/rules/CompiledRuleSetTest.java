package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledRuleSetTest {
    private static CompiledRuleSet compile(Rule... rules) {
        return CompiledRuleSet.compile(new RuleSet("test-1", List.of(rules), null));
    }

    private static Rule kw(String id, MatchMode mode, String... terms) {
        return Rule.keyword(id, Category.PROFANITY, Severity.HIGH, mode, List.of(terms));
    }

    @Test
    void matchReportsRuleTermOffsetsAndSteps() {
        CompiledRuleSet c = compile(kw("p", MatchMode.PHRASE, "địt mẹ"));
        String text = "ôi Đ.M mày";
        Verdict v = c.evaluate(text, Scope.ANY);
        assertThat(v.flagged()).isTrue();
        assertThat(v.rulesVersion()).isEqualTo("test-1");
        Match m = v.matches().get(0);
        assertThat(m.rule()).isEqualTo("p");
        assertThat(m.kind()).isEqualTo(RuleKind.KEYWORD);
        assertThat(m.term()).isEqualTo("địt mẹ");
        assertThat(text.substring(m.start(), m.end())).isEqualTo("Đ.M");
        assertThat(m.steps()).contains("case", "separator", "teencode");
    }

    @Test
    void wordModeNeedsBoundariesAndTheTermsWordBreaks() {
        CompiledRuleSet c = compile(kw("w", MatchMode.WORD, "ngu", "con mẹ"));
        assertThat(c.evaluate("thằng ngu", Scope.ANY).flagged()).isTrue();
        assertThat(c.evaluate("nguyễn", Scope.ANY).flagged()).isFalse();
        assertThat(c.evaluate("con mẹ nó", Scope.ANY).flagged()).isTrue();
        assertThat(c.evaluate("conmẹ", Scope.ANY).flagged()).isFalse();
    }

    @Test
    void phraseModeAllowsWordsRunTogetherButNotSplitWords() {
        CompiledRuleSet c = compile(kw("p", MatchMode.PHRASE, "con mẹ", "lồn"));
        assertThat(c.evaluate("conmẹ", Scope.ANY).flagged()).isTrue();
        assertThat(c.evaluate("con mẹ", Scope.ANY).flagged()).isTrue();
        assertThat(c.evaluate("lồ n", Scope.ANY).flagged()).isFalse(); // two words, not one
        assertThat(c.evaluate("lồ.n", Scope.ANY).flagged()).isTrue(); // a separator inside one
    }

    @Test
    void prefixAndSubstringModes() {
        CompiledRuleSet prefix = compile(kw("x", MatchMode.PREFIX, "casino"));
        assertThat(prefix.evaluate("casinoonline", Scope.ANY).flagged()).isTrue();
        assertThat(prefix.evaluate("vuacasino", Scope.ANY).flagged()).isFalse();
        CompiledRuleSet sub = compile(kw("x", MatchMode.SUBSTRING, "casino"));
        assertThat(sub.evaluate("vuacasinoonline", Scope.ANY).flagged()).isTrue();
    }

    @Test
    void allowTermsOverrideTheHitsTheyContain() {
        CompiledRuleSet c = compile(kw("p", MatchMode.SUBSTRING, "cặc").withAllow(List.of("cặc bặc")));
        assertThat(c.evaluate("nói cặc bặc", Scope.ANY).flagged()).isFalse();
        assertThat(c.evaluate("cặc bặc và cặc", Scope.ANY).matches()).hasSize(1);
        CompiledRuleSet global = CompiledRuleSet.compile(
                new RuleSet("g", List.of(kw("p", MatchMode.WORD, "cặc")), null, List.of("cac ban"), null, null));
        assertThat(global.evaluate("cac ban oi", Scope.ANY).flagged()).isFalse();
        assertThat(global.evaluate("cac", Scope.ANY).flagged()).isTrue();
    }

    @Test
    void shadowRulesAreReportedApartAndOffRulesNotAtAll() {
        CompiledRuleSet c = compile(
                kw("s", MatchMode.WORD, "ngu").withState(RuleState.SHADOW),
                kw("o", MatchMode.WORD, "ngu").withState(RuleState.OFF));
        Verdict v = c.evaluate("ngu", Scope.ANY);
        assertThat(v.flagged()).isFalse();
        assertThat(v.shadowMatches()).extracting(Match::rule).containsExactly("s");
    }

    @Test
    void scopedRulesApplyOnlyWhereScoped() {
        CompiledRuleSet c = compile(
                kw("t", MatchMode.WORD, "ngu").withScope(Set.of("tiktok"), Set.of()),
                kw("s", MatchMode.WORD, "đần").withScope(Set.of(), Set.of("live-42")));
        assertThat(c.evaluate("ngu", new Scope("tiktok", "x")).flagged()).isTrue();
        assertThat(c.evaluate("ngu", new Scope("youtube", "x")).flagged()).isFalse();
        assertThat(c.evaluate("ngu", Scope.ANY).flagged()).isFalse();
        assertThat(c.evaluate("đần", new Scope("youtube", "live-42")).flagged()).isTrue();
        assertThat(c.evaluate("đần", new Scope("youtube", "live-7")).flagged()).isFalse();
    }

    @Test
    void aRuleSwitchedOffOnAPlatformAppliesEverywhereElse() {
        CompiledRuleSet c = compile(
                kw("t", MatchMode.WORD, "ngu").withExceptPlatforms(Set.of("calm")),
                kw("u", MatchMode.WORD, "đần")
                        .withScope(Set.of("calm", "loud"), Set.of())
                        .withExceptPlatforms(Set.of("calm")));
        assertThat(c.evaluate("ngu", new Scope("calm", "x")).flagged()).isFalse();
        assertThat(c.evaluate("ngu", new Scope("loud", "x")).flagged()).isTrue();
        assertThat(c.evaluate("ngu", Scope.ANY).flagged()).isTrue(); // an unknown platform is not the one switched off
        assertThat(c.evaluate("đần", new Scope("calm", "x")).flagged()).isFalse(); // the exception wins over the scope
        assertThat(c.evaluate("đần", new Scope("loud", "x")).flagged()).isTrue();
    }

    @Test
    void aHitInsideALongerHitOfTheSameRuleIsDropped() {
        CompiledRuleSet c = compile(kw("p", MatchMode.PHRASE, "địt", "địt mẹ"), kw("q", MatchMode.PHRASE, "địt"));
        Verdict v = c.evaluate("địt mẹ", Scope.ANY);
        assertThat(v.matches())
                .extracting(Match::rule, Match::term)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("p", "địt mẹ"),
                        org.assertj.core.groups.Tuple.tuple("q", "địt"));
    }

    @Test
    void strongestIsTheMostSevereMatch() {
        CompiledRuleSet c = compile(
                Rule.keyword("low", Category.PROFANITY, Severity.LOW, MatchMode.WORD, List.of("ngu")),
                Rule.keyword("crit", Category.VIOLENCE, Severity.CRITICAL, MatchMode.PHRASE, List.of("giết mày")));
        assertThat(c.evaluate("ngu thì giết mày", Scope.ANY).strongest())
                .get()
                .extracting(Match::rule)
                .isEqualTo("crit");
    }

    @Test
    void patternRulesRunOnTheFoldedTextWithOriginalOffsets() {
        CompiledRuleSet c =
                compile(Rule.pattern("phone", Category.SCAM, Severity.MEDIUM, "(?:\\+?84|0)(?:[ .-]?\\d){9}"));
        String text = "gọi ０９８７ 654\u200B321 nha";
        Verdict v = c.evaluate(text, Scope.ANY);
        assertThat(v.matches()).hasSize(1);
        Match m = v.matches().get(0);
        assertThat(m.kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("０９８７ 654\u200B321");
        assertThat(m.steps()).contains("fullwidth", "invisible");
    }

    @Test
    void unsafePatternsAreRefusedAtCompileTime() {
        assertThatThrownBy(() -> compile(Rule.pattern("bad", Category.SCAM, Severity.LOW, "(a+)+b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested quantifiers");
    }

    @Test
    void nullEmptyAndHugeTextsAreFine() {
        CompiledRuleSet c = compile(kw("p", MatchMode.WORD, "ngu"));
        assertThat(c.evaluate(null, Scope.ANY).flagged()).isFalse();
        assertThat(c.evaluate("", null).flagged()).isFalse();
        String huge = "ngu ".repeat(25_000);
        assertThat(c.evaluate(huge, Scope.ANY).matches()).hasSize(25_000);
    }

    @Test
    void canonicalIsTheSameForEvasionsOfOneMessage() {
        assertThat(CompiledRuleSet.canonical("Mua NGAY tại fb88!!!"))
                .isEqualTo(CompiledRuleSet.canonical("mua ngay tai fb88"))
                .isEqualTo(CompiledRuleSet.canonical("ｍｕａ  ngayyyy tại f.b.8.8"));
        assertThat(CompiledRuleSet.canonical("các bạn")).isEqualTo(CompiledRuleSet.canonical("cac ban"));
        assertThat(CompiledRuleSet.canonical("mua ngay")).isNotEqualTo(CompiledRuleSet.canonical("mua sau"));
    }
}
