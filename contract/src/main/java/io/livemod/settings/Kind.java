package io.livemod.settings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How a setting's text becomes its typed value, and how the value is measured against bounds and
 * shown in messages and the settings tables (in the setting's own unit: the variable's name says it).
 */
interface Kind<T> {
    /** @throws NumberFormatException when the text is not of this kind */
    T parse(String text);

    /** The value in the setting's unit, compared with its bounds; NaN when it has none. */
    double magnitude(T value);

    String show(T value);

    /** What a refused text is "not a ...". */
    default String noun() {
        return "number";
    }

    /** Whether surrounding spaces are dropped before parsing. */
    default boolean trims() {
        return true;
    }

    Kind<Integer> INTEGER = numeric(Integer::parseInt, "whole number");
    Kind<Long> WHOLE = numeric(Long::parseLong, "whole number");
    Kind<Double> DECIMAL = numeric(
            text -> {
                double d = Double.parseDouble(text);
                if (!Double.isFinite(d)) throw new NumberFormatException(text);
                return d;
            },
            "number");

    static <N extends Number> Kind<N> numeric(java.util.function.Function<String, N> parser, String noun) {
        return new Kind<>() {
            @Override
            public N parse(String text) {
                return parser.apply(text);
            }

            @Override
            public double magnitude(N v) {
                return v.doubleValue();
            }

            @Override
            public String show(N v) {
                return Setting.number(v.doubleValue());
            }

            @Override
            public String noun() {
                return noun;
            }
        };
    }

    Kind<String> TEXT = text(true);
    /** Text taken as written, spaces included: a key or password is what the operator typed. */
    Kind<String> RAW = text(false);

    private static Kind<String> text(boolean trimmed) {
        return new Kind<>() {
            @Override
            public String parse(String text) {
                return text;
            }

            @Override
            public double magnitude(String v) {
                return Double.NaN;
            }

            @Override
            public String show(String v) {
                return v;
            }

            @Override
            public boolean trims() {
                return trimmed;
            }
        };
    }

    /** A whole number of {@code unit}s (seconds, minutes, ...) read as a Duration. */
    static Kind<Duration> duration(ChronoUnit unit) {
        return new Kind<>() {
            @Override
            public Duration parse(String text) {
                return Duration.of(Long.parseLong(text), unit);
            }

            @Override
            public double magnitude(Duration v) {
                return v.toMillis() / (double) unit.getDuration().toMillis();
            }

            @Override
            public String show(Duration v) {
                return Setting.number(magnitude(v));
            }

            @Override
            public String noun() {
                return "whole number";
            }
        };
    }
}
