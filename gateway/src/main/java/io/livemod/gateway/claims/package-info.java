/**
 * The false-claims registry: routes write claims to the compacted claims topic (which moderation
 * matches against) and answer once this gateway's book, fed from that topic, has them.
 */
package io.livemod.gateway.claims;
