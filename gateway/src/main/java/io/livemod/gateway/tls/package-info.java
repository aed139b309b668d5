/**
 * The gateway's TLS material and its Redis connection, read at start: the transport around the data
 * path, not on it.
 */
package io.livemod.gateway.tls;
