package io.livemod.topology;

import io.livemod.rules.signal.CopyRisk;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * "This canonical text was said in this stream": the campaign detector's input, sent at most a few
 * times per campaign window per stream and text, so the text-keyed campaign stage stays small. It
 * carries the text's copy risk, which decides whether the campaign stage needs the plain thresholds
 * (risky copy-paste) or an anomalous spread (everything else).
 *
 * <p>Binary on the campaign-sightings repartition topic, {@link StateFormat#SIGHTING} version 1
 * (big-endian; UTF is {@link DataOutputStream#writeUTF}: a 2-byte length and modified UTF-8, so
 * offsets after the first string depend on the strings):
 *
 * <pre>
 *   offset   field          type
 *   0        tag            byte 'S'
 *   1        version        byte 1
 *   2        textHash       UTF
 *   +        text           UTF
 *   +        platform       UTF
 *   +        streamId       UTF
 *   +        commentId      UTF
 *   +        userId         UTF
 *   +        receivedAt     long, epoch ms
 *   +        rulesVersion   UTF
 *   +        risk           byte, {@link CopyRisk.Risk#encode}
 * </pre>
 *
 * A campaign watch holds its sightings in this layout without the header.
 */
record Sighting(
        String textHash,
        String text,
        String platform,
        String streamId,
        String commentId,
        String userId,
        long receivedAt,
        String rulesVersion,
        CopyRisk.Risk risk) {
    static final BinarySerde<Sighting> SERDE = new BinarySerde<>(StateFormat.SIGHTING, Sighting::write, Sighting::read);

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(textHash);
        out.writeUTF(text);
        out.writeUTF(platform);
        out.writeUTF(streamId);
        out.writeUTF(commentId);
        out.writeUTF(userId);
        out.writeLong(receivedAt);
        out.writeUTF(rulesVersion);
        out.writeByte(risk.encode());
    }

    static void write(DataOutputStream out, Sighting s) throws IOException {
        s.write(out);
    }

    static Sighting read(DataInputStream in) throws IOException {
        return new Sighting(
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                in.readLong(),
                in.readUTF(),
                CopyRisk.Risk.decode(in.readByte()));
    }

    String streamKey() {
        return platform + "/" + streamId;
    }
}
