package io.livemod.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.livemod.rules.Severity;

/**
 * A claim judged false, as registered on the compacted claims topic, keyed by {@code id}. Each change
 * is a new record with {@code version} one higher; the last one is the claim. {@code origin} is
 * {@code officer} (registered through {@code POST /v1/claims}) or {@code import} (a fact-checking
 * centre's batch, approved by the admin named in {@code approvedBy}). {@code date} is when the claim
 * was judged false (ISO date); {@code category} and {@code severity} use the rule engine's words.
 * Built with {@link #builder}: thirteen fields are too many to pass by position.
 */
public record ClaimRecord(
        String id,
        int version,
        String text,
        String source,
        String verdict,
        String date,
        String category,
        Severity severity,
        Origin origin,
        String externalId,
        String createdBy,
        String approvedBy,
        long createdAt) {

    /** How the claim came in: an officer registered it, or an admin approved a fact-checking centre's batch. */
    public enum Origin {
        OFFICER,
        IMPORT;

        @JsonValue
        public String wire() {
            return Wire.name(this);
        }

        @JsonCreator
        public static Origin fromWire(String s) {
            return Wire.parse(Origin.class, "origin", s);
        }
    }

    /** Version {@code version} of claim {@code id}; every other field is set by name. */
    public static Builder builder(String id, int version) {
        return new Builder().id(id).version(version);
    }

    /** Sets a claim's fields by name; unset fields are null (0 for version and createdAt). */
    public static final class Builder {
        private String id, text, source, verdict, date, category, externalId, createdBy, approvedBy;
        private Severity severity;
        private Origin origin;
        private int version;
        private long createdAt;

        private Builder() {}

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder text(String v) {
            text = v;
            return this;
        }
        /** Who judged the claim false (a fact-checking centre). */
        public Builder source(String v) {
            source = v;
            return this;
        }

        public Builder verdict(String v) {
            verdict = v;
            return this;
        }
        /** When the claim was judged false, ISO date. */
        public Builder date(String v) {
            date = v;
            return this;
        }

        public Builder category(String v) {
            category = v;
            return this;
        }

        public Builder severity(Severity v) {
            severity = v;
            return this;
        }
        /** {@link Origin#OFFICER} or {@link Origin#IMPORT}. */
        public Builder origin(Origin v) {
            origin = v;
            return this;
        }

        public Builder externalId(String v) {
            externalId = v;
            return this;
        }

        public Builder createdBy(String v) {
            createdBy = v;
            return this;
        }

        public Builder approvedBy(String v) {
            approvedBy = v;
            return this;
        }

        public Builder createdAt(long v) {
            createdAt = v;
            return this;
        }

        public ClaimRecord build() {
            return new ClaimRecord(
                    id,
                    version,
                    text,
                    source,
                    verdict,
                    date,
                    category,
                    severity,
                    origin,
                    externalId,
                    createdBy,
                    approvedBy,
                    createdAt);
        }
    }
}
