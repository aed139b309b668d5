/**
 * Ingest's duplicate check, before an event is written to Kafka: which event ids a platform already
 * sent, in memory on one gateway or in Redis shared by several.
 */
package io.livemod.gateway.dedupe;
