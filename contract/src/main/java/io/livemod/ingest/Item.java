package io.livemod.ingest;

/** One event of a batch after validation: ready for Kafka, or refused with the reason. */
public sealed interface Item permits Item.Valid, Item.Invalid {

    /** @param event a {@link io.livemod.event.Comment} or {@link io.livemod.event.StreamEvent}, per kind */
    record Valid(EventKind kind, String id, Object event) implements Item {
        /** The dedupe key: ids are unique per platform and kind. */
        public String dedupeKey() {
            return kind.prefix() + ":" + id;
        }
    }

    /**
     * @param id    the event's id when it had a readable one, to help the platform match it
     * @param field JSON path within the event ("$.text"); the batch prefixes the index
     */
    record Invalid(String id, String field, String error, String message) implements Item {}
}
