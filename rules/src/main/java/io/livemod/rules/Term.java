package io.livemod.rules;

/**
 * One keyword or allow term after normalization. {@code marked} is the term's marked channel
 * (tone marks kept), {@code hardBefore[i]} says a word of the term starts at {@code i} (i &gt; 0),
 * {@code markedAt[i]} that char {@code i} carries a mark. {@code owner} is the index of the rule in
 * the compiled rule list, or -1 for the rule set's global allow-list.
 */
@SuppressWarnings("ArrayRecordComponent") // arrays for the matching loop; never compared with equals
record Term(
        String text,
        int owner,
        boolean allow,
        char[] marked,
        char[] stripped,
        boolean[] hardBefore,
        boolean[] markedAt) {
    int length() {
        return marked.length;
    }
}
