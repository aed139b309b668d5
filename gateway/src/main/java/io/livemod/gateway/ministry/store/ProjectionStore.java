package io.livemod.gateway.ministry.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ministry and admin projections keep what they fold from Kafka: in memory on a single
 * gateway, in Redis when several gateways share one. Documents are JSON texts grouped in named
 * collections ({@code ns}).
 *
 * <p>Every gateway follows the same topics and writes the same results, so writes must be
 * idempotent and never go back in time: {@link #putIfNewer} keeps a document only if its version
 * (the Kafka offset of the record that produced it; one id always lives on one partition) is
 * higher than the stored one. A gateway that restarts and replays from the start then cannot
 * overwrite what a gateway further ahead already wrote.
 */
public interface ProjectionStore extends AutoCloseable {

    /** @return true when stored (the version was newer than the one held) */
    boolean putIfNewer(String ns, String id, long version, String json);

    Optional<String> get(String ns, String id);

    /** The documents of those ids that exist, id to JSON. */
    Map<String, String> getAll(String ns, Collection<String> ids);

    /** Every document of a collection, id to JSON. */
    Map<String, String> all(String ns);

    /** Adds a member to a time-ordered collection; adding the same member again changes nothing. */
    void addTimed(String ns, long time, String member);

    /** Members with {@code from <= time < to}, oldest first. */
    List<String> rangeByTime(String ns, long from, long to);

    /** Drops the members older than {@code before} from a time-ordered collection (a projection's horizon). */
    void removeTimedBefore(String ns, long before);

    /** Drops those documents (and their versions). */
    void removeAll(String ns, Collection<String> ids);

    @Override
    default void close() {}
}
