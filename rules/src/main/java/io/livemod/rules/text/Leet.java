package io.livemod.rules.text;

/** Digits and symbols used as letters ("l0n", "đ1t", "s3x", "ch!ch"). Applied only between letters. */
final class Leet {
    private Leet() {}

    static char map(char c) {
        switch (c) {
            case '0':
                return 'o';
            case '1':
                return 'i';
            case '3':
                return 'e';
            case '4':
                return 'a';
            case '5':
                return 's';
            case '7':
                return 't';
            case '8':
                return 'b';
            case '9':
                return 'g';
            case '@':
                return 'a';
            case '$':
                return 's';
            case '!':
                return 'i';
            case '|':
                return 'l';
            case '€':
                return 'e';
            default:
                return 0;
        }
    }
}
