package io.livemod.event;

import java.util.Arrays;
import java.util.Locale;

/**
 * The wire form of the contract's enums: the lower-case name. A string from outside (HTTP, Kafka
 * JSON) is parsed once, at the edge, and a word that is not one of them is refused naming the field.
 */
public final class Wire {
    private Wire() {}

    /** The lower-case name of {@code value}. */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose wire name is {@code word} (any case, blanks around ignored).
     *
     * @throws IllegalArgumentException naming {@code field} and the accepted words
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String word) {
        String name = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException(field + " '" + word + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Wire::name).toList());
    }

    /**
     * The constant whose wire name is exactly {@code word}, or null: for an edge that answers a bad
     * word with its own error (an HTTP 400, an ingest problem) and accepts only the words as documented.
     */
    public static <E extends Enum<E>> E find(Class<E> type, String word) {
        if (word == null) return null;
        for (E e : type.getEnumConstants()) if (name(e).equals(word)) return e;
        return null;
    }
}
