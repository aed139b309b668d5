package io.livemod.ingest;

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

/**
 * How platforms' JSON is read, whatever carried it (an HTTP body, a WebSocket frame, a Kafka record):
 * strict UTF-8, nesting no deeper than {@link #MAX_DEPTH} (checked by the parser itself, before any
 * recursion), no duplicate keys, no trailing garbage. One parser for every transport, so an event
 * refused on one is refused on the others, for the same reason.
 */
public final class EventJson {
    /** An event is a flat object inside an array: 16 leaves room for future fields, nothing for abuse. */
    public static final int MAX_DEPTH = 16;

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(64)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventJson() {}

    /** One event's JSON: its tree, or an {@link Item.Invalid} saying why it cannot be read (field {@code $}). */
    public static Object event(byte[] b, int offset, int length) {
        try {
            JsonNode n = MAPPER.readTree(b, offset, length);
            return n == null || n.isMissingNode() ? new Item.Invalid(null, "$", "malformed_json", "empty event") : n;
        } catch (StreamConstraintsException e) {
            return new Item.Invalid(null, "$", "too_deep", e.getOriginalMessage());
        } catch (IOException e) {
            return new Item.Invalid(null, "$", "malformed_json", describe(e));
        }
    }

    /** The parser's message with the line and column it stopped at. */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            return j.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return e.getMessage();
    }

    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
