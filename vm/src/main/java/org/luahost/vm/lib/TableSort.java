package org.luahost.vm.lib;

import java.util.Arrays;

import org.luahost.vm.Args;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Ops;

/**
 * {@code table.sort}: the quicksort of Lua 5.4 — median of three (first,
 * middle, last), the pivot parked at {@code up - 1}, a Hoare-style partition,
 * recursion on the smaller side, and a randomised pivot for large ranges once
 * a partition comes out badly unbalanced.
 *
 * <p>It performs the same element reads, writes and comparisons in the same
 * order as the reference, which makes everything a program can observe the
 * same: the final order of elements that compare equal, the calls a
 * comparator or {@code __index}/{@code __newindex} metamethods see, the
 * partial order left behind when a comparison raises an error, and the
 * "invalid order function for sorting" error for inconsistent comparators
 * (raised where the partition scan would run past the range, never looping or
 * indexing out of bounds).
 *
 * <p>Fast paths, for a table without a metatable sorted with the default
 * order: when every element is an integer, or every one a string, elements
 * that compare equal are the same value, so every correct sort leaves the same
 * table and the JDK's {@link Arrays#sort} does the work; floats do too unless
 * there is a NaN or a -0.0 (then the reference's algorithm runs on a
 * {@code double[]}); a mix of numbers and strings is sorted in an
 * {@code Object[]}. No Lua code can run during such a sort, so the copy is
 * unobservable; the array is written back even when a comparison fails. Everything else (comparators, metatables, other values) works on the
 * table through {@link TableLib#geti}/{@link TableLib#seti}.
 */
final class TableSort {
    private TableSort() {}

    /** Ranges at least this long get a randomised pivot once the sort has seen an unbalanced partition. */
    private static final int RANLIMIT = 100;

    static Object[] sort(LuaThread th, Object[] a) {
        Object t = TableLib.checkTab(th, a, 1, TableLib.TAB_RW | TableLib.TAB_L);
        long n = TableLib.len(th, t);
        if (n > 1) {
            if (n >= Integer.MAX_VALUE) throw Args.argError(th, 1, "array too big");
            LuaFunction cmp = null;
            if (!Args.isNoneOrNil(a, 2)) {
                Args.checkType(th, a, 2, "function");
                cmp = (LuaFunction) a[1];
            }
            if (cmp != null || !(t instanceof LuaTable tab && tab.getMetatable() == null && sortPlain(th, tab, (int) n))) {
                new Generic(th, t, cmp).auxsort(1, (int) n);
            }
        }
        return LuaFunction.NONE;
    }

    private static LuaError invalidOrder(LuaThread th) {
        return th.errorAtLevel("invalid order function for sorting", 1);
    }

    /** A fresh pivot seed, as the reference mixes clock() and time(). */
    private static int randomizePivot() {
        long x = System.nanoTime() ^ (System.currentTimeMillis() / 1000);
        return (int) (x ^ (x >>> 32));
    }

    private static int choosePivot(int lo, int up, int rnd) {
        int r4 = (up - lo) / 4;   // range / 4
        return Integer.remainderUnsigned(rnd, r4 * 2) + (lo + r4);
    }

    private static int middle(int lo, int up, int rnd) {
        return (up - lo < RANLIMIT || rnd == 0) ? (lo + up) >>> 1 : choosePivot(lo, up, rnd);
    }

    /** Whether a partition came out so unbalanced that the pivot should be randomised (unsigned, as the reference). */
    private static boolean unbalanced(int lo, int up, int n) {
        return Integer.compareUnsigned(Integer.divideUnsigned(up - lo, 128), n) > 0;
    }

    /**
     * Sorts a plain table of numbers or strings in a Java array. Returns false
     * (having changed nothing) when some element is of another type.
     */
    private static boolean sortPlain(LuaThread th, LuaTable t, int n) {
        // the JDK's sorts below run in one piece: charged before, n log n element steps
        Work.elements(th, (long) n * (64 - Long.numberOfLeadingZeros(n)));
        Object[] v = new Object[n + 1];
        boolean inArray = t.copyArrayTo(n, v, 1);
        if (!inArray) for (int i = 1; i <= n; i++) v[i] = t.rawget(i);
        boolean ints = true, floats = true, strs = true;
        for (int i = 1; i <= n; i++) {
            Object x = v[i];
            if (x instanceof Long) { floats = false; strs = false; }
            else if (x instanceof Double) { ints = false; strs = false; }
            else if (x instanceof String) { ints = false; floats = false; }
            else return false;
        }
        if (ints) {
            // Integers that compare equal are the same value, so any correct sort
            // leaves the same table: the JDK's sort does the work.
            sortInts(v, n);
        } else if (floats) {
            double[] k = new double[n + 1];
            boolean exact = true;   // no NaN (inconsistent order) and no -0.0 (equal to 0.0 yet distinguishable)
            for (int i = 1; i <= n; i++) {
                double d = (Double) v[i];
                k[i] = d;
                if (d != d || (d == 0 && Double.doubleToRawLongBits(d) != 0)) exact = false;
            }
            try {
                if (exact) Arrays.sort(k, 1, n + 1);
                else new DoubleSorter(th, k).auxsort(1, n);
            } finally {
                for (int i = 1; i <= n; i++) v[i] = k[i];
                writeBack(t, v, n, inArray);
            }
            return true;
        } else if (strs) {
            // equal strings are the same value: as for integers, any correct sort will do
            Arrays.sort(v, 1, n + 1);
        } else {
            try {
                new ArraySorter(th, v).auxsort(1, n);
            } finally {
                writeBack(t, v, n, inArray);
            }
            return true;
        }
        writeBack(t, v, n, inArray);
        return true;
    }

    /**
     * Sorts the integers v[1..n]. When the values span a small enough range, each
     * is packed with its index into one long ((value - min) above, index below), so
     * that sorting primitives puts the original objects in order: no new boxes for
     * the collector to copy. Otherwise the values are sorted and boxed afresh.
     */
    private static void sortInts(Object[] v, int n) {
        long[] k = new long[n];
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long x = (Long) v[i + 1];
            k[i] = x;
            if (x < min) min = x;
            if (x > max) max = x;
        }
        int bits = 32 - Integer.numberOfLeadingZeros(n);   // indexes 0..n-1 fit
        long span = max - min;                               // may overflow: then negative
        if (span >= 0 && span < (1L << (63 - bits))) {
            long mask = (1L << bits) - 1;
            for (int i = 0; i < n; i++) k[i] = ((k[i] - min) << bits) | i;
            Arrays.sort(k);
            Object[] sorted = new Object[n];
            for (int i = 0; i < n; i++) sorted[i] = v[(int) (k[i] & mask) + 1];
            System.arraycopy(sorted, 0, v, 1, n);
        } else {
            Arrays.sort(k);
            for (int i = 0; i < n; i++) v[i + 1] = k[i];
        }
    }

    private static void writeBack(LuaTable t, Object[] v, int n, boolean inArray) {
        if (inArray) t.putArrayFrom(n, v, 1);
        else for (int i = 1; i <= n; i++) t.rawset(i, v[i]);
    }

    /**
     * The ranges a sorter has still to do: the larger side of each partition,
     * with the size of the smaller side and the pivot seed in use when it was
     * split (the reference decides on a random pivot for it after sorting the
     * smaller side, from those). At most about 32 deep, as the smaller side is
     * always done first.
     */
    private static final class Pending {
        private int[] s = new int[64];
        private int top;   // entries of four ints: lo, up, n, rnd

        void push(int lo, int up, int n, int rnd) {
            if (top + 4 > s.length) s = Arrays.copyOf(s, s.length * 2);
            s[top] = lo; s[top + 1] = up; s[top + 2] = n; s[top + 3] = rnd;
            top += 4;
        }

        boolean isEmpty() { return top == 0; }
        int lo() { return s[top - 4]; }
        int up() { return s[top - 3]; }
        int n() { return s[top - 2]; }
        int rnd() { return s[top - 1]; }
        void pop() { top -= 4; }
    }

    // The three sorters below are the same algorithm over different storage;
    // keep them in step.

    /** The general case: any table-like value, any comparator, elements through geti/seti. */
    private static final class Generic {
        final LuaThread th;
        final Object t;
        final LuaFunction cmp;

        Generic(LuaThread th, Object t, LuaFunction cmp) { this.th = th; this.t = t; this.cmp = cmp; }

        Object get(int i) { return TableLib.geti(th, t, i); }

        void set(int i, Object v) { TableLib.seti(th, t, i, v); }

        boolean less(Object a, Object b) {
            if (cmp == null) return Ops.lt(th, a, b, null);
            th.enterCcall(null);
            try {
                return Lua.isTruthy(cmp.call(th, a, b));
            } finally {
                th.ccalls--;
            }
        }

        /** Sorts lo..up (the reference's auxsort, its recursion kept on a stack of {@link Pending}). */
        void auxsort(int lo, int up) {
            Pending todo = new Pending();
            int rnd = 0;
            for (;;) {
                while (lo < up) {
                    int p = order3(lo, up, rnd);
                    if (p < 0) break;
                    Object pivot = get(p);
                    set(p, get(up - 1));
                    set(up - 1, pivot);
                    Work.elements(th, up - lo);   // a partition pass: the work meter sees long sorts (see Work)
                    p = partition(lo, up, pivot);
                    // the smaller side first; the larger one waits
                    if (p - lo < up - p) { todo.push(p + 1, up, p - lo, rnd); up = p - 1; }
                    else { todo.push(lo, p - 1, up - p, rnd); lo = p + 1; }
                }
                if (todo.isEmpty()) return;
                lo = todo.lo(); up = todo.up(); rnd = todo.rnd();
                if (unbalanced(lo, up, todo.n())) rnd = randomizePivot();
                todo.pop();
            }
        }

        /**
         * Puts the elements at lo, the middle and up in order and returns the
         * middle's index, or -1 when that sorted the whole range (three elements
         * or fewer).
         */
        private int order3(int lo, int up, int rnd) {
            Object alo = get(lo), aup = get(up);
            if (less(aup, alo)) { set(lo, aup); set(up, alo); }
            if (up - lo == 1) return -1;
            int p = middle(lo, up, rnd);
            Object ap = get(p);
            alo = get(lo);
            if (less(ap, alo)) { set(p, alo); set(lo, ap); }
            else {
                aup = get(up);
                if (less(aup, ap)) { set(p, aup); set(up, ap); }
            }
            return up - lo == 2 ? -1 : p;
        }

        /**
         * Partitions lo..up around the pivot parked at up - 1, so that
         * a[lo..i-1] <= P <= a[i+1..up], and returns i (the pivot's place).
         * Kept apart from {@link #auxsort}, like {@link #order3}, so that each
         * method the JIT compiles holds few comparison sites.
         */
        private int partition(int lo, int up, Object pivot) {
            int i = lo, j = up - 1;
            for (;;) {
                Object ai, aj;
                while (less(ai = get(++i), pivot)) if (i == up - 1) throw invalidOrder(th);
                while (less(pivot, aj = get(--j))) if (j < i) throw invalidOrder(th);
                if (j < i) { set(up - 1, ai); set(i, pivot); return i; }
                set(i, aj);
                set(j, ai);
            }
        }
    }

    /** Numbers and strings in an array, with Lua's order (errors for mixed numbers and strings). */
    private static final class ArraySorter {
        final LuaThread th;
        final Object[] a;

        ArraySorter(LuaThread th, Object[] a) { this.th = th; this.a = a; }

        boolean less(Object x, Object y) {
            if (x instanceof String s && y instanceof String u) return Ops.strcmp(th, s, u) < 0;
            return Ops.lt(th, x, y, null);
        }

        /** Sorts lo..up (the reference's auxsort, its recursion kept on a stack of {@link Pending}). */
        void auxsort(int lo, int up) {
            Pending todo = new Pending();
            int rnd = 0;
            for (;;) {
                while (lo < up) {
                    int p = order3(lo, up, rnd);
                    if (p < 0) break;
                    Object[] a = this.a;
                    Object pivot = a[p];
                    a[p] = a[up - 1];
                    a[up - 1] = pivot;
                    Work.elements(th, up - lo);   // a partition pass: the work meter sees long sorts (see Work)
                    p = partition(lo, up, pivot);
                    // the smaller side first; the larger one waits
                    if (p - lo < up - p) { todo.push(p + 1, up, p - lo, rnd); up = p - 1; }
                    else { todo.push(lo, p - 1, up - p, rnd); lo = p + 1; }
                }
                if (todo.isEmpty()) return;
                lo = todo.lo(); up = todo.up(); rnd = todo.rnd();
                if (unbalanced(lo, up, todo.n())) rnd = randomizePivot();
                todo.pop();
            }
        }

        /**
         * Puts the elements at lo, the middle and up in order and returns the
         * middle's index, or -1 when that sorted the whole range (three elements
         * or fewer).
         */
        private int order3(int lo, int up, int rnd) {
            Object[] a = this.a;
            Object alo = a[lo], aup = a[up];
            if (less(aup, alo)) { a[lo] = aup; a[up] = alo; }
            if (up - lo == 1) return -1;
            int p = middle(lo, up, rnd);
            Object ap = a[p];
            alo = a[lo];
            if (less(ap, alo)) { a[p] = alo; a[lo] = ap; }
            else {
                aup = a[up];
                if (less(aup, ap)) { a[p] = aup; a[up] = ap; }
            }
            return up - lo == 2 ? -1 : p;
        }

        /**
         * Partitions lo..up around the pivot parked at up - 1, so that
         * a[lo..i-1] <= P <= a[i+1..up], and returns i (the pivot's place).
         * Kept apart from {@link #auxsort}, like {@link #order3}, so that each
         * method the JIT compiles holds few comparison sites.
         */
        private int partition(int lo, int up, Object pivot) {
            Object[] a = this.a;
            int i = lo, j = up - 1;
            for (;;) {
                Object ai, aj;
                while (less(ai = a[++i], pivot)) if (i == up - 1) throw invalidOrder(th);
                while (less(pivot, aj = a[--j])) if (j < i) throw invalidOrder(th);
                if (j < i) { a[up - 1] = ai; a[i] = pivot; return i; }
                a[i] = aj;
                a[j] = ai;
            }
        }
    }

    /** All floats (NaN compares false both ways, as in C). */
    private static final class DoubleSorter {
        final LuaThread th;
        final double[] a;

        DoubleSorter(LuaThread th, double[] a) { this.th = th; this.a = a; }

        /** Sorts lo..up (the reference's auxsort, its recursion kept on a stack of {@link Pending}). */
        void auxsort(int lo, int up) {
            Pending todo = new Pending();
            int rnd = 0;
            for (;;) {
                while (lo < up) {
                    int p = order3(lo, up, rnd);
                    if (p < 0) break;
                    double[] a = this.a;
                    double pivot = a[p];
                    a[p] = a[up - 1];
                    a[up - 1] = pivot;
                    Work.elements(th, up - lo);   // a partition pass: the work meter sees long sorts (see Work)
                    p = partition(lo, up, pivot);
                    // the smaller side first; the larger one waits
                    if (p - lo < up - p) { todo.push(p + 1, up, p - lo, rnd); up = p - 1; }
                    else { todo.push(lo, p - 1, up - p, rnd); lo = p + 1; }
                }
                if (todo.isEmpty()) return;
                lo = todo.lo(); up = todo.up(); rnd = todo.rnd();
                if (unbalanced(lo, up, todo.n())) rnd = randomizePivot();
                todo.pop();
            }
        }

        /**
         * Puts the elements at lo, the middle and up in order and returns the
         * middle's index, or -1 when that sorted the whole range (three elements
         * or fewer).
         */
        private int order3(int lo, int up, int rnd) {
            double[] a = this.a;
            double alo = a[lo], aup = a[up];
            if (aup < alo) { a[lo] = aup; a[up] = alo; }
            if (up - lo == 1) return -1;
            int p = middle(lo, up, rnd);
            double ap = a[p];
            alo = a[lo];
            if (ap < alo) { a[p] = alo; a[lo] = ap; }
            else {
                aup = a[up];
                if (aup < ap) { a[p] = aup; a[up] = ap; }
            }
            return up - lo == 2 ? -1 : p;
        }

        /**
         * Partitions lo..up around the pivot parked at up - 1, so that
         * a[lo..i-1] <= P <= a[i+1..up], and returns i (the pivot's place).
         * Kept apart from {@link #auxsort}, like {@link #order3}, so that each
         * method the JIT compiles holds few comparison sites.
         */
        private int partition(int lo, int up, double pivot) {
            double[] a = this.a;
            int i = lo, j = up - 1;
            for (;;) {
                double ai, aj;
                while ((ai = a[++i]) < pivot) if (i == up - 1) throw invalidOrder(th);
                while (pivot < (aj = a[--j])) if (j < i) throw invalidOrder(th);
                if (j < i) { a[up - 1] = ai; a[i] = pivot; return i; }
                a[i] = aj;
                a[j] = ai;
            }
        }
    }
}
