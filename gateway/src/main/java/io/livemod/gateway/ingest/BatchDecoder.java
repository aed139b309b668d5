package io.livemod.gateway.ingest;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.gateway.http.ApiError;
import io.livemod.ingest.EventJson;
import io.livemod.ingest.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request body (a JSON array, or NDJSON) into the batch's events, refusing what must not
 * reach the parsers ({@link EventJson}'s rules: invalid UTF-8, deep nesting, duplicate keys,
 * trailing garbage) and more than {@link #MAX_EVENTS}.
 * NDJSON lines are independent, so a malformed line is one rejected event, not a refused batch.
 */
public final class BatchDecoder {
    public static final int MAX_EVENTS = 1000;

    private BatchDecoder() {}

    /** @return each event as a {@link JsonNode}, or an {@link Item.Invalid} for an unreadable NDJSON line */
    public static List<Object> decode(byte[] body, boolean ndjson) {
        if (body.length == 0) throw ApiError.body(400, "malformed_body", "the body is empty");
        checkUtf8(body);
        List<Object> items = ndjson ? lines(body) : array(body);
        if (items.size() > MAX_EVENTS) {
            throw ApiError.body(
                    413, "too_many_events", "at most " + MAX_EVENTS + " events a batch, got " + items.size());
        }
        if (items.isEmpty()) throw ApiError.body(400, "no_valid_event", "the batch is empty");
        return items;
    }

    private static List<Object> array(byte[] body) {
        JsonNode root;
        try {
            root = EventJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (root == null || !root.isArray())
            throw ApiError.body(400, "malformed_body", "the body must be a JSON array of events");
        List<Object> items = new ArrayList<>(root.size());
        root.forEach(items::add);
        return items;
    }

    private static List<Object> lines(byte[] body) {
        List<Object> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '\n') continue;
            int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
            if (!blank(body, start, end)) {
                if (items.size() == MAX_EVENTS) {
                    throw ApiError.body(413, "too_many_events", "at most " + MAX_EVENTS + " events a batch");
                }
                items.add(line(body, start, end));
            }
            start = i + 1;
        }
        return items;
    }

    private static Object line(byte[] body, int start, int end) {
        return EventJson.event(body, start, end - start);
    }

    private static ApiError refusal(IOException e) {
        if (e instanceof StreamConstraintsException c) {
            return ApiError.body(
                    400,
                    "too_deep",
                    "the body is nested too deeply or has an oversized token: " + c.getOriginalMessage());
        }
        return ApiError.body(400, "malformed_body", "the body is not valid JSON: " + EventJson.describe(e));
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    private static void checkUtf8(byte[] body) {
        if (!EventJson.isUtf8(body)) throw ApiError.body(400, "invalid_utf8", "the body is not valid UTF-8");
    }
}
