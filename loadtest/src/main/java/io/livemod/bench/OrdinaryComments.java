package io.livemod.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ordinary Vietnamese comments for the precision evaluation: none is abuse, spam or an ad, so every
 * flag on them is a false flag. Two sources, both written for the project and shipped in the jar
 * (no third-party text): {@code /precision/ordinary-comments.txt}, written by hand, and
 * {@code /precision/ordinary-templates.txt}, templates × word lists expanded from a seed, a share
 * typed without tone marks as much chat is.
 */
public final class OrdinaryComments {
    static final String HANDWRITTEN = "/precision/ordinary-comments.txt";
    static final String TEMPLATES = "/precision/ordinary-templates.txt";
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

    /** One comment, the domain it was written for (news, shopping, music, sport ...) and where it came from. */
    public record Comment(String source, String domain, String text) {}

    private OrdinaryComments() {}

    /** The hand-written comments, in file order. */
    public static List<Comment> handwritten() {
        List<Comment> out = new ArrayList<>();
        String domain = "none";
        for (String line : lines(HANDWRITTEN)) {
            if (line.startsWith("## ")) domain = line.substring(3).trim();
            else if (!line.isBlank() && !line.startsWith("#")) out.add(new Comment("handwritten", domain, line.trim()));
        }
        return out;
    }

    /**
     * {@code count} comments from the templates: a domain, then one of its templates, at random;
     * each slot filled from its word list; 30% typed without tone marks, 10% starting upper case.
     */
    public static List<Comment> generated(int count, long seed) {
        Map<String, String[]> words = new LinkedHashMap<>();
        Map<String, List<String>> templates = new LinkedHashMap<>();
        String domain = null;
        for (String line : lines(TEMPLATES)) {
            if (line.isBlank() || (line.startsWith("#") && !line.startsWith("## "))) continue;
            if (line.startsWith("## ")) {
                domain = line.substring(3).trim();
                templates.put(domain, new ArrayList<>());
            } else if (line.startsWith("@")) {
                int colon = line.indexOf(':');
                String[] items = line.substring(colon + 1).split("\\|", -1);
                for (int i = 0; i < items.length; i++) items[i] = items[i].trim();
                words.put(line.substring(1, colon).trim(), items);
            } else {
                if (domain == null)
                    throw new IllegalStateException(TEMPLATES + ": a template before any '## domain': " + line);
                templates.get(domain).add(line.trim());
            }
        }
        List<String> domains = new ArrayList<>(templates.keySet());
        SplittableRandom r = new SplittableRandom(seed);
        List<Comment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String d = domains.get(r.nextInt(domains.size()));
            List<String> ts = templates.get(d);
            String text = fill(ts.get(r.nextInt(ts.size())), words, r);
            if (r.nextInt(10) < 3) text = CommentGenerator.unaccented(text);
            if (r.nextInt(10) == 0) text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            out.add(new Comment("generated", d, text));
        }
        return out;
    }

    private static String fill(String template, Map<String, String[]> words, SplittableRandom r) {
        Matcher m = SLOT.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String[] list = words.get(m.group(1));
            if (list == null)
                throw new IllegalStateException(TEMPLATES + ": no word list @" + m.group(1) + " for: " + template);
            String w = list[r.nextInt(list.length)];
            boolean closer = m.group(1).equals("closer");
            m.appendReplacement(
                    b, Matcher.quoteReplacement(closer && !w.isEmpty() && !w.startsWith("!") ? " " + w : w));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\s+", " ").trim();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = OrdinaryComments.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the jar");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
