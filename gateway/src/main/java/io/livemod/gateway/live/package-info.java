/**
 * The live end of the data path: Server-Sent Events that push flags and alerts from the projections
 * to moderators' and officers' screens, each caller filtered to its tenant.
 */
package io.livemod.gateway.live;
