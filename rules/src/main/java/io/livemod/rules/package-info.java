/**
 * The rule engine, a pure library (no Kafka types): rule files are read and checked
 * ({@link io.livemod.rules.RuleSetLoader}), compiled ({@link io.livemod.rules.CompiledRuleSet}) and
 * evaluated on a comment's text into a {@link io.livemod.rules.Verdict}. On the data path it is the
 * moderation app's keyword and pattern step; the gateway and the CLI use it to check, test and backtest
 * rule sets.
 */
package io.livemod.rules;
