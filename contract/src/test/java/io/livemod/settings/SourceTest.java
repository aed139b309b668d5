package io.livemod.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from a config file under the environment: precedence, the file's format and its refusals. */
class SourceTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("livemod.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theEnvironmentWinsOverTheFileWhichWinsOverTheDefault() throws IOException {
        Path f = file("""
                # shared by every gateway
                LIVEMOD_CLAIM_TTL_SECONDS = 120
                LIVEMOD_WEBHOOK_MAX_ATTEMPTS=3

                LIVEMOD_CAP_SENDER=vn-ministry
                """);
        Source s = Source.of(Map.of("LIVEMOD_WEBHOOK_MAX_ATTEMPTS", "7", "LIVEMOD_CAP_SENDER", " ")::get, f);
        assertThat(QueueCatalogue.CLAIM_TTL.read(s)).as("from the file").isEqualTo(Duration.ofMinutes(2));
        assertThat(QueueCatalogue.WEBHOOK_MAX_ATTEMPTS.read(s))
                .as("the environment wins")
                .isEqualTo(7);
        assertThat(QueueCatalogue.CAP_SENDER.read(s))
                .as("a blank variable is not set")
                .isEqualTo("vn-ministry");
        assertThat(QueueCatalogue.ESCALATION.read(s)).as("neither: the default").isEqualTo(Duration.ofMinutes(15));
        assertThat(s.file()).contains(f);
    }

    @Test
    void theFileIsNamedByTheFlagElseByTheVariable() throws IOException {
        Path f = file("LIVEMOD_CLAIM_TTL_SECONDS=60\n");
        Path other = dir.resolve("other.conf");
        Files.writeString(other, "LIVEMOD_CLAIM_TTL_SECONDS=90\n");
        Map<String, String> env = Map.of("LIVEMOD_CONFIG_FILE", other.toString());
        assertThat(QueueCatalogue.CLAIM_TTL.read(Source.of(env::get, null))).isEqualTo(Duration.ofSeconds(90));
        assertThat(QueueCatalogue.CLAIM_TTL.read(Source.of(env::get, f)))
                .as("--config wins")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(Source.of(Map.<String, String>of()::get, null).file()).isEmpty();
    }

    @Test
    void aValueIsEverythingAfterTheFirstEquals() throws IOException {
        Source s = Source.of(Map.<String, String>of()::get, file("LIVEMOD_REDIS=redis://user:p=w#1@redis:6379\n"));
        assertThat(HttpCatalogue.REDIS.read(s)).isEqualTo("redis://user:p=w#1@redis:6379");
    }

    @Test
    void aValueFromTheFileIsCheckedLikeOneFromTheEnvironment() throws IOException {
        Source s = Source.of(Map.<String, String>of()::get, file("LIVEMOD_CLAIM_TTL_SECONDS=1\n"));
        assertThatThrownBy(() -> QueueCatalogue.CLAIM_TTL.read(s))
                .hasMessage("LIVEMOD_CLAIM_TTL_SECONDS: must be 10..28800 s, got 1");
    }

    @Test
    void aFileThatCannotBeUsedIsRefusedNamingItsLineButNoValue() throws IOException {
        Map<String, String> none = new HashMap<>();
        assertThatThrownBy(() -> Source.of(none::get, dir.resolve("missing.conf")))
                .hasMessage("--config: cannot read " + dir.resolve("missing.conf") + " as UTF-8 text");
        Path typo = file("LIVEMOD_CLAIM_TTL_SECONDS=60\nLIVEMOD_CLAIM_TTL=60\n");
        assertThatThrownBy(() -> Source.of(none::get, typo))
                .hasMessage("--config " + typo + " line 2: unknown setting LIVEMOD_CLAIM_TTL");
        Path noKey = file("hunter2-secret-value\n");
        assertThatThrownBy(() -> Source.of(none::get, noKey))
                .hasMessage("--config " + noKey + " line 1: expected LIVEMOD_NAME=value")
                .message()
                .doesNotContain("hunter2");
        Path twice = file("LIVEMOD_PSEUDONYM_KEY=a\nLIVEMOD_PSEUDONYM_KEY=b\n");
        assertThatThrownBy(() -> Source.of(none::get, twice))
                .hasMessage("--config " + twice + " line 2: LIVEMOD_PSEUDONYM_KEY is set twice");
        Path envOnly = file("LIVEMOD_LOG_LEVEL=DEBUG\n");
        assertThatThrownBy(() -> Source.of(none::get, envOnly))
                .hasMessage("--config " + envOnly + " line 1: LIVEMOD_LOG_LEVEL is read from the environment only");
        none.put("LIVEMOD_CONFIG_FILE", dir.resolve("gone.conf").toString());
        assertThatThrownBy(() -> Source.of(none::get, null))
                .hasMessageStartingWith("LIVEMOD_CONFIG_FILE: cannot read ");
    }

    @Test
    void aSecretThatDoesNotParseIsNotEchoed() throws IOException {
        Source s = Source.of(Map.<String, String>of()::get, file("LIVEMOD_KAFKA_SASL_PASSWORD=pw\n"));
        assertThat(KafkaCatalogue.SASL_PASSWORD.read(s)).isEqualTo("pw");
        assertThat(KafkaCatalogue.SASL_PASSWORD.shown("pw")).isEqualTo("(hidden)");
    }
}
