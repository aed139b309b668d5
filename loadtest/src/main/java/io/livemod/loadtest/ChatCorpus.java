package io.livemod.loadtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benign livestream chat as it really is: most comments are a handful of popular phrases typed
 * verbatim by many viewers ("chốt đơn", "hello idol", "gg", "cho em xin tên bài hát với ạ"), drawn
 * Zipf-distributed by rank from the stream genre's list and the common one, a share typed without
 * tone marks; the rest are free-form comments recombined from templates. The same phrases recur
 * across streams and platforms every minute: nothing about them is coordinated.
 */
public final class ChatCorpus {
    /** Benign comments that are a popular phrase typed verbatim (the rest are free-form). */
    static final double PHRASE_SHARE = 0.75;
    /** Phrases from the stream genre's own list (the rest from the common list). */
    static final double GENRE_SHARE = 0.6;
    /** Phrases typed without tone marks. */
    static final double UNMARKED_SHARE = 0.2;

    static final double PHRASE_ZIPF = 1.0;

    private final Ranked common;
    private final Map<Genre, Ranked> phrases = new EnumMap<>(Genre.class);
    private final Map<Genre, List<Sections.Template>> templates = new EnumMap<>(Genre.class);
    /** Every phrase string, by identity, with its JSON-escaped UTF-8: a phrase is encoded once, not per comment. */
    private final java.util.IdentityHashMap<String, byte[]> encoded = new java.util.IdentityHashMap<>();

    /** A ranked phrase list with its Zipf draw and the unmarked spelling of each phrase. */
    @SuppressWarnings("ArrayRecordComponent") // indexed by the Zipf draw per comment; never compared with equals
    private record Ranked(List<String> marked, String[] unmarked, Zipf zipf) {
        static Ranked of(List<String> list) {
            return new Ranked(
                    list,
                    list.stream().map(CommentCorpus::stripTones).toArray(String[]::new),
                    new Zipf(list.size(), PHRASE_ZIPF));
        }

        String draw(Random r) {
            int k = zipf.next(r);
            return r.nextDouble() < UNMARKED_SHARE ? unmarked[k] : marked.get(k);
        }
    }

    private ChatCorpus(Map<String, List<String>> sections) {
        this.common = Ranked.of(Sections.section(sections, "common"));
        for (Genre g : Genre.values()) {
            phrases.put(g, Ranked.of(Sections.section(sections, g.wire())));
            templates.put(
                    g,
                    Sections.section(sections, "templates." + g.wire()).stream()
                            .map(t -> Sections.Template.compile(t, sections))
                            .toList());
        }
        for (String p : everyPhrase()) encoded.put(p, BatchEncoder.jsonString(p));
    }

    private static final ChatCorpus VI = new ChatCorpus(Sections.read("chat-vi.txt"));

    public static ChatCorpus vietnamese() {
        return VI;
    }

    /** One benign comment for a stream of this genre. */
    public String benign(Genre g, Random r) {
        return r.nextDouble() < PHRASE_SHARE ? phrase(g, r) : freeForm(g, r);
    }

    /** A popular phrase, verbatim (or its unmarked spelling). */
    public String phrase(Genre g, Random r) {
        return (r.nextDouble() < GENRE_SHARE ? phrases.get(g) : common).draw(r);
    }

    /** A free-form comment from one of the genre's templates. */
    public String freeForm(Genre g, Random r) {
        List<Sections.Template> t = templates.get(g);
        return t.get(r.nextInt(t.size())).fill(r);
    }

    /** Every phrase of every list with its unmarked spelling (for checking the corpus against the rules). */
    public List<String> everyPhrase() {
        List<String> all = new ArrayList<>();
        for (Ranked k : phrases.values()) addAll(all, k);
        addAll(all, common);
        return all;
    }

    /** The encoded JSON string content of a phrase (this very String object), or null for any other text. */
    byte[] encoded(String text) {
        return encoded.get(text);
    }

    /** The most popular phrase of a genre's own list (rank 0). */
    String topPhrase(Genre g) {
        return phrases.get(g).marked().get(0);
    }

    private static void addAll(List<String> all, Ranked k) {
        all.addAll(k.marked());
        all.addAll(List.of(k.unmarked()));
    }
}
