/**
 * The start of the data path: platforms' signed batches over HTTP and WebSocket, checked
 * (signature, replay, quota, dedupe) and written to the comments and stream-events topics; a 202
 * means acknowledged by Kafka.
 */
package io.livemod.gateway.ingest;
