/**
 * The keyword matcher: one Aho-Corasick automaton over every term of a rule set, scanned once per
 * normalized comment by the evaluator.
 */
package io.livemod.rules.automaton;
