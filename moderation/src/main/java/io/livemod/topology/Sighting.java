package io.livemod.topology;

/**
 * "This canonical text was said in this stream": the campaign detector's input, sent at most a few
 * times per campaign window per stream and text, so the text-keyed campaign stage stays small.
 */
record Sighting(String textHash, String text, String platform, String streamId, String commentId, String userId,
                long receivedAt, String rulesVersion) {
    String streamKey() {
        return platform + "/" + streamId;
    }
}
