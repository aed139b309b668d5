package io.livemod.topology;

import io.livemod.event.Alert;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * Everything open about one stream, in the incident stage's store: incidents by category, the
 * spike counter's ring, and the open spike alert. Written in binary on every flag, so it holds
 * only fixed-size fields and still-encoded alerts (see {@link JsonBlob}).
 *
 * <p>Layout of {@link StateFormat#STREAM_WATCH} version 1 (big-endian; UTF as {@link DataOutputStream#writeUTF};
 * a blob is an int length, -1 or 0 for none, then that many bytes of JSON):
 *
 * <pre>
 *   offset   field          type
 *   0        tag            byte 'W'
 *   1        version        byte 1
 *   2        platform       UTF
 *   +        streamId       UTF
 *   +        incidents      int n, then n incidents (layout in {@link Incidents.Incident})
 *   +        ring           int n, then n longs: flags per spike bucket
 *   +        newestBucket   long
 *   +        spike          blob: the open spike alert's JSON
 *   +        spikeId        UTF    } only when spike is present
 *   +        spikeCount     long   }
 *   +        spikeFirst     long   }
 *   +        spikeDirty     boolean (1 byte)
 *   +        spikeWall      long, epoch ms
 *   +        updatedWall    long, epoch ms
 *   +        since          long, epoch ms
 * </pre>
 */
final class StreamWatch {
    static final BinarySerde<StreamWatch> SERDE =
            new BinarySerde<>(StateFormat.STREAM_WATCH, StreamWatch::write, StreamWatch::read);

    String platform;
    String streamId;
    final LinkedHashMap<String, Incidents.Incident> incidents = new LinkedHashMap<>();
    long[] ring = new long[0];
    long newestBucket;
    /** The open spike alert, with the fields each flag compares against kept decoded. */
    JsonBlob<Alert> spike;

    String spikeId;
    long spikeCount;
    long spikeFirst;
    boolean spikeDirty;
    long spikeWall;
    long updatedWall;
    /** Receive time of the stream's first flag: its spike baseline means something only a baseline later. */
    long since;

    StreamWatch(String platform, String streamId) {
        this.platform = platform;
        this.streamId = streamId;
    }

    void openSpike(Alert a, long now) {
        spike = JsonBlob.of(Alert.class, a);
        spikeId = a.alertId();
        spikeCount = a.count();
        spikeFirst = a.firstSeen();
        spikeWall = now;
    }

    void closeSpike() {
        spike = null;
        spikeId = null;
        spikeCount = 0;
        spikeFirst = 0;
        spikeDirty = false;
    }

    static void write(DataOutputStream out, StreamWatch w) throws IOException {
        out.writeUTF(w.platform);
        out.writeUTF(w.streamId);
        out.writeInt(w.incidents.size());
        for (Incidents.Incident i : w.incidents.values()) i.write(out);
        out.writeInt(w.ring.length);
        for (long b : w.ring) out.writeLong(b);
        out.writeLong(w.newestBucket);
        JsonBlob.write(out, w.spike);
        if (w.spike != null) {
            out.writeUTF(w.spikeId);
            out.writeLong(w.spikeCount);
            out.writeLong(w.spikeFirst);
        }
        out.writeBoolean(w.spikeDirty);
        out.writeLong(w.spikeWall);
        out.writeLong(w.updatedWall);
        out.writeLong(w.since);
    }

    static StreamWatch read(DataInputStream in) throws IOException {
        StreamWatch w = new StreamWatch(in.readUTF(), in.readUTF());
        for (int n = in.readInt(); n > 0; n--) {
            Incidents.Incident i = Incidents.Incident.read(in);
            w.incidents.put(i.category, i);
        }
        w.ring = new long[in.readInt()];
        for (int i = 0; i < w.ring.length; i++) w.ring[i] = in.readLong();
        w.newestBucket = in.readLong();
        w.spike = JsonBlob.read(in, Alert.class);
        if (w.spike != null) {
            w.spikeId = in.readUTF();
            w.spikeCount = in.readLong();
            w.spikeFirst = in.readLong();
        }
        w.spikeDirty = in.readBoolean();
        w.spikeWall = in.readLong();
        w.updatedWall = in.readLong();
        w.since = in.readLong();
        return w;
    }
}
