package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.Alert;
import io.livemod.rules.Severity;
import io.livemod.rules.signal.CopyRisk;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The binary state formats: each value names its format and version, and a store restored from a
 * changelog written before per-type versions (one shared version byte 2, no header on the flood
 * state) still decodes. The hex below was written by that code, captured before the change.
 */
class StateFormatsTest {
    static final String SIGHTING_V2 =
            "0200026831000c6368e1bb917420c491c6a16e00046761706f00066c6976652d31000263310002753100000000000003e80002723742";
    static final String DUPLICATE_V2 =
            "0201000000000000038400000000000003e8fffffffd000275310002633100000000000003b601000275320002633200000000000003e800";
    static final String FLOOD_UNHEADED = "00000000000003e80000000000000003ffffffffffffffff";
    static final String ALERT_JSON =
            "000002597b22616c6572744964223a226131222c226b696e64223a2263616d706169676e222c22706c6174666f726d223a226761706f222c22706c6174666f726d73223a5b226761706f225d2c2273747265616d73223a5b226761706f2f6c6976652d31225d2c2263617465676f7279223a227370616d222c227365766572697479223a2268696768222c2273756d6d617279223a2273756d222c22636f756e74223a312c2264697374696e63745573657273223a312c2266697273745365656e223a313030302c226c6173745365656e223a313030302c2275736572496473223a5b227531225d2c2273616d706c6573223a5b7b22666c61674964223a226631222c22706c6174666f726d223a226761706f222c2273747265616d4964223a226c6976652d31222c22636f6d6d656e744964223a226331222c22757365724964223a227531222c2274657874223a226368e1bb917420c491c6a16e222c226b696e64223a2263616d706169676e222c2263617465676f7279223a227370616d222c227365766572697479223a2268696768222c226d617463686573223a5b7b2272756c65223a2263616d706169676e222c227465726d223a22776879222c227374617274223a302c22656e64223a302c227374657073223a5b5d7d5d2c2272756c657356657273696f6e223a227237222c2272656365697665644174223a313030302c2264657465637465644174223a313030312c22737461747573223a226f70656e227d5d2c2272756c657356657273696f6e223a227237222c227374617465223a226f70656e222c2264657465637465644174223a313030327d";
    static final String CAMPAIGN_V2 = "0200000000000003e800000000000001f40000000300000000000007d000000001"
            + SIGHTING_V2.substring(2) + ALERT_JSON;
    static final String STREAM_WATCH_V2 =
            "0200046761706f00066c6976652d31000000010026612d63353661656432372d663535342d336135322d396466302d64343933366464336133643500047370616d000468696768000000000000000100000000000000010000000100000000000003e800000000000003e8000272370100000000000000000bb800000001000000040002753100000001000001327b22666c61674964223a226631222c22706c6174666f726d223a226761706f222c2273747265616d4964223a226c6976652d31222c22636f6d6d656e744964223a226331222c22757365724964223a227531222c2274657874223a226368e1bb917420c491c6a16e222c226b696e64223a2263616d706169676e222c2263617465676f7279223a227370616d222c227365766572697479223a2268696768222c226d617463686573223a5b7b2272756c65223a2263616d706169676e222c227465726d223a22776879222c227374617274223a302c22656e64223a302c227374657073223a5b5d7d5d2c2272756c657356657273696f6e223a227237222c2272656365697665644174223a313030302c2264657465637465644174223a313030312c22737461747573223a226f70656e227d000000030000000000000001000000000000000200000000000000030000000000000007"
                    + ALERT_JSON
                    + "00026131000000000000000100000000000003e8010000000000000fa000000000000013880000000000000064";

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static <T> T read(Serde<T> serde, byte[] bytes) {
        return serde.deserializer().deserialize("t", bytes);
    }

    static <T> byte[] write(Serde<T> serde, T value) {
        return serde.serializer().serialize("t", value);
    }

    @Test
    void sightingsWrittenWithTheSharedVersionDecode() {
        Sighting s = read(Sighting.SERDE, bytes(SIGHTING_V2));
        assertThat(s)
                .isEqualTo(new Sighting(
                        "h1",
                        "chốt đơn",
                        "gapo",
                        "live-1",
                        "c1",
                        "u1",
                        1000L,
                        "r7",
                        CopyRisk.Risk.NONE.with(CopyRisk.Feature.MONEY, Severity.HIGH)));
        byte[] now = write(Sighting.SERDE, s);
        assertThat(now[0]).isEqualTo((byte) 'S');
        assertThat(now[1]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(now, 2, now.length))
                .isEqualTo(Arrays.copyOfRange(bytes(SIGHTING_V2), 1, now.length - 1));
        assertThat(read(Sighting.SERDE, now)).isEqualTo(s);
    }

    @Test
    void duplicateWatchesWrittenWithTheSharedVersionDecode() {
        DuplicateProcessor.Watch w = read(DuplicateProcessor.SERDE, bytes(DUPLICATE_V2));
        assertThat(w.flooding).isTrue();
        assertThat(w.lastSighting).isEqualTo(900);
        assertThat(w.newest).isEqualTo(1000);
        assertThat(w.users())
                .containsExactly(
                        Map.entry("u1", new DuplicateProcessor.Seen("c1", 950, true)),
                        Map.entry("u2", new DuplicateProcessor.Seen("c2", 1000, false)));
        byte[] now = write(DuplicateProcessor.SERDE, w);
        assertThat(now).startsWith((byte) 'D', (byte) 1);
        assertThat(read(DuplicateProcessor.SERDE, now).users()).isEqualTo(w.users());
    }

    @Test
    void campaignWatchesWrittenWithTheSharedVersionDecode() {
        CampaignProcessor.Watch w = read(CampaignProcessor.SERDE, bytes(CAMPAIGN_V2));
        assertThat(w.newest).isEqualTo(1000);
        assertThat(w.windowStart).isEqualTo(500);
        assertThat(w.background).isEqualTo(3);
        assertThat(w.updatedWall).isEqualTo(2000);
        assertThat(w.streams).containsOnlyKeys("gapo/live-1");
        Alert a = w.alert.get();
        assertThat(a.alertId()).isEqualTo("a1");
        assertThat(a.samples()).singleElement().satisfies(f -> assertThat(f.text())
                .isEqualTo("chốt đơn"));
        byte[] now = write(CampaignProcessor.SERDE, w);
        assertThat(now).startsWith((byte) 'C', (byte) 1);
        assertThat(read(CampaignProcessor.SERDE, now).alert.get()).isEqualTo(a);
    }

    @Test
    void streamWatchesWrittenWithTheSharedVersionDecode() {
        StreamWatch w = read(StreamWatch.SERDE, bytes(STREAM_WATCH_V2));
        assertThat(w.platform).isEqualTo("gapo");
        assertThat(w.streamId).isEqualTo("live-1");
        Incidents.Incident i = w.incidents.get("spam");
        assertThat(i.count).isEqualTo(1);
        assertThat(i.severity).isEqualTo(Severity.HIGH);
        assertThat(i.users()).containsExactly("u1");
        assertThat(i.samples).singleElement().satisfies(s -> assertThat(s.get().flagId())
                .isEqualTo("f1"));
        assertThat(w.ring).containsExactly(1, 2, 3);
        assertThat(w.newestBucket).isEqualTo(7);
        assertThat(w.spikeId).isEqualTo("a1");
        assertThat(w.spikeCount).isEqualTo(1);
        assertThat(w.spikeFirst).isEqualTo(1000);
        assertThat(w.spikeDirty).isTrue();
        assertThat(w.spikeWall).isEqualTo(4000);
        assertThat(w.updatedWall).isEqualTo(5000);
        assertThat(w.since).isEqualTo(100);
        byte[] now = write(StreamWatch.SERDE, w);
        assertThat(now).startsWith((byte) 'W', (byte) 1);
        // The body is unchanged: version 1 is the shared version 2's body.
        assertThat(Arrays.copyOfRange(now, 2, now.length))
                .isEqualTo(Arrays.copyOfRange(bytes(STREAM_WATCH_V2), 1, now.length - 1));
    }

    @Test
    void floodStateWrittenWithoutAHeaderDecodes() {
        LongArraySerde serde = new LongArraySerde();
        assertThat(read(serde, bytes(FLOOD_UNHEADED))).containsExactly(1000, 3, -1);
        byte[] now = write(serde, new long[] {1000, 3, -1});
        assertThat(now).hasSize(2 + 24).startsWith((byte) 'F', (byte) 1);
        assertThat(read(serde, now)).containsExactly(1000, 3, -1);
        assertThat(read(serde, write(serde, new long[0]))).isEmpty();
    }

    @Test
    void anUnknownVersionIsRefusedNamingTheFormat() {
        byte[] sighting = write(Sighting.SERDE, read(Sighting.SERDE, bytes(SIGHTING_V2)));
        sighting[1] = 9;
        assertThatThrownBy(() -> read(Sighting.SERDE, sighting))
                .isInstanceOf(SerializationException.class)
                .hasMessage("sighting state: unknown format version 9 (this build reads version 1)");
        byte[] flood = write(new LongArraySerde(), new long[] {1});
        flood[1] = 3;
        assertThatThrownBy(() -> read(new LongArraySerde(), flood))
                .isInstanceOf(SerializationException.class)
                .hasMessage("user flood state: unknown format version 3 (this build reads version 1)");
    }

    @Test
    void anotherFormatsValueIsRefused() {
        byte[] sighting = write(Sighting.SERDE, read(Sighting.SERDE, bytes(SIGHTING_V2)));
        assertThatThrownBy(() -> read(StreamWatch.SERDE, sighting))
                .isInstanceOf(SerializationException.class)
                .hasMessage("stream watch state: type tag 0x53, expected 0x57 ('W')");
        assertThatThrownBy(() -> read(new LongArraySerde(), new byte[] {2, 1, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("user flood state: type tag 0x02, expected 0x46 ('F')");
        assertThatThrownBy(() -> read(StreamWatch.SERDE, new byte[0])).hasMessage("stream watch state: empty value");
    }

    @Test
    void tagsAreDistinctAndNeverTheSharedVersionByte() {
        var formats = java.util.List.of(
                StateFormat.DUPLICATE_WATCH,
                StateFormat.CAMPAIGN_WATCH,
                StateFormat.SIGHTING,
                StateFormat.STREAM_WATCH,
                StateFormat.USER_FLOOD);
        assertThat(formats.stream().map(StateFormat::tag).distinct())
                .hasSize(formats.size())
                .doesNotContain(StateFormat.SHARED_V2);
    }
}
