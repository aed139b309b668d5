package io.livemod.event;

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
        String severity,
        String origin,
        String externalId,
        String createdBy,
        String approvedBy,
        long createdAt) {

    /** Version {@code version} of claim {@code id}; every other field is set by name. */
    public static Builder builder(String id, int version) {
        return new Builder().id(id).version(version);
    }

    /** Sets a claim's fields by name; unset fields are null (0 for version and createdAt). */
    public static final class Builder {
        private String id, text, source, verdict, date, category, severity, origin, externalId, createdBy, approvedBy;
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

        public Builder severity(String v) {
            severity = v;
            return this;
        }
        /** {@code officer} or {@code import}. */
        public Builder origin(String v) {
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
