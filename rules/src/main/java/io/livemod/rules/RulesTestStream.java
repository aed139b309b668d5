package io.livemod.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The streaming engine of {@code livemod rules test}. The calling thread reads stdin in large
 * blocks and cuts them into batches of whole lines (about 256 kB, or whatever complete lines have
 * arrived); worker threads, each with its own {@link Evaluator}, turn a batch into its verdict lines
 * ({@link VerdictJson}); the calling thread writes the batches back in input order, one write per
 * batch. It flushes whenever the input has nothing more ready, so a line typed at a terminal gets
 * its verdict at once, and a file streams through in constant memory. A plain line of well-formed
 * UTF-8 is decoded into a reused char array ({@link Utf8}) and evaluated in place; NDJSON lines, the
 * first line (a BOM), {@code --explain} and malformed bytes go through a String as before, with the
 * same verdicts ({@code FastPathDifferentialTest}).
 */
final class RulesTestStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_BYTES = 1 << 18;

    private final CompiledRuleSet rules;
    private final Scope scope;
    private final boolean explain;
    private final int threads;
    private final ThreadLocal<Evaluator> evaluators;
    private final ThreadLocal<char[]> chars = ThreadLocal.withInitial(() -> new char[1024]); // a line, decoded
    private final ConcurrentLinkedQueue<VerdictJson> spare = new ConcurrentLinkedQueue<>();

    RulesTestStream(CompiledRuleSet rules, Scope scope, boolean explain, int threads) {
        this.rules = rules;
        this.scope = scope;
        this.explain = explain;
        this.threads = Math.max(1, threads);
        this.evaluators = ThreadLocal.withInitial(rules::evaluator);
    }

    void run(InputStream in, OutputStream out) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "livemod-rules-test");
            t.setDaemon(true);
            return t;
        });
        try {
            pump(in, out, workers);
        } finally {
            workers.shutdownNow();
        }
    }

    private void pump(InputStream in, OutputStream out, ExecutorService workers) throws IOException {
        Deque<Future<VerdictJson>> pending = new ArrayDeque<>();
        byte[] buf = new byte[1 << 20];
        int start = 0, end = 0;
        long lineNo = 1;
        while (true) {
            if (!pending.isEmpty() && in.available() <= 0) { // nothing more ready: catch up and show it
                while (!pending.isEmpty()) write(pending.poll(), out);
                out.flush();
            }
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
                }
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) break;
            end += r;
            int last = lastNewline(buf, Math.max(start, end - r), end);
            while (start <= last) {
                int cut = Math.min(start + BATCH_BYTES, last + 1);
                while (buf[cut - 1] != '\n') cut++;
                byte[] batch = Arrays.copyOfRange(buf, start, cut);
                long first = lineNo;
                lineNo += count(batch);
                pending.add(workers.submit(() -> verdicts(batch, first)));
                if (pending.size() >= threads * 4) write(pending.poll(), out);
                start = cut;
            }
        }
        if (end > start) { // the last line, without its newline
            byte[] batch = Arrays.copyOfRange(buf, start, end);
            long first = lineNo;
            pending.add(workers.submit(() -> verdicts(batch, first)));
        }
        while (!pending.isEmpty()) write(pending.poll(), out);
        out.flush();
    }

    private void write(Future<VerdictJson> done, OutputStream out) throws IOException {
        VerdictJson v;
        try {
            v = done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("evaluating a batch failed: " + e.getCause(), e.getCause());
        }
        out.write(v.array(), 0, v.size());
        v.clear();
        spare.add(v);
    }

    /** The verdict lines of the lines in {@code batch}, the first of which is line {@code first}. */
    private VerdictJson verdicts(byte[] batch, long first) throws IOException {
        VerdictJson out = spare.poll();
        if (out == null) out = new VerdictJson();
        Evaluator evaluator = evaluators.get();
        char[] chars = this.chars.get();
        long no = first;
        for (int p = 0; p < batch.length; no++) {
            int nl = p;
            boolean brace = false; // a line without '{' cannot be NDJSON
            while (nl < batch.length && batch[nl] != '\n') brace |= batch[nl++] == '{';
            int e = nl > p && batch[nl - 1] == '\r' ? nl - 1 : nl;
            if (chars.length < e - p) {
                chars = new char[Math.max(e - p, chars.length * 2)];
                this.chars.set(chars);
            }
            int n = no == 1 || brace || explain ? -1 : Utf8.decode(batch, p, e, chars);
            if (n >= 0) { // plain text, well-formed: evaluated in place
                out.verdict(no, null, evaluator.evaluate(chars, n, scope), false, null);
            } else {
                String line = new String(batch, p, e - p, StandardCharsets.UTF_8); // invalid UTF-8 becomes U+FFFD
                if (no == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                verdict(line, no, evaluator, out);
            }
            p = nl + 1;
        }
        return out;
    }

    private void verdict(String line, long no, Evaluator evaluator, VerdictJson out) throws IOException {
        String text = line, rawId = null;
        Scope where = scope;
        JsonNode obj = asObject(line);
        if (obj != null) {
            if (obj.has("id")) rawId = JSON.writeValueAsString(obj.get("id"));
            text = obj.get("text").isTextual()
                    ? obj.get("text").textValue()
                    : obj.get("text").toString();
            if (obj.has("platform") || obj.has("streamId")) {
                where = new Scope(
                        obj.path("platform").asText(scope.platform()),
                        obj.path("streamId").asText(scope.streamId()));
            }
        }
        Verdict v = evaluator.evaluate(text, where);
        out.verdict(no, rawId, v, explain, explain ? rules.normalized(text) : null);
    }

    /** The line as a JSON object with a "text" field, or null when it is plain text. */
    private static JsonNode asObject(String line) {
        String t = line.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) return null;
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isObject() && n.has("text") ? n : null;
        } catch (IOException e) {
            return null; // not JSON after all: a comment that happens to start with "{"
        }
    }

    private static int lastNewline(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (b[i] == '\n') return i;
        return -1;
    }

    private static int count(byte[] b) {
        int n = 0;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }
}
