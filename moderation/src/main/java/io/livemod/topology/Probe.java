package io.livemod.topology;

import io.livemod.event.Comment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A comment reduced to what duplicate and campaign detection need, with its canonical text (the
 * rule engine's normalization) computed on the user-keyed side where the CPU work spreads.
 */
record Probe(String platform, String streamId, String commentId, String userId, String text, String canonical,
             String textHash, long receivedAt) {

    static Probe of(Comment c, String canonical) {
        String hash = UUID.nameUUIDFromBytes(canonical.getBytes(StandardCharsets.UTF_8)).toString();
        return new Probe(c.platform(), c.streamId(), c.id(), c.userId(), c.text(), canonical, hash, c.receivedAt());
    }

    /** Binary on the repartition topic: every comment of 12+ characters crosses it once. */
    static final BinarySerde<Probe> SERDE = new BinarySerde<>((out, p) -> {
        out.writeUTF(p.platform);
        out.writeUTF(p.streamId);
        out.writeUTF(p.commentId);
        out.writeUTF(p.userId);
        out.writeUTF(p.text);
        out.writeUTF(p.canonical);
        out.writeUTF(p.textHash);
        out.writeLong(p.receivedAt);
    }, in -> new Probe(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
            in.readLong()));

    /** Repartition key: one stream's one text. A mega-live's many different texts spread over partitions. */
    String key() {
        return platform + "/" + streamId + "/" + textHash;
    }
}
