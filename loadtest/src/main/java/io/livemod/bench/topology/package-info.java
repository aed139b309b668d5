/**
 * Benchmarks of the data path's middle: the moderation topology alone, at full speed or a steady rate,
 * on the embedded broker, beside a pass-through baseline.
 */
package io.livemod.bench.topology;
