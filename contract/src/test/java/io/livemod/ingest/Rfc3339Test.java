package io.livemod.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.testing.Seeds;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reader against {@code OffsetDateTime.parse}: the same acceptance, the same value. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T20:00:00+07:00",
                "2026-11-28T13:00:00Z",
                "2026-11-28T13:00:00.1Z",
                "2026-11-28T13:00:00.123456789-03:30",
                "1969-12-31T23:59:59.999Z",
                "2024-02-29T00:00:00+00:00",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999+17:59",
                "2000-02-29T12:00:00-00:00"
            })
    void readsThePlainFormExactlyAsTheFormatterDoes(String ts) {
        assertThat(Rfc3339.fast(ts)).as("fast path taken").isNotEqualTo(Long.MIN_VALUE);
        assertThat(Rfc3339.epochMilli(ts))
                .isEqualTo(OffsetDateTime.parse(ts).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-11-31T00:00:00Z",
                "2026-11-28T24:00:00Z",
                "2026-11-28T20:60:00Z",
                "2026-11-28T20:00:60Z",
                "2026-11-28 20:00:00Z",
                "2026-11-28T20:00:00",
                "2026-11-28T20:00:00.1234567890Z",
                "2026-11-28T20:00:00+7:00",
                "2026-11-28T20:00:00+19:00",
                "20261128T200000Z",
                "2026-11-28T20:00:00Zjunk",
                "٢٠٢٦-11-28T20:00:00Z",
                "2026-11-28T20:00:00+07:00 "
            })
    void refusesWhatTheFormatterRefuses(String ts) {
        assertThatThrownBy(() -> OffsetDateTime.parse(ts))
                .as("the formatter's verdict")
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.epochMilli(ts)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28t20:00:00z",
                "+12026-11-28T20:00:00Z",
                "2026-11-28T20:00:00+07:00:30",
                "2026-11-28T20:00:00+18:00",
                "2026-11-28T20:00Z",
                "2026-11-28T20:00:00.Z"
            })
    void leavesUnusualFormsToTheFormatter(String ts) {
        assertThat(Rfc3339.fast(ts)).isEqualTo(Long.MIN_VALUE);
        assertThat(Rfc3339.epochMilli(ts))
                .isEqualTo(OffsetDateTime.parse(ts).toInstant().toEpochMilli());
    }

    static LongStream seeds() {
        return Seeds.of("rfc3339", 20);
    }

    /** Generated timestamps, a quarter of them slightly broken: the reader agrees with the formatter on each. */
    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithTheFormatterOnGeneratedText(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int fast = 0;
        for (int i = 0; i < 2_000; i++) {
            String ts = mutate(r, generate(r));
            Long expected;
            try {
                expected = OffsetDateTime.parse(ts).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Long actual;
            try {
                actual = Rfc3339.epochMilli(ts);
            } catch (DateTimeParseException e) {
                actual = null;
            }
            assertThat(actual).as(ts).isEqualTo(expected);
            if (Rfc3339.fast(ts) != Long.MIN_VALUE) fast++;
        }
        assertThat(fast).as("cases the fast path answered").isGreaterThan(200);
    }

    private static String generate(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                r.nextInt(0, 10_000),
                r.nextInt(0, 14),
                r.nextInt(0, 33),
                r.nextInt(0, 25),
                r.nextInt(0, 61),
                r.nextInt(0, 61)));
        if (r.nextBoolean()) {
            b.append('.');
            int digits = r.nextInt(0, 11);
            for (int k = 0; k < digits; k++) b.append((char) ('0' + r.nextInt(10)));
        }
        switch (r.nextInt(4)) {
            case 0 -> b.append('Z');
            case 1 ->
                b.append(String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', r.nextInt(0, 20), r.nextInt(0, 61)));
            case 2 ->
                b.append(String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', r.nextInt(0, 15), r.nextInt(0, 60)));
            default -> {}
        }
        return b.toString();
    }

    /** One time in four, one character replaced, dropped or doubled. */
    private static String mutate(SplittableRandom r, String s) {
        if (r.nextInt(4) != 0) return s;
        int at = r.nextInt(s.length());
        String chars = "0123456789-:T.Z+tz ";
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at) + chars.charAt(r.nextInt(chars.length())) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + s.substring(at + 1);
            default -> s.substring(0, at) + s.charAt(at) + s.substring(at);
        };
    }
}
