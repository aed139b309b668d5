package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The duplicate watch keeps its authors encoded until needed, and writes them back unchanged. */
class DuplicateWatchTest {
    final BinarySerde<DuplicateProcessor.Watch> serde = DuplicateProcessor.SERDE;

    @Test
    void authorsSurviveARoundTripWhetherOrNotTheyWereDecoded() {
        DuplicateProcessor.Watch w = new DuplicateProcessor.Watch();
        w.newest = 42;
        w.flooding = true;
        w.users().put("u1", new DuplicateProcessor.Seen("c1", 40, false));
        w.users().put("u2", new DuplicateProcessor.Seen("c2", 41, true));
        byte[] bytes = serde.serializer().serialize("t", w);

        DuplicateProcessor.Watch untouched = serde.deserializer().deserialize("t", bytes);
        assertThat(untouched.newest).isEqualTo(42);
        assertThat(serde.serializer().serialize("t", untouched)).isEqualTo(bytes);

        DuplicateProcessor.Watch decoded = serde.deserializer().deserialize("t", bytes);
        assertThat(decoded.users())
                .containsExactly(
                        java.util.Map.entry("u1", new DuplicateProcessor.Seen("c1", 40, false)),
                        java.util.Map.entry("u2", new DuplicateProcessor.Seen("c2", 41, true)));
        decoded.users().remove("u1");
        DuplicateProcessor.Watch again =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", decoded));
        assertThat(again.users()).containsOnlyKeys("u2");
        assertThat(again.flooding).isTrue();
    }

    @Test
    void authorsWrittenBeforeTheNewAccountBitAreReadAsOldAccounts() throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(2); // the version byte all formats shared before per-type versions
            out.writeBoolean(false);
            out.writeLong(0);
            out.writeLong(42);
            out.writeInt(1); // a positive count: the format before issue 12's new-account bit
            out.writeUTF("u1");
            out.writeUTF("c1");
            out.writeLong(40);
        }
        DuplicateProcessor.Watch old = serde.deserializer().deserialize("t", bytes.toByteArray());
        assertThat(old.users())
                .containsExactly(java.util.Map.entry("u1", new DuplicateProcessor.Seen("c1", 40, false)));
    }
}
