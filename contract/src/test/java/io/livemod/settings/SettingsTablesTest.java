package io.livemod.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/operations.md's settings tables are the catalogue's: a setting added, changed or documented by hand fails here. */
class SettingsTablesTest {
    private static final Path DOC = Path.of("..", "docs", "operations.md");

    @Test
    void theOperationsDocsTablesAreGeneratedFromTheCatalogue() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(SettingsTables.render(doc))
                .as(
                        "docs/operations.md's settings tables differ from the catalogue (io.livemod.settings); regenerate them with:%n  %s",
                        SettingsTables.REGENERATE)
                .isEqualTo(doc);
        for (Setting<?> s : Catalogue.ALL) assertThat(doc).contains("`" + s.env() + "`");
    }

    @Test
    void aTableIsRewrittenBetweenItsMarkersOnly() {
        String stale = "intro\n<!-- settings:process begin (x) -->\n| old |\n<!-- settings:process end -->\noutro\n";
        String all = Catalogue.GROUPS.keySet().stream()
                .filter(g -> !g.equals("process"))
                .map(g -> "<!-- settings:" + g + " begin -->\n<!-- settings:" + g + " end -->\n")
                .reduce(stale, String::concat);
        String out = SettingsTables.render(all);
        assertThat(out)
                .startsWith(
                        "intro\n<!-- settings:process begin (x) -->\n| setting | variable | bounds | default | read by |\n")
                .contains("| `LIVEMOD_LOG_LEVEL` (environment only) | ", "\n<!-- settings:process end -->\noutro\n")
                .doesNotContain("| old |");
        assertThat(SettingsTables.render(out)).as("idempotent").isEqualTo(out);
        assertThatThrownBy(() -> SettingsTables.render(stale)).hasMessageContaining("settings:gateway-http");
    }

    @Test
    void secretsAreMarkedInTheTable() {
        String table = SettingsTables.table(List.of(IngestCatalogue.SECRETS_KEY, HttpCatalogue.REDIS));
        assertThat(table).contains("`LIVEMOD_SECRETS_KEY` (secret)", "`LIVEMOD_REDIS` (secret)");
    }
}
