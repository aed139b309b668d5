package io.livemod.gateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request body (a JSON array, or NDJSON) into the batch's events, refusing what must not
 * reach the parsers: invalid UTF-8, nesting deeper than {@link #MAX_DEPTH} (checked by the parser
 * itself, before any recursion), duplicate keys, trailing garbage, more than {@link #MAX_EVENTS}.
 * NDJSON lines are independent, so a malformed line is one rejected event, not a refused batch.
 */
public final class BatchDecoder {
    public static final int MAX_EVENTS = 1000;
    /** An event is a flat object inside an array: 16 leaves room for future fields, nothing for abuse. */
    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(64).maxNameLength(256).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private BatchDecoder() {}

    /** @return each event as a {@link JsonNode}, or an {@link Item.Invalid} for an unreadable NDJSON line */
    public static List<Object> decode(byte[] body, boolean ndjson) {
        if (body.length == 0) throw IngestError.body(400, "malformed_body", "the body is empty");
        checkUtf8(body);
        List<Object> items = ndjson ? lines(body) : array(body);
        if (items.size() > MAX_EVENTS) {
            throw IngestError.body(413, "too_many_events", "at most " + MAX_EVENTS + " events a batch, got " + items.size());
        }
        if (items.isEmpty()) throw IngestError.body(400, "no_valid_event", "the batch is empty");
        return items;
    }

    private static List<Object> array(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw refusal(e);
        }
        if (root == null || !root.isArray()) throw IngestError.body(400, "malformed_body", "the body must be a JSON array of events");
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
                    throw IngestError.body(413, "too_many_events", "at most " + MAX_EVENTS + " events a batch");
                }
                items.add(line(body, start, end));
            }
            start = i + 1;
        }
        return items;
    }

    private static Object line(byte[] body, int start, int end) {
        try {
            JsonNode n = MAPPER.readTree(body, start, end - start);
            return n == null ? new Item.Invalid(null, "$", "malformed_json", "empty line") : n;
        } catch (StreamConstraintsException e) {
            return new Item.Invalid(null, "$", "too_deep", e.getOriginalMessage());
        } catch (IOException e) {
            return new Item.Invalid(null, "$", "malformed_json", describe(e));
        }
    }

    private static IngestError refusal(IOException e) {
        if (e instanceof StreamConstraintsException c) {
            return IngestError.body(400, "too_deep", "the body is nested too deeply or has an oversized token: " + c.getOriginalMessage());
        }
        return IngestError.body(400, "malformed_body", "the body is not valid JSON: " + describe(e));
    }

    private static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return j.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return e.getMessage();
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    private static void checkUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw IngestError.body(400, "invalid_utf8", "the body is not valid UTF-8");
        }
    }
}
