package io.livemod.rules.signal;

import io.livemod.rules.CompiledRuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Ordinary livestream chat: the phrases hundreds of viewers type verbatim in every shopping, music,
 * game and talk live ({@code rules/signal/chat-phrases.txt}), and the everyday words the long tail
 * is made of ({@code chat-words.txt}). A text without risk that is one of these phrases, or made only
 * of these words, is never evidence of coordination, however many streams it is said in. Texts
 * outside it can still be: when their spread is anomalous (the campaign stage's background).
 *
 * <p>Both lists are reduced to the canonical form when loaded, so they match however the viewer
 * typed the phrase (tone marks or none, case, repeated letters).
 */
public final class ChatPhrases {
    private static final ChatPhrases STANDARD =
            new ChatPhrases(read("/rules/signal/chat-phrases.txt"), read("/rules/signal/chat-words.txt"));
    private final Set<String> phrases;
    private final Set<String> words;

    ChatPhrases(Set<String> phrases, Set<String> words) {
        this.phrases = phrases;
        this.words = words;
    }

    public static ChatPhrases standard() {
        return STANDARD;
    }

    /** Whether {@code canonical} is ordinary chat: a known phrase, or only everyday words. */
    public boolean ordinary(String canonical) {
        if (canonical == null || canonical.isEmpty() || phrases.contains(canonical)) return true;
        int start = 0;
        for (int i = 0; i <= canonical.length(); i++) {
            if (i == canonical.length() || canonical.charAt(i) == ' ') {
                if (i > start && !words.contains(canonical.substring(start, i))) return false;
                start = i + 1;
            }
        }
        return true;
    }

    private static Set<String> read(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(ChatPhrases.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String c = CompiledRuleSet.canonical(line.trim());
                if (!c.isEmpty()) out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
