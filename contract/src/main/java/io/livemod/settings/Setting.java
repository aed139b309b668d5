package io.livemod.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One setting, declared once in a catalogue class: its name, variable, type, default, bounds, the
 * line the settings tables show and who reads it. {@link #read} turns the variable's text (environment over
 * config file, see {@link Source}) into the typed value and refuses what is out of bounds;
 * {@link #check} applies the same bounds to a value built in code. A refusal is one line naming
 * the setting. Rules between settings (at most another's value) stay in the typed records.
 *
 * <p>Declarations are built with the package-private fluent methods while their catalogue class
 * initialises; afterwards a setting is read-only.
 */
public final class Setting<T> {
    /** How refusals name the setting: the gateway's messages name the variable, the moderation role's the field too. */
    enum Style {
        VARIABLE,
        FIELD
    }

    private final String name;
    private final String env;
    private final Kind<T> kind;
    private final T fallback;
    private Style style = Style.VARIABLE;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private boolean minExclusive;
    private String unit = "";
    private String why = "";
    private String doc = "";
    private String defaultDoc;
    private String boundsDoc;
    private List<String> choices = List.of();
    private boolean envOnly;
    private boolean secret;
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private Setting(String name, String env, Kind<T> kind, T fallback) {
        this.name = name;
        this.env = env;
        this.kind = kind;
        this.fallback = fallback;
    }

    static Setting<Integer> integer(String name, String env, int dflt) {
        return new Setting<>(name, env, Kind.INTEGER, dflt);
    }

    static Setting<Long> whole(String name, String env, long dflt) {
        return new Setting<>(name, env, Kind.WHOLE, dflt);
    }

    static Setting<Double> decimal(String name, String env, double dflt) {
        return new Setting<>(name, env, Kind.DECIMAL, dflt);
    }

    static Setting<String> text(String name, String env, String dflt) {
        return new Setting<>(name, env, Kind.TEXT, dflt);
    }

    /** A key or password, taken as written and never shown (see {@link #secret()}). */
    static Setting<String> secret(String name, String env) {
        return new Setting<String>(name, env, Kind.RAW, null).secret();
    }

    static Setting<Duration> duration(String name, String env, ChronoUnit unit, long dflt) {
        return new Setting<>(name, env, Kind.duration(unit), Duration.of(dflt, unit))
                .unit(
                        switch (unit) {
                            case MILLIS -> "ms";
                            case SECONDS -> "s";
                            case MINUTES -> "min";
                            case HOURS -> "h";
                            case DAYS -> "days";
                            default -> unit.toString();
                        });
    }

    // --- declaration (package-private: only catalogue classes declare) ---

    Setting<T> doc(String line) {
        this.doc = line;
        return this;
    }

    Setting<T> range(double lo, double hi) {
        this.min = lo;
        this.max = hi;
        return this;
    }

    Setting<T> atLeast(double lo) {
        this.min = lo;
        return this;
    }

    Setting<T> above(double lo) {
        this.min = lo;
        this.minExclusive = true;
        return this;
    }

    Setting<T> unit(String u) {
        this.unit = u;
        return this;
    }

    /** Why the bounds are what they are, in the refusal: "(above the SSE heartbeat)". */
    Setting<T> why(String reason) {
        this.why = reason;
        return this;
    }

    Setting<T> choices(String... allowed) {
        this.choices = List.of(allowed);
        return this;
    }

    /** The settings tables' default column when the default needs words (dev mode, required...). */
    Setting<T> defaultDoc(String text) {
        this.defaultDoc = text;
        return this;
    }

    /** The settings tables' bounds when a rule between settings (in the typed record) decides them. */
    Setting<T> boundsDoc(String text) {
        this.boundsDoc = text;
        return this;
    }

    /** Its value is never shown: not in refusals, logs or the settings tables. */
    Setting<T> secret() {
        this.secret = true;
        return this;
    }

    Setting<T> fieldStyle() {
        this.style = Style.FIELD;
        return this;
    }

    /** Read before Java starts or before the config file is known: the environment only. */
    Setting<T> envOnly() {
        this.envOnly = true;
        return this;
    }

    Setting<T> roles(Role... who) {
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(List.of(who)));
        return this;
    }

    // --- reading ---

    /** The value the source gives, else the catalogue's default; checked against the bounds. */
    public T read(Function<String, String> source) {
        return read(source, fallback);
    }

    /** The value the source gives, else {@code otherwise} (a typed record's current value, unchecked). */
    public T read(Function<String, String> source, T otherwise) {
        String raw = source.apply(env);
        if (raw == null || raw.isBlank()) return otherwise;
        String text = kind.trims() ? raw.trim() : raw;
        T value;
        try {
            value = kind.parse(text);
        } catch (NumberFormatException | ArithmeticException e) {
            String noun = style == Style.FIELD ? kind.noun() : "number";
            throw new IllegalArgumentException(label() + ": not a " + noun + ": " + (secret ? "(hidden)" : raw));
        }
        return check(value);
    }

    /** {@code value} when it is within the bounds, else a one-line refusal naming the setting. */
    public T check(T value) {
        if (value == null) throw new IllegalArgumentException(label() + ": required");
        if (!choices.isEmpty() && !choices.contains(value.toString())) throw refused(value);
        double m = kind.magnitude(value);
        if (!Double.isNaN(min) && (minExclusive ? m <= min : m < min)) throw refused(value);
        if (!Double.isNaN(max) && m > max) throw refused(value);
        return value;
    }

    private IllegalArgumentException refused(T value) {
        return new IllegalArgumentException(label() + ": " + rule() + ", got " + shown(value));
    }

    /** A value as messages may show it: a secret's never. */
    public String shown(T value) {
        return secret ? "(hidden)" : kind.show(value);
    }

    /** "must be 10..28800 s (why)", "at least 1000", "must be above 1", "must be A or B". */
    String rule() {
        String u = unit.isEmpty() ? "" : " " + unit;
        String w = why.isEmpty() ? "" : " (" + why + ")";
        if (!choices.isEmpty()) return "must be " + alternatives();
        if (!Double.isNaN(min) && !Double.isNaN(max)) return "must be " + number(min) + ".." + number(max) + u + w;
        if (minExclusive) return "must be above " + number(min) + u + w;
        if (!Double.isNaN(min)) return "at least " + number(min) + u + w;
        return "";
    }

    /** The bounds as the settings tables show them: "10..28800", "≥ 1000", "> 1", "PLAINTEXT, SSL or SASL_SSL". */
    public String bounds() {
        if (boundsDoc != null) return boundsDoc;
        if (!choices.isEmpty()) return alternatives();
        if (!Double.isNaN(min) && !Double.isNaN(max)) return number(min) + ".." + number(max);
        if (minExclusive) return "> " + number(min);
        if (!Double.isNaN(min)) return "≥ " + number(min);
        return "";
    }

    private String alternatives() {
        if (choices.size() == 1) return choices.get(0);
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    /** How messages name the setting: {@code LIVEMOD_X} or {@code name (LIVEMOD_X)}. */
    public String label() {
        return style == Style.FIELD ? name + " (" + env + ")" : env;
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    // --- the declaration, read-only ---

    public String name() {
        return name;
    }

    public String env() {
        return env;
    }

    public T defaultValue() {
        return fallback;
    }

    /** The default as the settings tables show it. */
    public String defaultShown() {
        if (defaultDoc != null) return defaultDoc;
        if (fallback == null) return "none";
        return fallback instanceof String ? "`" + shown(fallback) + "`" : shown(fallback);
    }

    public String doc() {
        return doc;
    }

    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean isSecret() {
        return secret;
    }

    public boolean isEnvOnly() {
        return envOnly;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String toString() {
        return label();
    }
}
