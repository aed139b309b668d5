/**
 * A rules backtest off the live data path: replays the retained comments topic through the live and
 * a candidate rule set and reports the difference, for {@code POST /v1/rules/backtest} and
 * {@code livemod rules backtest}. Here, in the gateway module, because it needs both the event
 * contract (to read the topic) and the rule engine, which stays free of Kafka.
 */
package io.livemod.backtest;
