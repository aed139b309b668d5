package io.livemod.topology;

import io.livemod.rules.signal.CopyRisk;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A comment reduced to what duplicate and campaign detection need: its canonical text and the risk
 * that text carries when copy-pasted. It passes between processors of one task (comments are keyed
 * by stream), so it is never serialized.
 */
record Probe(
        String platform,
        String streamId,
        String commentId,
        String userId,
        String text,
        String canonical,
        String textHash,
        long receivedAt,
        CopyRisk.Risk risk,
        boolean newAccount) {

    static Probe of(Screened s, TopologySettings settings) {
        var c = s.comment();
        String hash = UUID.nameUUIDFromBytes(s.canonical().getBytes(StandardCharsets.UTF_8))
                .toString();
        long age = settings.newAccountAge().toMillis();
        boolean fresh = age > 0 && c.accountCreated() != null && c.receivedAt() - c.accountCreated() < age;
        return new Probe(
                c.platform(),
                c.streamId(),
                c.id(),
                c.userId(),
                c.text(),
                s.canonical(),
                hash,
                c.receivedAt(),
                s.risk(),
                fresh);
    }

    /** Store key: one stream's one text. */
    String key() {
        return platform + "/" + streamId + "/" + textHash;
    }
}
