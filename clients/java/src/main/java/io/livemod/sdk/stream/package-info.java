/**
 * WebSocket ingest: comments streamed into the data path, each frame acknowledged once durably stored.
 */
package io.livemod.sdk.stream;
