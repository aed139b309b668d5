/**
 * The events a platform sends, the start of the data path: comments and stream events, checked as
 * the gateway will check them, batched and encoded.
 */
package io.livemod.sdk.ingest;
