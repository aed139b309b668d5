package io.livemod.event;

import io.livemod.rules.Severity;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Severities and states are enums in the code and the same lower-case words on the wire. */
class WireEnumsTest {
    /** A flag as the code before the enums wrote it. */
    static final String FLAG_JSON = "{\"flagId\":\"f1\",\"platform\":\"gapo\",\"streamId\":\"live-1\",\"commentId\":\"c1\","
            + "\"userId\":\"u1\",\"text\":\"chốt đơn\",\"kind\":\"campaign\",\"category\":\"spam\",\"severity\":\"high\","
            + "\"matches\":[{\"rule\":\"campaign\",\"term\":\"why\",\"start\":0,\"end\":0,\"steps\":[]}],\"rulesVersion\":\"r7\","
            + "\"receivedAt\":1000,\"detectedAt\":1001,\"status\":\"open\"}";
    static final String ALERT_JSON = "{\"alertId\":\"a1\",\"kind\":\"campaign\",\"platform\":\"gapo\",\"platforms\":[\"gapo\"],"
            + "\"streams\":[\"gapo/live-1\"],\"category\":\"spam\",\"severity\":\"high\",\"summary\":\"sum\",\"count\":1,"
            + "\"distinctUsers\":1,\"firstSeen\":1000,\"lastSeen\":1000,\"userIds\":[\"u1\"],\"samples\":[" + FLAG_JSON + "],"
            + "\"rulesVersion\":\"r7\",\"state\":\"open\",\"detectedAt\":1002}";

    @Test
    void flagsAndAlertsReadAndWriteTheSameBytes() {
        Flag f = Json.read(FLAG_JSON.getBytes(StandardCharsets.UTF_8), Flag.class);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.status()).isEqualTo(Flag.Status.OPEN);
        assertThat(Json.string(f)).isEqualTo(FLAG_JSON);
        assertThat(Json.string(f.withStatus(Flag.Status.DECIDED))).contains("\"status\":\"decided\"");

        Alert a = Json.read(ALERT_JSON.getBytes(StandardCharsets.UTF_8), Alert.class);
        assertThat(a.state()).isEqualTo(Alert.State.OPEN);
        assertThat(Json.string(a)).isEqualTo(ALERT_JSON);
        assertThat(Json.string(a.toBuilder().state(Alert.State.CLOSED).severity(Severity.CRITICAL).build()))
                .contains("\"severity\":\"critical\"", "\"state\":\"closed\"");
    }

    @Test
    void aWordThatIsNotOneOfThemIsRefusedNamingTheField() {
        JsonSerde<Flag> serde = JsonSerde.of(Flag.class);
        byte[] severe = FLAG_JSON.replace("\"high\"", "\"severe\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> serde.deserializer().deserialize("flags", severe)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("severity 'severe' is not one of [low, medium, high, critical]");
        byte[] shut = ALERT_JSON.replace("\"state\":\"open\"", "\"state\":\"shut\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonSerde.of(Alert.class).deserializer().deserialize("alerts", shut))
                .isInstanceOf(SerializationException.class).hasMessageContaining("state 'shut' is not one of [open, closed]");
        assertThatThrownBy(() -> Flag.Status.fromWire("done")).hasMessage("status 'done' is not one of [open, claimed, decided]");
    }

    @Test
    void builtAlertsKeepTheirLists() {
        Alert a = Alert.builder("a", "incident").stream("gapo", "live-1").severity(Severity.LOW).state(Alert.State.OPEN).build();
        assertThat(a.platforms()).containsExactly("gapo");
        assertThat(a.streams()).containsExactly("live-1");
        assertThat(a.samples()).isEqualTo(List.of());
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }
}
