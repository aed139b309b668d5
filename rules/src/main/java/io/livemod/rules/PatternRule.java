package io.livemod.rules;

import io.livemod.rules.regex.BoundedRegex;
import java.util.List;

/** A pattern rule ready to run: its bounded regex, and allow terms already folded like the text it sees. */
record PatternRule(Rule rule, BoundedRegex regex, List<String> allow) {}
