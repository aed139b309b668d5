/**
 * The moderation role's health and metrics endpoints, so probes treat every role on the data path alike.
 */
package io.livemod.server.health;
