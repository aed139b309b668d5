/**
 * Platforms (ids, secrets, webhook URLs, quotas): written to the compacted platforms topic, sealed,
 * and followed back by every gateway so a signature verifies on all of them.
 */
package io.livemod.gateway.platform;
