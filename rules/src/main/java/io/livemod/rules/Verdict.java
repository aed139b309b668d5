package io.livemod.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The result of evaluating one text: live matches flag, shadow matches are only counted. */
public record Verdict(String rulesVersion, List<Match> matches, List<Match> shadowMatches) {
    public Verdict {
        matches = List.copyOf(matches);
        shadowMatches = List.copyOf(shadowMatches);
    }

    public boolean flagged() {
        return !matches.isEmpty();
    }

    /** The match that decides the flag's category and severity: the most severe one, first on ties. */
    public Optional<Match> strongest() {
        return matches.stream().max(Comparator.comparing(Match::severity));
    }
}
