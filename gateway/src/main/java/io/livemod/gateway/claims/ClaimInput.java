package io.livemod.gateway.claims;

import io.livemod.claims.ClaimIndex;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Wire;
import io.livemod.rules.Severity;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A claim as an officer or an import submits it, validated: each refusal names its field (with the
 * item's position in an import). The text must carry at least {@link ClaimIndex#MIN_WORDS} meaning
 * words, or the matcher could never tell it from chat.
 */
record ClaimInput(
        String text,
        String source,
        String verdict,
        String date,
        String category,
        Severity severity,
        String externalId) {
    static final int MAX_TEXT = 1000;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A refused field: {@code field} is a JSON path ({@code $.text}, {@code $.claims[3].date}). */
    static final class Invalid extends Exception {
        final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /**
     * @param at       the item's JSON path prefix ("$" or "$.claims[3]")
     * @param source   the batch's source when the item has none (imports), else null
     * @param external whether the item must carry its external id (the fact-checking centre's)
     */
    static ClaimInput parse(JsonObject o, String at, String source, boolean external) throws Invalid {
        String text = text(o, at, "text", MAX_TEXT, true);
        if (ClaimIndex.meaningWords(text) < ClaimIndex.MIN_WORDS) {
            throw new Invalid(
                    at + ".text",
                    "text needs at least " + ClaimIndex.MIN_WORDS + " meaning words (not counting function words)");
        }
        String src = text(o, at, "source", 200, source == null);
        String verdict = text(o, at, "verdict", MAX_TEXT, true);
        String date = text(o, at, "date", 10, true);
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new Invalid(at + ".date", "date must be an ISO date (2026-11-28)");
        }
        String category = text(o, at, "category", 40, true);
        if (!CATEGORY.matcher(category).matches())
            throw new Invalid(
                    at + ".category", "category: lower-case letters, digits and _ (health, bank, disaster...)");
        String word = text(o, at, "severity", 10, false);
        Severity severity = word == null ? Severity.HIGH : Wire.find(Severity.class, word);
        if (severity == null)
            throw new Invalid(at + ".severity", "severity must be one of low, medium, high, critical");
        String ext = text(o, at, "externalId", 100, external);
        if (ext != null && !EXTERNAL_ID.matcher(ext).matches())
            throw new Invalid(at + ".externalId", "externalId: 1..100 of A-Z, a-z, 0-9 and . _ : -");
        return new ClaimInput(text, src == null ? source : src, verdict, date, category, severity, ext);
    }

    private static String text(JsonObject o, String at, String field, int max, boolean required) throws Invalid {
        Object v = o.getValue(field);
        if (v == null && !required) return null;
        if (!(v instanceof String s) || s.isBlank())
            throw new Invalid(at + "." + field, field + " is required and must be a non-empty string");
        if (s.length() > max) throw new Invalid(at + "." + field, field + " is longer than " + max + " characters");
        return s.trim();
    }

    ClaimRecord record(
            String id, int version, ClaimRecord.Origin origin, String createdBy, String approvedBy, long now) {
        return ClaimRecord.builder(id, version)
                .text(text)
                .source(source)
                .verdict(verdict)
                .date(date)
                .category(category)
                .severity(severity)
                .origin(origin)
                .externalId(externalId)
                .createdBy(createdBy)
                .approvedBy(approvedBy)
                .createdAt(now)
                .build();
    }

    /** Whether {@code c} already says what this input says (a re-import of an unchanged claim writes nothing). */
    boolean sameAs(ClaimRecord c) {
        return text.equals(c.text())
                && source.equals(c.source())
                && verdict.equals(c.verdict())
                && date.equals(c.date())
                && category.equals(c.category())
                && severity == c.severity();
    }
}
