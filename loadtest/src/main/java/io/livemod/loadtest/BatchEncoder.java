package io.livemod.loadtest;

import io.livemod.sdk.signing.RequestSigner;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a batch as the ingest JSON array straight into one reused byte array (no object tree, no
 * per-comment strings) and signs it there with the platform client's {@link RequestSigner} (one HMAC
 * per batch over the buffer as it is, the signer's Mac kept initialised): the generator's cost per
 * comment is what it writes. Its own encoder, not the client's Batcher: the generator writes straight
 * into one buffer, which costs less per comment than encoding each event. Not thread-safe: one per sender.
 */
final class BatchEncoder {
    static final String PATH = "/v1/ingest/comments";
    private final String runId;
    private final StreamBook streams;
    private final ChatCorpus chat;
    private final Map<String, RequestSigner> signers = new HashMap<>();
    private byte[] buf = new byte[256 * 1024];
    private int n;
    /** Whether comments carry {@code accountCreatedAt} ({@link Accounts}); the creation times of the current day by age. */
    private final boolean accountAges;

    private long createdDay = Long.MIN_VALUE;
    private String[] created;

    /** An encoded batch and, for HTTP, its signature header (v2: timestamp, method, path and body, see RequestSigner). */
    record Encoded(Buffer body, String signature, long timestamp) {}

    BatchEncoder(String runId, StreamBook streams, Map<String, String> secrets) {
        this(runId, streams, secrets, false);
    }

    BatchEncoder(String runId, StreamBook streams, Map<String, String> secrets, boolean accountAges) {
        this.accountAges = accountAges;
        this.runId = runId;
        this.streams = streams;
        this.chat = ChatCorpus.vietnamese();
        secrets.forEach((platform, secret) -> signers.put(platform, new RequestSigner(platform, secret)));
    }

    /**
     * @param ts the comments' ISO-8601 time (one per tick)
     * @param websocket frames carry "kind":"comment"
     */
    Encoded encode(TrafficPlan.Batch batch, String ts, long epochSecond, boolean websocket) {
        n = 0;
        put('[');
        boolean first = true;
        for (TrafficPlan.Planned c : batch.comments()) {
            if (!first) put(',');
            first = false;
            ascii(websocket ? "{\"kind\":\"comment\",\"id\":\"" : "{\"id\":\"");
            ascii(runId);
            put('-');
            ascii(Long.toString(c.seq()));
            ascii("\",\"streamId\":\"");
            string(streams.id(c.stream()));
            ascii("\",\"userId\":\"");
            string(c.user());
            ascii("\",\"text\":\"");
            byte[] phrase = chat.encoded(c.text());
            if (phrase != null) bytes(phrase);
            else string(c.text());
            ascii("\",\"ts\":\"");
            ascii(ts);
            if (accountAges) {
                ascii("\",\"accountCreatedAt\":\"");
                ascii(createdAt(c.user(), epochSecond));
            }
            ascii("\"}");
        }
        put(']');
        String signature = websocket ? null : sign(batch.platformId(), epochSecond);
        return new Encoded(Buffer.buffer(Arrays.copyOf(buf, n)), signature, epochSecond);
    }

    private String createdAt(String user, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        if (day != createdDay) {
            created = Accounts.creationTimes(day, 2_100);
            createdDay = day;
        }
        return created[Math.min(Accounts.ageDays(user), created.length - 1)];
    }

    private String sign(String platform, long epochSecond) {
        return signers.get(platform).sign(epochSecond, "POST", PATH, buf, 0, n);
    }

    /** A text as the content of a JSON string (escaped, UTF-8), for encoding once and copying after. */
    static byte[] jsonString(String text) {
        BatchEncoder e = new BatchEncoder();
        e.string(text);
        return Arrays.copyOf(e.buf, e.n);
    }

    private BatchEncoder() { // for jsonString only: ChatCorpus calls it while it is being built
        this.accountAges = false;
        this.runId = null;
        this.streams = null;
        this.chat = null;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    private void put(char c) {
        ensure(1);
        buf[n++] = (byte) c;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) buf[n++] = (byte) s.charAt(i);
    }

    /** A JSON string's content: escaped, UTF-8. */
    private void string(String s) {
        ensure(s.length() * 6);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                buf[n++] = '\\';
                buf[n++] = (byte) c;
            } else if (c < 0x20) {
                String u = String.format("\\u%04x", (int) c);
                for (int k = 0; k < 6; k++) buf[n++] = (byte) u.charAt(k);
            } else if (c < 0x80) {
                buf[n++] = (byte) c;
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | c >> 6);
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[n++] = (byte) (0xF0 | cp >> 18);
                buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[n++] = (byte) (0xE0 | c >> 12);
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void ensure(int more) {
        if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
}
