package io.livemod.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationToolsTest {
    @Test
    void csvHandlesQuotesCommasAndNewlinesInFields() throws IOException {
        String csv = "free_text,label_id\n\"a, b\",0\n\"say \"\"hi\"\"\nthere\",2\nplain,1";
        List<List<String>> rows = Csv.read(new StringReader(csv));
        assertThat(rows)
                .containsExactly(
                        List.of("free_text", "label_id"),
                        List.of("a, b", "0"),
                        List.of("say \"hi\"\nthere", "2"),
                        List.of("plain", "1"));
    }

    @Test
    void scoresArePrecisionRecallAndF1() {
        ViHsdEvaluation.Score s = new ViHsdEvaluation.Score("x", 6, 2, 4, 88);
        assertThat(s.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(s.recall()).isCloseTo(0.6, within(1e-9));
        assertThat(s.f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-9));
        assertThat(new ViHsdEvaluation.Score("none", 0, 0, 0, 1).f1()).isZero();
    }

    @Test
    void ordinaryCommentsCoverTheDomainsAndAreRepeatable() {
        List<OrdinaryComments.Comment> hand = OrdinaryComments.handwritten();
        assertThat(hand)
                .hasSizeGreaterThan(300)
                .extracting(OrdinaryComments.Comment::domain)
                .contains("news", "shopping", "music", "sport", "pets");
        assertThat(OrdinaryComments.generated(2_000, 14))
                .isEqualTo(OrdinaryComments.generated(2_000, 14))
                .hasSize(2_000)
                .allMatch(c -> !c.text().contains("{") && !c.text().isBlank());
    }

    /** The target, on the generated mix: at most 5 flags per 1,000 ordinary comments. */
    @Test
    void theDefaultPackFlagsAtMostFivePerThousandOrdinaryComments() {
        var engine = io.livemod.rules.CompiledRuleSet.compile(io.livemod.rules.RuleSetLoader.defaults());
        PrecisionEvaluation.Report r = PrecisionEvaluation.evaluate(engine, OrdinaryComments.generated(5_000, 14), 20);
        assertThat(r.perThousand()).as("flagged: %s", r.shown()).isLessThanOrEqualTo(5.0);
    }

    @Test
    void generatorsAreDeterministicAndSized() {
        assertThat(CommentGenerator.generate(500, 1))
                .isEqualTo(CommentGenerator.generate(500, 1))
                .hasSize(500);
        List<String> terms = TermGenerator.terms(2_000, 3);
        assertThat(terms).hasSize(2_000).doesNotHaveDuplicates();
    }
}
