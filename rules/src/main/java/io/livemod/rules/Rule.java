package io.livemod.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a rule set. A keyword rule has {@code terms} (and optional {@code allow} terms that
 * cancel a hit they contain); a pattern rule has one {@code pattern}. Empty {@code platforms} or
 * {@code streams} mean "everywhere". {@code unaccented} lets terms written with tone marks also match
 * text typed without any (the default); curators turn it off for short terms whose unaccented form
 * is an everyday word ("đĩ" typed "di" is "go"). {@code context} (keyword rules, may be null) makes
 * a hit flag only in the word-sense context it describes ({@link Context}). {@code line} is where
 * the rule starts in its file (0 when built in code), so compile-time errors can still point at it.
 * {@code exceptPlatforms} is the per-platform switch: the rule does not apply on the platforms it
 * names, whatever {@code platforms} says (a platform that allows vulgar intensifiers turns them off
 * there, and only there).
 */
public record Rule(
        String id,
        RuleKind kind,
        Category category,
        Severity severity,
        MatchMode match,
        RuleState state,
        List<String> terms,
        List<String> allow,
        String pattern,
        Set<String> platforms,
        Set<String> streams,
        Set<String> exceptPlatforms,
        boolean unaccented,
        Context context,
        int line) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        severity = severity == null ? Severity.MEDIUM : severity;
        match = match == null ? MatchMode.WORD : match;
        state = state == null ? RuleState.LIVE : state;
        terms = terms == null ? List.of() : List.copyOf(terms);
        allow = allow == null ? List.of() : List.copyOf(allow);
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        streams = streams == null ? Set.of() : Set.copyOf(streams);
        exceptPlatforms = exceptPlatforms == null ? Set.of() : Set.copyOf(exceptPlatforms);
    }

    /** A rule without a per-platform switch (the form before {@code exceptPlatforms} existed). */
    public Rule(
            String id,
            RuleKind kind,
            Category category,
            Severity severity,
            MatchMode match,
            RuleState state,
            List<String> terms,
            List<String> allow,
            String pattern,
            Set<String> platforms,
            Set<String> streams,
            boolean unaccented,
            Context context,
            int line) {
        this(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                Set.of(),
                unaccented,
                context,
                line);
    }

    /** A rule without a word-sense context (the form before contexts existed). */
    public Rule(
            String id,
            RuleKind kind,
            Category category,
            Severity severity,
            MatchMode match,
            RuleState state,
            List<String> terms,
            List<String> allow,
            String pattern,
            Set<String> platforms,
            Set<String> streams,
            boolean unaccented,
            int line) {
        this(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                Set.of(),
                unaccented,
                null,
                line);
    }

    /** A live keyword rule matching everywhere: the common case, for code and tests. */
    public static Rule keyword(String id, Category category, Severity severity, MatchMode match, List<String> terms) {
        return new Rule(
                id,
                RuleKind.KEYWORD,
                category,
                severity,
                match,
                RuleState.LIVE,
                terms,
                List.of(),
                null,
                Set.of(),
                Set.of(),
                true,
                0);
    }

    /** A live pattern rule matching everywhere. */
    public static Rule pattern(String id, Category category, Severity severity, String regex) {
        return new Rule(
                id,
                RuleKind.PATTERN,
                category,
                severity,
                null,
                RuleState.LIVE,
                List.of(),
                List.of(),
                regex,
                Set.of(),
                Set.of(),
                true,
                0);
    }

    public Rule withState(RuleState s) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                s,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                exceptPlatforms,
                unaccented,
                context,
                line);
    }

    public Rule withAllow(List<String> a) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                a,
                pattern,
                platforms,
                streams,
                exceptPlatforms,
                unaccented,
                context,
                line);
    }

    public Rule withScope(Set<String> onPlatforms, Set<String> onStreams) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                onPlatforms,
                onStreams,
                exceptPlatforms,
                unaccented,
                context,
                line);
    }

    public Rule withUnaccented(boolean u) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                exceptPlatforms,
                u,
                context,
                line);
    }

    public Rule withContext(Context c) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                exceptPlatforms,
                unaccented,
                c,
                line);
    }

    /** The rule switched off on {@code off} platforms ({@code exceptPlatforms}). */
    public Rule withExceptPlatforms(Set<String> off) {
        return new Rule(
                id,
                kind,
                category,
                severity,
                match,
                state,
                terms,
                allow,
                pattern,
                platforms,
                streams,
                off,
                unaccented,
                context,
                line);
    }

    /**
     * Whether this rule applies where the text was seen; an unknown platform or stream only meets
     * unscoped rules, and is never one a rule was switched off on.
     */
    public boolean appliesTo(Scope scope) {
        if (scope.platform() != null && exceptPlatforms.contains(scope.platform())) return false;
        if (!platforms.isEmpty() && (scope.platform() == null || !platforms.contains(scope.platform()))) return false;
        return streams.isEmpty() || (scope.streamId() != null && streams.contains(scope.streamId()));
    }
}
