package io.livemod.loadtest;

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

/**
 * The corpora's file format: {@code [name]} opens a section, each other line is one entry (trimmed;
 * {@code -} is the empty string); blank lines and {@code #} comments are skipped. Order is kept: the
 * chat sections list their phrases most popular first.
 */
final class Sections {
    private Sections() {}

    static Map<String, List<String>> read(String resource) {
        InputStream in = Sections.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing resource " + resource);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (t.startsWith("[") && t.endsWith("]")) {
                    current = sections.computeIfAbsent(t.substring(1, t.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(resource + ": entry before the first [section]: " + t);
                } else {
                    current.add(t.equals("-") ? "" : t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sections.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(sections);
    }

    static List<String> section(Map<String, List<String>> sections, String name) {
        List<String> s = sections.get(name);
        if (s == null || s.isEmpty())
            throw new IllegalStateException("corpus section [" + name + "] is missing or empty");
        return s;
    }

    /** A template compiled once: literal text and, for each {@code {slot}}, the slot's values. */
    @SuppressWarnings("ArrayRecordComponent") // read per comment in the generator's loop; never compared with equals
    record Template(String[] literals, List<List<String>> slots) {
        static Template compile(String template, Map<String, List<String>> sections) {
            List<String> literals = new ArrayList<>();
            List<List<String>> slots = new ArrayList<>();
            int i = 0;
            while (true) {
                int open = template.indexOf('{', i);
                if (open < 0) {
                    literals.add(template.substring(i));
                    return new Template(literals.toArray(String[]::new), List.copyOf(slots));
                }
                int close = template.indexOf('}', open);
                literals.add(template.substring(i, open));
                slots.add(section(sections, "slot." + template.substring(open + 1, close)));
                i = close + 1;
            }
        }

        /** Each slot filled from its values; spaces left around empty values collapse. */
        String fill(java.util.Random r) {
            StringBuilder b = new StringBuilder(64);
            for (int k = 0; k < slots.size(); k++) {
                b.append(literals[k]);
                List<String> values = slots.get(k);
                b.append(values.get(r.nextInt(values.size())));
            }
            return squeeze(b.append(literals[slots.size()]));
        }
    }

    private static String squeeze(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && (b.length() == 0 || b.charAt(b.length() - 1) == ' ')) continue;
            if (c == ',' && b.length() > 0 && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
            b.append(c);
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.toString();
    }
}
