package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetLoaderTest {
    private static final String GOOD = """
            version: "v1"
            allow: ["các bạn"]
            teencode: {ncc: "nhà cái"}
            rates:
              userFlood: {count: 7, window: 15s}
              offenderLong: {window: 60d}
            rules:
              - id: p1
                category: profanity
                severity: high
                match: phrase
                terms: ["địt mẹ", "lồn"]
                allow: ["lồn bia"]
                platforms: [tiktok]
              - id: phone
                kind: pattern
                category: scam
                state: shadow
                pattern: '0\\d{9}'
            """;

    @Test
    void readsEveryField() throws RuleSetException {
        RuleSet rs = RuleSetLoader.parse("good.yaml", GOOD);
        assertThat(rs.version()).isEqualTo("v1");
        assertThat(rs.allow()).containsExactly("các bạn");
        assertThat(rs.teencode()).containsEntry("ncc", "nhà cái");
        Rule p1 = rs.rules().get(0);
        assertThat(p1.kind()).isEqualTo(RuleKind.KEYWORD);
        assertThat(p1.severity()).isEqualTo(Severity.HIGH);
        assertThat(p1.match()).isEqualTo(MatchMode.PHRASE);
        assertThat(p1.terms()).containsExactly("địt mẹ", "lồn");
        assertThat(p1.allow()).containsExactly("lồn bia");
        assertThat(p1.platforms()).containsExactly("tiktok");
        assertThat(p1.line()).isEqualTo(8);
        Rule phone = rs.rules().get(1);
        assertThat(phone.kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(phone.state()).isEqualTo(RuleState.SHADOW);
        assertThat(phone.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rs.rates().userFloodCount()).isEqualTo(7);
        assertThat(rs.rates().userFloodWindow()).isEqualTo(Duration.ofSeconds(15));
        assertThat(rs.rates().offenderLongWindow()).isEqualTo(Duration.ofDays(60));
        assertThat(rs.rates().offenderLongCount()).isEqualTo(RateLimits.DEFAULTS.offenderLongCount());
        assertThat(rs.rates().duplicateWindow()).isEqualTo(RateLimits.DEFAULTS.duplicateWindow());
    }

    @Test
    void ruleSetTeencodeIsUsedWhenMatching() throws RuleSetException {
        CompiledRuleSet c =
                CompiledRuleSet.compile(RuleSetLoader.parse("g", GOOD.replace("\"lồn\"]", "\"lồn\", \"nhà cái\"]")));
        assertThat(c.evaluate("vào ncc đi", new Scope("tiktok", null)).flagged())
                .isTrue();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '#',
            value = {
                "severity: high # severity: hgh # bad.yaml:10: rules[0].severity: unknown value 'hgh' (one of: low, medium, high, critical)",
                "category: profanity # categry: profanity # bad.yaml:9: rules[0].categry: unknown field",
                "match: phrase # match: fuzzy # bad.yaml:11: rules[0].match: unknown value 'fuzzy'",
                "pattern: '0\\d{9}' # pattern: '(\\d+)+$' # bad.yaml:19: rules[1].pattern: nested quantifiers",
                "pattern: '0\\d{9}' # pattern: '(0' # bad.yaml:19: rules[1].pattern: invalid regex",
                "id: phone # id: p1 # bad.yaml:15: rules[1].id: duplicate id 'p1' (first on line 8)",
                "version: \"v1\" # version: \"\" # bad.yaml:1: version: must not be empty",
                "count: 7, window: 15s # count: 0, window: 15s # bad.yaml:5: rates.userFlood.count: must be at least 1",
                "count: 7, window: 15s # count: 7, window: soon # bad.yaml:5: rates.userFlood.window: expected a positive duration",
                "terms: [\"địt mẹ\", \"lồn\"] # terms: [] # bad.yaml:12: rules[0].terms: must list at least one term",
                "terms: [\"địt mẹ\", \"lồn\"] # terms: [\"địt mẹ\", \"!!!\"] # bad.yaml:12: rules[0].terms[1]: '!!!' has no letters or digits",
                "state: shadow # state: paused # bad.yaml:18: rules[1].state: unknown value 'paused'",
                "kind: pattern # kind: regex # bad.yaml:16: rules[1].kind: unknown value 'regex'"
            })
    void errorsSayFileLineFieldAndReason(String from, String to, String expected) {
        assertThat(GOOD).contains(from.strip());
        String bad = GOOD.replace(from.strip(), to.strip());
        assertThatThrownBy(() -> RuleSetLoader.parse("bad.yaml", bad))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(expected.strip());
    }

    @Test
    void structuralErrorsToo() {
        assertThatThrownBy(() -> RuleSetLoader.parse("x.yaml", "")).hasMessage("x.yaml:1: empty file");
        assertThatThrownBy(() -> RuleSetLoader.parse("x.yaml", "version: v\nrules: [\n"))
                .hasMessageMatching("x\\.yaml:[23]: not valid YAML: .*");
        assertThatThrownBy(() -> RuleSetLoader.parse("x.yaml", "version: v\n")).hasMessage("x.yaml:1: rules: required");
        assertThatThrownBy(() -> RuleSetLoader.parse("x.yaml", "version: v\nrules:\n  - id: a\n    terms: [x]\n"))
                .hasMessage("x.yaml:3: rules[0].category: required");
        assertThatThrownBy(() -> RuleSetLoader.parse("x.yaml", "version: v\nversion: w\nrules: []\n"))
                .hasMessage("x.yaml:2: version: duplicate key (first on line 1)");
        RuleSetException e = org.junit.jupiter.api.Assertions.assertThrows(
                RuleSetException.class,
                () -> RuleSetLoader.parse(
                        "x.yaml",
                        "version: v\nrules:\n  - id: a\n    category: scam\n    kind: pattern\n    terms: [x]\n"));
        assertThat(e.source()).isEqualTo("x.yaml");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("rules[0].terms");
    }

    @Test
    void exceptPlatformsIsThePerPlatformSwitch() throws RuleSetException {
        RuleSet rs = RuleSetLoader.parse(
                "s.yaml", GOOD.replace("    platforms: [tiktok]\n", "    exceptPlatforms: [calm, quiet]\n"));
        assertThat(rs.rules().get(0).exceptPlatforms()).containsExactlyInAnyOrder("calm", "quiet");
        assertThat(rs.rules().get(0).platforms()).isEmpty();
        RuleSet back = RuleSetLoader.parse(
                "back.yaml", RuleSetLoader.toYaml(new RuleSet(rs.version(), rs.rules(), rs.rates())));
        assertThat(back.rules().get(0).exceptPlatforms()).containsExactlyInAnyOrder("calm", "quiet");
        assertThatThrownBy(() -> RuleSetLoader.parse(
                        "s.yaml", GOOD.replace("    platforms: [tiktok]\n", "    exceptPlatforms: calm\n")))
                .hasMessage("s.yaml:14: rules[0].exceptPlatforms: expected a list");
    }

    @Test
    void jsonFilesWorkToo() throws RuleSetException {
        RuleSet rs = RuleSetLoader.parse(
                "r.json",
                "{\"version\": \"j1\", \"rules\": [{\"id\": \"a\", \"category\": \"scam\", \"terms\": [\"lừa đảo\"]}]}");
        assertThat(rs.rules()).hasSize(1);
    }

    @Test
    void toYamlRoundTripsParsedAndCodeBuiltRuleSets() throws RuleSetException {
        RuleSet parsed = RuleSetLoader.parse("good.yaml", GOOD);
        assertThat(RuleSetLoader.toYaml(parsed)).isEqualTo(GOOD);
        RuleSet built = new RuleSet(
                "b1",
                List.of(
                        Rule.keyword("k", Category.HATE, Severity.CRITICAL, MatchMode.SUBSTRING, List.of("bò đỏ"))
                                .withUnaccented(false),
                        Rule.pattern("p", Category.SCAM, Severity.LOW, "t\\.me/[a-z]{3,9}")
                                .withState(RuleState.SHADOW)),
                RateLimits.DEFAULTS,
                List.of("ok"),
                java.util.Map.of("ncc", "nhà cái"),
                null);
        RuleSet back = RuleSetLoader.parse("back.yaml", RuleSetLoader.toYaml(built));
        assertThat(back.rules())
                .extracting(
                        Rule::id,
                        Rule::kind,
                        Rule::category,
                        Rule::severity,
                        Rule::state,
                        Rule::terms,
                        Rule::pattern,
                        Rule::unaccented)
                .containsExactlyElementsOf(built.rules().stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(
                                r.id(),
                                r.kind(),
                                r.category(),
                                r.severity(),
                                r.state(),
                                r.terms(),
                                r.pattern(),
                                r.unaccented()))
                        .toList());
        assertThat(back.rates()).isEqualTo(built.rates());
        assertThat(back.allow()).isEqualTo(built.allow());
        assertThat(back.teencode()).isEqualTo(built.teencode());
    }

    @Test
    void theDefaultPackLoadsAndCompiles() {
        RuleSet rs = RuleSetLoader.defaults();
        assertThat(rs.rules())
                .extracting(Rule::category)
                .contains(
                        Category.PROFANITY,
                        Category.HATE,
                        Category.ANTI_STATE,
                        Category.FAKE_NEWS,
                        Category.GAMBLING_ADS,
                        Category.SCAM,
                        Category.SEXUAL,
                        Category.VIOLENCE);
        CompiledRuleSet c = CompiledRuleSet.compile(rs);
        assertThat(c.evaluate("vào nhà cái fb88 uy tín", Scope.ANY).strongest())
                .get()
                .extracting(Match::category)
                .isEqualTo(Category.GAMBLING_ADS);
        assertThat(c.evaluate("các bạn ơi hôm nay đi chơi không", Scope.ANY).flagged())
                .isFalse();
    }
}
