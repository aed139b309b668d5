package io.livemod.rules.text;

/**
 * Lower-case Cyrillic and Greek letters (and a few Latin oddities) that render like a Latin letter,
 * mapped to it. Only letters whose glyph is near-identical in common fonts: mapping too much would
 * turn real Russian or Greek text into Latin noise.
 */
final class Lookalikes {
    private static final String FROM =
            "аеорсухіјѕԁһӏвнмткɡ" // Cyrillic а е о р с у х і ј ѕ ԁ һ ӏ в н м т к, Latin script g
                    + "αοριυνκτεχηβ" // Greek
                    + "ðɗı"; // eth and hooked d read as đ/d, dotless i
    private static final String TO = "aeopcyxijsdhlbhmtkg" + "aopiuvktexnb" + "đdi";

    private Lookalikes() {}

    static char map(char c) {
        if (c < 0xF0) return c;
        int i = FROM.indexOf(c);
        return i < 0 ? c : TO.charAt(i);
    }
}
