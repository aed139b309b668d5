package io.livemod.gateway.ministry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.gateway.http.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PseudonymsAndPagingTest {
    final Pseudonyms p = new Pseudonyms(MinistryConfig.DEV_PSEUDONYM_KEY);

    @Test
    void pseudonymsAreStablePerPlatformAndKeyed() {
        assertThat(p.of("gapo", "u-1"))
                .isEqualTo(p.of("gapo", "u-1"))
                .startsWith("anon-")
                .hasSize(21);
        assertThat(p.of("gapo", "u-1")).isNotEqualTo(p.of("vng", "u-1")).isNotEqualTo(p.of("gapo", "u-2"));
        assertThat(new Pseudonyms("another-secret-of-at-least-32-bytes!!").of("gapo", "u-1"))
                .isNotEqualTo(p.of("gapo", "u-1"));
    }

    @Test
    void pagingVisitsEveryItemOnceInOrder() {
        List<Integer> items = IntStream.range(0, 23).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            Paging.Page<Integer> page = Paging.page(items, i -> Paging.desc(i), cursor, 5);
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen)
                .containsExactlyElementsOf(
                        IntStream.range(0, 23).map(i -> 22 - i).boxed().toList());
        assertThatThrownBy(() -> Paging.page(items, i -> "" + i, "!!", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configRefusesTheDevKeyOutsideDevModeAndShortKeys() {
        assertThatThrownBy(() -> MinistryConfig.fromEnv(false, k -> null))
                .hasMessageStartingWith("LIVEMOD_PSEUDONYM_KEY");
        assertThatThrownBy(() -> MinistryConfig.fromEnv(
                        false, k -> k.equals("LIVEMOD_PSEUDONYM_KEY") ? MinistryConfig.DEV_PSEUDONYM_KEY : null))
                .hasMessageContaining("refused outside dev mode");
        assertThatThrownBy(() -> MinistryConfig.fromEnv(false, k -> k.equals("LIVEMOD_PSEUDONYM_KEY") ? "short" : null))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(
                        () -> MinistryConfig.fromEnv(true, k -> k.equals("LIVEMOD_ESCALATION_MINUTES") ? "soon" : null))
                .hasMessageStartingWith("LIVEMOD_ESCALATION_MINUTES");
        MinistryConfig ok = MinistryConfig.fromEnv(false, k -> switch (k) {
            case "LIVEMOD_PSEUDONYM_KEY" -> "a-production-secret-of-at-least-32-bytes";
            case "LIVEMOD_ESCALATION_MINUTES" -> "5";
            default -> null;
        });
        assertThat(ok.escalationDelay().toMinutes()).isEqualTo(5);
        assertThat(ok.toString()).doesNotContain("a-production-secret");
    }

    @Test
    void csvCellsAreQuotedAndFormulaSafe() {
        assertThat(ReportRoutes.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportRoutes.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportRoutes.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ReportRoutes.cell("-12.5")).isEqualTo("-12.5");
        // Spreadsheets skip a leading tab or carriage return before reading a formula.
        assertThat(ReportRoutes.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ReportRoutes.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ReportRoutes.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void rawIdsInFreeTextAreReplacedOnlyWhereTheyStandAlone() {
        java.util.Map<String, String> shown = java.util.Map.of("u1", "anon-A", "84901234567", "anon-B");
        assertThat(Redaction.apply("lock recommended (user u1)", shown)).isEqualTo("lock recommended (user anon-A)");
        assertThat(Redaction.apply("u1 u12 xu1 u1.", shown)).isEqualTo("anon-A u12 xu1 anon-A.");
        assertThat(Redaction.apply("streamer 84901234567, not 849012345678", shown))
                .isEqualTo("streamer anon-B, not 849012345678");
        assertThat(Redaction.apply(null, shown)).isNull();
        assertThat(CapFeed.xmlSafe("a\u000Bb\u0000c\uD800d\uFFFEe\t\n\uD83D\uDE00"))
                .isEqualTo("abcde\t\n\uD83D\uDE00");
        assertThat(SummaryReport.median(List.of(3L, 1_000L, 2_000L, 9_000L))).isEqualTo(1.5);
        assertThat(SummaryReport.median(List.of())).isNull();
    }
}
