package io.livemod.gateway.admin;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.Scope;
import io.livemod.rules.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Evaluates sample comments with a rule set, in the shape of `livemod rules test`. */
final class RuleDryRun {
    private RuleDryRun() {}

    static JsonObject run(CompiledRuleSet rules, JsonArray comments) {
        JsonArray results = new JsonArray();
        for (int i = 0; i < comments.size(); i++) {
            Object item = comments.getValue(i);
            JsonObject o = item instanceof JsonObject j ? j : new JsonObject().put("text", item);
            Verdict v =
                    rules.evaluate(o.getString("text"), new Scope(o.getString("platform"), o.getString("streamId")));
            JsonArray matches = new JsonArray();
            for (Match m : v.matches()) matches.add(match(m));
            JsonArray shadow = new JsonArray();
            for (Match m : v.shadowMatches()) shadow.add(match(m));
            results.add(new JsonObject()
                    .put("id", o.getValue("id", i))
                    .put("flagged", v.flagged())
                    .put("matches", matches)
                    .put("shadowMatches", shadow));
        }
        return new JsonObject()
                .put("version", rules.version())
                .put("valid", true)
                .put("results", results);
    }

    private static JsonObject match(Match m) {
        return new JsonObject()
                .put("rule", m.rule())
                .put("category", m.category().wire())
                .put("severity", m.severity().wire())
                .put("term", m.term())
                .put("start", m.start())
                .put("end", m.end())
                .put("steps", new JsonArray(m.steps()));
    }
}
