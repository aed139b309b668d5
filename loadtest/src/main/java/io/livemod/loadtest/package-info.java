/**
 * The load generator and its oracle, outside the data path: plays platforms (signed batches, realistic
 * chat and spam), then reads the flags and alerts topics back and judges what moderation found against
 * what was planted.
 */
package io.livemod.loadtest;
