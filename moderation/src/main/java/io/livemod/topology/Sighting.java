package io.livemod.topology;

/**
 * "This canonical text was said in this stream": the campaign detector's input, sent at most a few
 * times per campaign window per stream and text, so the text-keyed campaign stage stays small.
 */
record Sighting(String textHash, String text, String platform, String streamId, String commentId, String userId,
                long receivedAt, String rulesVersion) {
    static final BinarySerde<Sighting> SERDE = new BinarySerde<>(Sighting::write, Sighting::read);

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeUTF(textHash);
        out.writeUTF(text);
        out.writeUTF(platform);
        out.writeUTF(streamId);
        out.writeUTF(commentId);
        out.writeUTF(userId);
        out.writeLong(receivedAt);
        out.writeUTF(rulesVersion);
    }

    static void write(java.io.DataOutputStream out, Sighting s) throws java.io.IOException {
        s.write(out);
    }

    static Sighting read(java.io.DataInputStream in) throws java.io.IOException {
        return new Sighting(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                in.readLong(), in.readUTF());
    }

    String streamKey() {
        return platform + "/" + streamId;
    }
}
