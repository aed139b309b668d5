/**
 * Pattern rules, made safe and cheap: patterns that could backtrack catastrophically are refused at
 * load time, and a prefilter lets most comments skip the regex on the evaluator's path.
 */
package io.livemod.rules.regex;
