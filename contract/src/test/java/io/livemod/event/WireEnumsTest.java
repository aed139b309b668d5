package io.livemod.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Kinds, actions, types, severities and states are enums in the code and the same lower-case words on the wire. */
class WireEnumsTest {
    /** A flag as the code before the enums wrote it. */
    static final String FLAG_JSON =
            "{\"flagId\":\"f1\",\"platform\":\"gapo\",\"streamId\":\"live-1\",\"commentId\":\"c1\","
                    + "\"userId\":\"u1\",\"text\":\"chốt đơn\",\"kind\":\"campaign\",\"category\":\"spam\",\"severity\":\"high\","
                    + "\"matches\":[{\"rule\":\"campaign\",\"term\":\"why\",\"start\":0,\"end\":0,\"steps\":[]}],\"rulesVersion\":\"r7\","
                    + "\"receivedAt\":1000,\"detectedAt\":1001,\"status\":\"open\"}";

    static final String ALERT_JSON =
            "{\"alertId\":\"a1\",\"kind\":\"campaign\",\"platform\":\"gapo\",\"platforms\":[\"gapo\"],"
                    + "\"streams\":[\"gapo/live-1\"],\"category\":\"spam\",\"severity\":\"high\",\"summary\":\"sum\",\"count\":1,"
                    + "\"distinctUsers\":1,\"firstSeen\":1000,\"lastSeen\":1000,\"userIds\":[\"u1\"],\"samples\":["
                    + FLAG_JSON + "],"
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
        assertThat(Json.string(a.toBuilder()
                        .state(Alert.State.CLOSED)
                        .severity(Severity.CRITICAL)
                        .build()))
                .contains("\"severity\":\"critical\"", "\"state\":\"closed\"");
    }

    @Test
    void aWordThatIsNotOneOfThemIsRefusedNamingTheField() {
        JsonSerde<Flag> serde = JsonSerde.of(Flag.class);
        byte[] severe = FLAG_JSON.replace("\"high\"", "\"severe\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> serde.deserializer().deserialize("flags", severe))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("severity 'severe' is not one of [low, medium, high, critical]");
        byte[] shut =
                ALERT_JSON.replace("\"state\":\"open\"", "\"state\":\"shut\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonSerde.of(Alert.class).deserializer().deserialize("alerts", shut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("state 'shut' is not one of [open, closed]");
        assertThatThrownBy(() -> Flag.Status.fromWire("done"))
                .hasMessage("status 'done' is not one of [open, claimed, decided]");
    }

    @Test
    void builtAlertsKeepTheirLists() {
        Alert a = Alert.builder("a", Alert.Kind.INCIDENT).stream("gapo", "live-1")
                .severity(Severity.LOW)
                .state(Alert.State.OPEN)
                .build();
        assertThat(a.platforms()).containsExactly("gapo");
        assertThat(a.streams()).containsExactly("live-1");
        assertThat(a.samples()).isEqualTo(List.of());
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }

    @Test
    void everyConstantIsItsLowerCaseWordAndAnUnknownWordIsRefusedNamingTheField() {
        roundTrips(
                Flag.Kind.class,
                "kind",
                "keyword",
                "pattern",
                "user_flood",
                "duplicate_flood",
                "campaign",
                "stream_spike",
                "repeat_offender",
                "metadata",
                "false_claim");
        roundTrips(
                Alert.Kind.class,
                "kind",
                "incident",
                "campaign",
                "stream_spike",
                "repeat_offender",
                "metadata",
                "false_claim");
        roundTrips(Decision.Action.class, "action", "remove", "dismiss", "warn", "timeout", "ban", "escalate");
        roundTrips(StreamEvent.Type.class, "type", "started", "updated", "ended", "viewers");
        roundTrips(TakedownEvent.Type.class, "type", "requested", "done", "overdue");
        roundTrips(AlertAction.Action.class, "action", "ack", "assign", "resolve", "reescalate");
        roundTrips(Flag.Status.class, "status", "open", "claimed", "decided");
        roundTrips(Alert.State.class, "state", "open", "closed");
        roundTrips(ClaimRecord.Origin.class, "origin", "officer", "import");
    }

    @Test
    void claimsReadAndWriteTheSameBytes() {
        String json = "{\"id\":\"c-1\",\"version\":2,\"text\":\"t\",\"source\":\"s\",\"verdict\":\"false\","
                + "\"date\":\"2026-11-20\",\"category\":\"health\",\"severity\":\"critical\",\"origin\":\"import\","
                + "\"externalId\":\"x-1\",\"createdBy\":\"o\",\"approvedBy\":\"a\",\"createdAt\":1000}";
        ClaimRecord c = Json.read(json.getBytes(StandardCharsets.UTF_8), ClaimRecord.class);
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.origin()).isEqualTo(ClaimRecord.Origin.IMPORT);
        assertThat(Json.string(c)).isEqualTo(json);
        assertThatThrownBy(() -> JsonSerde.of(ClaimRecord.class)
                        .deserializer()
                        .deserialize(
                                "claims", json.replace("\"import\"", "\"fax\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("origin 'fax' is not one of [officer, import]");
    }

    /** The words are the contract's (openapi.yaml's enums), listed here so a renamed constant fails. */
    private static <E extends Enum<E>> void roundTrips(Class<E> type, String field, String... words) {
        assertThat(Arrays.stream(type.getEnumConstants()).map(e -> Json.string(e)))
                .containsExactly(Arrays.stream(words).map(w -> "\"" + w + "\"").toArray(String[]::new));
        for (E e : type.getEnumConstants()) {
            String word = e.name().toLowerCase(Locale.ROOT);
            assertThat(Json.read(("\"" + word + "\"").getBytes(StandardCharsets.UTF_8), type))
                    .isSameAs(e);
            assertThat(Wire.find(type, word)).isSameAs(e);
        }
        assertThat(Wire.find(type, words[0].toUpperCase(Locale.ROOT)))
                .as("the edges' exact lookup")
                .isNull();
        assertThatThrownBy(() -> Json.read("\"bogus\"".getBytes(StandardCharsets.UTF_8), type))
                .hasMessageContaining(field + " 'bogus' is not one of " + List.of(words));
    }

    @Test
    void decisionsStreamEventsAndTakedownsReadAndWriteTheSameBytes() {
        String decision = "{\"decisionId\":\"d1\",\"flagId\":\"f1\",\"platform\":\"gapo\",\"streamId\":\"live-1\","
                + "\"commentId\":\"c1\",\"userId\":\"u1\",\"action\":\"timeout\",\"durationSeconds\":600,"
                + "\"moderator\":\"mod-a\",\"decidedAt\":1000}";
        Decision d = Json.read(decision.getBytes(StandardCharsets.UTF_8), Decision.class);
        assertThat(d.action()).isEqualTo(Decision.Action.TIMEOUT);
        assertThat(Json.string(d)).isEqualTo(decision);
        assertThat(d.toBuilder().build()).isEqualTo(d);

        String started = "{\"platform\":\"gapo\",\"id\":\"e1\",\"streamId\":\"live-1\",\"type\":\"started\","
                + "\"streamerId\":\"s1\",\"title\":\"Live\",\"ts\":\"2026-11-28T19:00:00+07:00\",\"receivedAt\":1000}";
        StreamEvent e = Json.read(started.getBytes(StandardCharsets.UTF_8), StreamEvent.class);
        assertThat(e)
                .isEqualTo(StreamEvent.builder("gapo", "e1", StreamEvent.Type.STARTED)
                        .streamId("live-1")
                        .streamerId("s1")
                        .title("Live")
                        .ts("2026-11-28T19:00:00+07:00")
                        .receivedAt(1000)
                        .build());
        assertThat(Json.string(e)).isEqualTo(started);

        String done = "{\"eventId\":\"e2\",\"takedownId\":\"td-1\",\"type\":\"done\",\"platform\":\"gapo\","
                + "\"actor\":\"gapo\",\"note\":\"gỡ\",\"at\":2000,\"deadline\":0}";
        TakedownEvent t = Json.read(done.getBytes(StandardCharsets.UTF_8), TakedownEvent.class);
        assertThat(t.type()).isEqualTo(TakedownEvent.Type.DONE);
        assertThat(Json.string(t)).isEqualTo(done);

        byte[] paused = started.replace("started", "paused").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonSerde.of(StreamEvent.class).deserializer().deserialize("stream-events", paused))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("type 'paused' is not one of [started, updated, ended, viewers]");
    }

    @Test
    void builtCommentsKeepEveryField() {
        Comment c = Comment.builder("gapo", "c1")
                .streamId("live-1")
                .userId("u1")
                .userName("An")
                .text("chào")
                .ts("t")
                .verified(true)
                .replyTo("c0")
                .receivedAt(1000)
                .accountCreated(900L)
                .build();
        assertThat(c).isEqualTo(new Comment("gapo", "c1", "live-1", "u1", "An", "chào", "t", true, "c0", 1000, 900L));
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.key()).isEqualTo("gapo/live-1");
    }
}
