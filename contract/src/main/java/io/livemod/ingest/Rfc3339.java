package io.livemod.ingest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as epoch milliseconds, read without {@code java.time}'s formatter for the form
 * platforms send ({@code 2026-11-28T20:00:00+07:00}, {@code ...00.123Z}): every comment carries one or
 * two, and {@code OffsetDateTime.parse} was a fifth of the ingest event loop's CPU at 2,000 comments/s
 * (JFR, issue 13). Anything outside that form (lower-case {@code t}, more than four year digits, an
 * out-of-range field, a leap second) goes to {@code OffsetDateTime.parse}, so what is accepted, and the
 * value it has, are exactly the formatter's: the fast path only ever answers for text the formatter
 * reads the same way, which {@code Rfc3339Test} checks against it.
 */
final class Rfc3339 {
    private Rfc3339() {}

    /** Epoch milliseconds (the fraction truncated to milliseconds, as {@code Instant.toEpochMilli}). */
    static long epochMilli(String s) throws DateTimeParseException {
        long fast = fast(s);
        return fast != Long.MIN_VALUE
                ? fast
                : OffsetDateTime.parse(s).toInstant().toEpochMilli();
    }

    /** The value, or {@code Long.MIN_VALUE} when the text is not in the plain form (the formatter decides). */
    static long fast(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return Long.MIN_VALUE;
        if (month < 1
                || month > 12
                || day < 1
                || day > lengthOfMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (s.charAt(i) == '.') {
            int from = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - from < 3) millis = millis * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - from;
            if (count < 1 || count > 9) return Long.MIN_VALUE;
            for (int k = count; k < 3; k++) millis *= 10;
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 17 || om > 59) return Long.MIN_VALUE;
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Long.MIN_VALUE;
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 (proleptic Gregorian), as {@code LocalDate.toEpochDay} computes them. */
    private static long epochDay(long y, int month, int day) {
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) total--;
        }
        return total - 719_528L;
    }
}
