package io.livemod.loadtest;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The copy-paste messages of spam campaigns: contact handles (Zalo and phone numbers, Telegram
 * links), links, ad phrases, money and prizes. Each campaign gets its own numbers, handle and link
 * code, so two campaigns never share a text; a share of campaigns is evaded the way spammers dodge
 * filters (spaced or dotted digits, look-alike letters, no tone marks, "zal0", "bit . ly"), the same
 * way in every copy: it stays copy-paste.
 */
public final class SpamCorpus {
    private static final Map<String, List<String>> SECTIONS = Sections.read("spam-vi.txt");
    private static final List<String> TEMPLATES = Sections.section(SECTIONS, "templates");
    /** Latin letters and the Cyrillic letters that look the same. */
    private static final String LATIN = "aoecpxy", CYRILLIC = "аоесрху";

    private SpamCorpus() {}

    /** A brigade's message: a template of the "burst" section with a streamer's name. */
    public static String brigade(Random r) {
        List<String> templates = Sections.section(SECTIONS, "burst"), names = Sections.section(SECTIONS, "slot.name");
        return templates.get(r.nextInt(templates.size())).replace("{name}", names.get(r.nextInt(names.size())));
    }

    /** One campaign's message: evaded with probability {@code evadedShare}. */
    public static String campaign(Random r, double evadedShare) {
        String text = fill(TEMPLATES.get(r.nextInt(TEMPLATES.size())), r);
        return r.nextDouble() < evadedShare ? evade(text, r) : text;
    }

    static String fill(String template, Random r) {
        String phone = "09" + digits(r, 8);
        String code = Long.toString(36L * 36 * 36 * 36 + r.nextInt(36 * 36 * 36 * 36 * 35), 36);
        List<String> domains = Sections.section(SECTIONS, "slot.domain");
        List<String> handles = Sections.section(SECTIONS, "slot.handle");
        List<String> money = Sections.section(SECTIONS, "slot.money");
        return template.replace("{phone}", phone)
                .replace("{link}", domains.get(r.nextInt(domains.size())) + "/" + code)
                .replace("{tme}", "t.me/" + handles.get(r.nextInt(handles.size())) + code)
                .replace("{money}", money.get(r.nextInt(money.size())));
    }

    static String evade(String text, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> spaceDigits(text, r.nextBoolean() ? " " : ".");
            case 1 -> lookAlike(text);
            case 2 -> CommentCorpus.stripTones(text);
            default ->
                text.replace("zalo", "zal0")
                        .replace(".ly", " . ly")
                        .replace(".com", " . com")
                        .replace("t.me", "t . me");
        };
    }

    /** Digits of numbers longer than 4 separated ("0 9 1 2 ..." or "0.9.1.2..."). */
    static String spaceDigits(String text, String sep) {
        StringBuilder b = new StringBuilder(text.length() * 2);
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && Character.isDigit(text.charAt(j))) j++;
            if (j - i > 4) {
                for (int k = i; k < j; k++) b.append(text.charAt(k)).append(k < j - 1 ? sep : "");
                i = j;
            } else {
                b.append(text.charAt(i++));
            }
        }
        return b.toString();
    }

    /** Every Latin letter with a Cyrillic twin replaced by it. */
    static String lookAlike(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = LATIN.indexOf(c);
            b.append(k >= 0 ? CYRILLIC.charAt(k) : c);
        }
        return b.toString();
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
        return b.toString();
    }
}
