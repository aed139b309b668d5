/**
 * Ingest's per-platform quota, charged after validation and before the Kafka write: token buckets
 * in memory on one gateway or in Redis shared by several.
 */
package io.livemod.gateway.quota;
