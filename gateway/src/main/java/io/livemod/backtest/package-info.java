/**
 * A rules backtest off the live data path: replays the retained comments topic through the live and
 * a candidate rule set and reports the difference, for {@code POST /v1/rules/backtest} and
 * {@code livemod rules backtest}. Here, in the gateway module, because it is what the gateway's route
 * runs (the CLI reuses it); it is not part of the event contract.
 */
package io.livemod.backtest;
