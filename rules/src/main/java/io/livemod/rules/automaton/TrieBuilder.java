package io.livemod.rules.automaton;

import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link Automaton}: a pointer-free trie (edges as linked lists in int arrays),
 * renumbered breadth-first so each state's children are consecutive, then failure links. Used once
 * per build, then dropped.
 */
final class TrieBuilder {
    private int[] head = new int[1024], outHead = new int[1024];
    private int[] edgeSym = new int[1024], edgeChild = new int[1024], edgeNext = new int[1024];
    private int[] outPattern = new int[64], outNext = new int[64];
    private int nodes = 1, edges, outs;

    TrieBuilder(List<char[]> patterns, char[] symbolOf) {
        Arrays.fill(head, -1);
        Arrays.fill(outHead, -1);
        for (int p = 0; p < patterns.size(); p++) {
            char[] chars = patterns.get(p);
            if (chars.length == 0) continue;
            int node = 0;
            for (char ch : chars) node = childOrAdd(node, symbolOf[ch]);
            if (outs == outPattern.length) {
                outPattern = Arrays.copyOf(outPattern, outs * 2);
                outNext = Arrays.copyOf(outNext, outs * 2);
            }
            outPattern[outs] = p;
            outNext[outs] = outHead[node];
            outHead[node] = outs++;
        }
    }

    private int childOrAdd(int node, int sym) {
        for (int e = head[node]; e >= 0; e = edgeNext[e]) if (edgeSym[e] == sym) return edgeChild[e];
        if (nodes == head.length) {
            head = grow(head, -1);
            outHead = grow(outHead, -1);
        }
        if (edges == edgeSym.length) {
            edgeSym = Arrays.copyOf(edgeSym, edges * 2);
            edgeChild = Arrays.copyOf(edgeChild, edges * 2);
            edgeNext = Arrays.copyOf(edgeNext, edges * 2);
        }
        int child = nodes++;
        edgeSym[edges] = sym;
        edgeChild[edges] = child;
        edgeNext[edges] = head[node];
        head[node] = edges++;
        return child;
    }

    private static int[] grow(int[] a, int fill) {
        int[] b = Arrays.copyOf(a, a.length * 2);
        Arrays.fill(b, a.length, b.length, fill);
        return b;
    }

    Automaton compile(char[] symbolOf, int words) {
        int n = nodes;
        long[] masks = new long[n * words];
        int[] firstChild = new int[n], fail = new int[n], report = new int[n];
        int[] oldOf = new int[n], symOf = new int[n], parent = new int[n];
        int next = 1;
        long[] buf = new long[16]; // (sym << 32 | old child), sorted per node
        for (int id = 0; id < next; id++) { // ids are handed out in BFS order
            int old = oldOf[id];
            int cnt = 0;
            for (int e = head[old]; e >= 0; e = edgeNext[e]) {
                if (cnt == buf.length) buf = Arrays.copyOf(buf, cnt * 2);
                buf[cnt++] = ((long) edgeSym[e] << 32) | edgeChild[e];
            }
            Arrays.sort(buf, 0, cnt);
            firstChild[id] = next;
            for (int i = 0; i < cnt; i++) {
                int sym = (int) (buf[i] >>> 32);
                int child = (int) buf[i];
                masks[id * words + (sym >>> 6)] |= 1L << (sym & 63);
                oldOf[next] = child;
                symOf[next] = sym;
                parent[next] = id;
                next++;
            }
        }
        // outputs, CSR by new id
        int[] outStart = new int[n + 1];
        for (int id = 0; id < n; id++) {
            int c = 0;
            for (int o = outHead[oldOf[id]]; o >= 0; o = outNext[o]) c++;
            outStart[id + 1] = outStart[id] + c;
        }
        int[] outIds = new int[outStart[n]];
        for (int id = 0; id < n; id++) {
            int at = outStart[id];
            for (int o = outHead[oldOf[id]]; o >= 0; o = outNext[o]) outIds[at++] = outPattern[o];
            Arrays.sort(outIds, outStart[id], outStart[id + 1]);
        }
        Automaton a = new Automaton(symbolOf, words, masks, firstChild, fail, report, outStart, outIds, n);
        // failure links breadth-first: a state's fail target is shallower, so already done
        report[0] = outStart[1] > outStart[0] ? 0 : -1;
        for (int id = 1; id < n; id++) {
            int f = 0;
            if (parent[id] != 0) {
                int p = fail[parent[id]];
                for (; ; ) {
                    int t = a.child(p, symOf[id]);
                    if (t >= 0) {
                        f = t;
                        break;
                    }
                    if (p == 0) break;
                    p = fail[p];
                }
            }
            fail[id] = f;
            report[id] = outStart[id + 1] > outStart[id] ? id : report[f];
        }
        return a;
    }
}
