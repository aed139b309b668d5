package io.livemod.event;

import java.util.List;

/** Why a flag was raised: rule, term, offsets in the original text, normalizations that applied. */
public record FlagMatch(String rule, String term, int start, int end, List<String> steps) {}
