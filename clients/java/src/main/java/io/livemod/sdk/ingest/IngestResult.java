package io.livemod.sdk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's answer to a batch: how many events are now durably stored, how many it already
 * had (a retry's duplicates), and the ones it refused, each with its index in the batch as sent.
 *
 * @param accepted   events stored by this request
 * @param duplicates events the gateway already had (same id): not stored again
 * @param rejected   events refused, with the reason
 */
public record IngestResult(int accepted, int duplicates, List<Rejected> rejected) {
    /** Gateway code for an event another request is writing right now: resend it shortly. */
    public static final String IN_FLIGHT = "in_flight";

    /** Copies the list. */
    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /**
     * One refused event.
     *
     * @param index   its position in the batch as the caller gave it
     * @param id      its id, or {@code null} when it had none
     * @param error   the code ({@code missing_field}, {@code too_long}, {@code in_flight}, ...)
     * @param message the gateway's explanation
     * @param field   the JSON path of the offending field, or {@code null}
     */
    public record Rejected(int index, String id, String error, String message, String field) {}

    /**
     * Reads a 202 body or a WebSocket ack.
     *
     * @param json the answer
     * @return the result
     */
    public static IngestResult from(JsonNode json) {
        List<Rejected> rejected = new ArrayList<>();
        for (JsonNode r : json.path("rejected"))
            rejected.add(rejected(r, r.path("index").asInt(-1)));
        return new IngestResult(
                json.path("accepted").asInt(), json.path("duplicates").asInt(), rejected);
    }

    static Rejected rejected(JsonNode r, int index) {
        return new Rejected(index, text(r, "id"), text(r, "error"), text(r, "message"), text(r, "field"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** @return the indexes of events refused as {@value #IN_FLIGHT} (worth resending shortly) */
    public List<Integer> inFlight() {
        return rejected.stream()
                .filter(r -> IN_FLIGHT.equals(r.error()))
                .map(Rejected::index)
                .toList();
    }

    /**
     * Adds a resend's outcome: its counts, and its refusals in place of the resent ones.
     *
     * @param resent  indexes (in this batch) of the events resent, in the order they were resent
     * @param outcome the resend's result, indexed within the resend
     * @return the combined result
     */
    public IngestResult merge(List<Integer> resent, IngestResult outcome) {
        List<Rejected> all = new ArrayList<>(
                rejected.stream().filter(r -> !resent.contains(r.index())).toList());
        for (Rejected r : outcome.rejected()) {
            all.add(new Rejected(resent.get(r.index()), r.id(), r.error(), r.message(), r.field()));
        }
        return new IngestResult(accepted + outcome.accepted(), duplicates + outcome.duplicates(), all);
    }
}
