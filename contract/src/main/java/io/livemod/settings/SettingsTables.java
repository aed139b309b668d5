package io.livemod.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the settings tables of docs/operations.md ("Configuration") from the catalogue, between marker comments
 * ({@code <!-- settings:GROUP begin ... -->} and {@code <!-- settings:GROUP end -->}), one table per
 * catalogue group. {@code SettingsTablesTest} fails when that document differs from what this writes.
 *
 * <pre>./mvnw -q -o -pl contract compile && java -cp contract/target/classes io.livemod.settings.SettingsTables docs/operations.md</pre>
 */
public final class SettingsTables {
    public static final String REGENERATE =
            "./mvnw -q -o -pl contract compile && java -cp contract/target/classes io.livemod.settings.SettingsTables docs/operations.md";

    private SettingsTables() {}

    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args.length > 0 ? args[0] : "docs/operations.md");
        String before = Files.readString(readme, StandardCharsets.UTF_8);
        String after = render(before);
        if (after.equals(before)) {
            System.out.println(readme + ": settings tables up to date");
        } else {
            Files.writeString(readme, after, StandardCharsets.UTF_8);
            System.out.println(readme + ": settings tables rewritten from the catalogue");
        }
    }

    /** {@code readme} with every group's block replaced by the catalogue's table. */
    public static String render(String readme) {
        String out = readme;
        for (Map.Entry<String, List<Setting<?>>> g : Catalogue.GROUPS.entrySet()) {
            String begin = "<!-- settings:" + g.getKey() + " begin";
            String end = "<!-- settings:" + g.getKey() + " end -->";
            int b = out.indexOf(begin);
            int e = out.indexOf(end);
            if (b < 0 || e < b)
                throw new IllegalStateException(
                        "no block for settings group " + g.getKey() + " (" + begin + " ... " + end + ")");
            int bodyStart = out.indexOf("-->", b) + 3;
            out = out.substring(0, bodyStart) + "\n" + table(g.getValue()) + out.substring(e);
        }
        return out;
    }

    static String table(List<Setting<?>> settings) {
        StringBuilder t =
                new StringBuilder("| setting | variable | bounds | default | read by |\n|---|---|---|---|---|\n");
        for (Setting<?> s : settings) {
            String variable = "`" + s.env() + "`" + (s.isSecret() ? " (secret)" : "")
                    + (s.isEnvOnly() ? " (environment only)" : "");
            String unit = s.unit().isEmpty()
                            || s.bounds().isEmpty()
                            || !Character.isDigit(s.bounds().charAt(s.bounds().length() - 1))
                    ? ""
                    : " " + s.unit();
            t.append("| ")
                    .append(cell(s.doc()))
                    .append(" | ")
                    .append(variable)
                    .append(" | ")
                    .append(cell(s.bounds() + unit))
                    .append(" | ")
                    .append(cell(s.defaultShown()))
                    .append(" | ")
                    .append(s.roles().stream().map(Role::shown).collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return t.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
