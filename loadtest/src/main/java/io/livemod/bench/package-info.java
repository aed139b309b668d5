/**
 * Benchmarks and evaluations of the rule engine and the claim matcher (JMH, precision, recall), off the
 * data path; BENCHMARKS.md has their commands and figures.
 */
package io.livemod.bench;
