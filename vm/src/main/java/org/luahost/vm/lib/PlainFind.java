package org.luahost.vm.lib;

import org.luahost.vm.LuaThread;

/**
 * The plain-text search of {@code string.find} (and of {@code find}/{@code match}
 * with a pattern without magic characters), in time linear in the subject and
 * charged to the work meter as it goes ({@link Work}).
 *
 * <p>Short needles ({@value #SHORT} bytes or fewer), and short subjects, use
 * the JDK's vectorized {@link String#indexOf(String, int, int)} window by window. Longer ones use
 * Boyer-Moore-Horspool (a bad-character shift table, comparing the last byte
 * first), which is sublinear on ordinary text; its worst case is O(n·m)
 * ({@code ("a"):rep(n)} searched for {@code "b"..("a"):rep(m)}), so once it
 * has compared more than {@value #HORSPOOL_FACTOR} bytes per subject byte it
 * hands the rest of the search to Knuth-Morris-Pratt, which is linear.
 * Strings are Lua strings (one char per byte).
 *
 * <p>{@link #indexOfItem} is the search for a pattern that is one single-character
 * item ({@code %S}, {@code [\"\\]}): a scan of the item's 256-bit set, no matcher.
 */
final class PlainFind {
    private PlainFind() {}

    static final int SHORT = 4;
    /** Subject length times needle length up to which String.indexOf is used whatever the needle. */
    private static final int SMALL_WORK = 1 << 16;
    private static final int HORSPOOL_FACTOR = 8;

    /** The index of the first occurrence of p in s at or after from (0-based), or -1. */
    static int indexOf(LuaThread th, String s, String p, int from) {
        int n = s.length(), m = p.length();
        if (m == 0) return from <= n ? from : -1;
        if (m > n - from) return -1;
        // short needles, and short subjects (where even the naive worst case is small), need no shift table
        if (m <= SHORT || (long) (n - from) * m <= SMALL_WORK) return windowed(th, s, p, from);
        return horspool(th, s, p, from);
    }

    /**
     * The first index at or after init where s has a byte that the single item of pr
     * matches ({@code LuaPattern.isSingleItem} was true: a literal char or a set), -1
     * when none: an unanchored find or match of such a pattern, without a matcher.
     * Charged as a byte loop.
     */
    static int indexOfItem(LuaThread th, LuaPattern.Prog pr, String s, int init) {
        int n = s.length();
        if (pr.firstKind == 2) {
            int i = s.indexOf(pr.firstChar, init);
            Work.bytes(th, (i < 0 ? n : i) - init);
            return i;
        }
        long[] m = pr.masks;   // item 0's set: bytes 0-63, 64-127, 128-191, 192-255
        long m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
        for (int c0 = init; c0 < n; c0 += Work.CHUNK) {
            int e = Math.min(n, c0 + Work.CHUNK);
            th.charge(Work.CHUNK_UNITS * (e - c0) / Work.CHUNK + 1);
            for (int i = c0; i < e; i++) {
                int c = s.charAt(i);
                long w = c < 128 ? (c < 64 ? m0 : m1) : (c < 192 ? m2 : m3);
                if ((w & (1L << c)) != 0) return i;
            }
        }
        return -1;
    }

    /** String.indexOf over windows of Work.CHUNK start positions, a charge for each. */
    private static int windowed(LuaThread th, String s, String p, int from) {
        int n = s.length(), m = p.length();
        for (int pos = from; pos <= n - m; pos += Work.CHUNK) {
            int end = (int) Math.min(n, (long) pos + Work.CHUNK + m - 1);
            Work.bytes(th, (long) (end - pos) * m);   // the window's worst case, charged before it is searched
            int i = s.indexOf(p, pos, end);
            if (i >= 0) return i;
        }
        return -1;
    }

    private static int horspool(LuaThread th, String s, String p, int from) {
        int n = s.length(), m = p.length();
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) shift[p.charAt(i) & 0xFF] = m - 1 - i;
        char last = p.charAt(m - 1);
        long limit = (long) HORSPOOL_FACTOR * (n - from) + m;
        long work = 0, charged = 0;
        int pos = from;
        while (pos <= n - m) {
            char c = s.charAt(pos + m - 1);
            if (c == last) {
                int j = m - 2;
                while (j >= 0 && s.charAt(pos + j) == p.charAt(j)) j--;
                if (j < 0) return pos;
                work += m - 1 - j;
            }
            pos += shift[c & 0xFF];
            if (++work - charged >= Work.CHUNK) {
                charged = work;
                th.charge(Work.CHUNK_UNITS);
                if (work > limit) return kmp(th, s, p, pos);
            }
        }
        return -1;
    }

    /** Knuth-Morris-Pratt from from on: at most 2 comparisons per subject byte. */
    private static int kmp(LuaThread th, String s, String p, int from) {
        int n = s.length(), m = p.length();
        int[] fail = new int[m];   // fail[i]: length of the longest proper border of p[0..i]
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && p.charAt(i) != p.charAt(k)) k = fail[k - 1];
            if (p.charAt(i) == p.charAt(k)) k++;
            fail[i] = k;
            if ((i & (Work.CHUNK - 1)) == Work.CHUNK - 1) th.charge(Work.CHUNK_UNITS);
        }
        for (int i = from, k = 0; i < n; i++) {
            char c = s.charAt(i);
            while (k > 0 && c != p.charAt(k)) k = fail[k - 1];
            if (c == p.charAt(k)) k++;
            if (k == m) return i - m + 1;
            if (((i - from) & (Work.CHUNK - 1)) == Work.CHUNK - 1) th.charge(2 * Work.CHUNK_UNITS);
        }
        return -1;
    }
}
