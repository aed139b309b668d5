/**
 * Benchmarks of the data path's first step: an in-process gateway's HTTP and WebSocket ingest against
 * a bare Kafka producer.
 */
package io.livemod.bench.ingest;
