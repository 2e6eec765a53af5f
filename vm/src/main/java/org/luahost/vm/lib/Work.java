package org.luahost.vm.lib;

import org.luahost.vm.LuaThread;

/**
 * How library functions charge the work meter ({@link LuaThread#charge}), so
 * that time slices, CPU budgets and interrupts reach code that runs inside one
 * library call ({@code string.rep}, a backtracking pattern, {@code table.move}
 * over 2^62 indexes) and not only Lua loops and calls.
 *
 * <p>One unit of work is about what the interpreter counts as one (a call or a
 * loop iteration, 10-50 ns). Library loops charge per chunk, never per byte:
 * a byte loop charges {@link #CHUNK_UNITS} every {@link #CHUNK} bytes, an
 * element loop (table reads and writes, values converted) charges
 * {@link #ELEMENT_CHUNK_UNITS} every {@link #ELEMENT_CHUNK} elements, so the
 * hot paths pay one counter test per chunk. Work whose size is bounded and
 * small (at most about a million elements, a few milliseconds) may be charged
 * once, before it is done, so that an exhausted budget stops it before it starts.
 */
final class Work {
    private Work() {}

    /** Bytes a simple byte loop (copying, case mapping, scanning) handles per unit of work. */
    static final int BYTES_PER_UNIT = 64;
    /** Bytes a byte loop handles between two charges (a power of two). */
    static final int CHUNK = 1 << 14;
    static final int CHUNK_UNITS = CHUNK / BYTES_PER_UNIT;
    /** Elements an element loop handles between two charges (a power of two). */
    static final int ELEMENT_CHUNK = 1 << 10;
    /** Elements per unit of work (a raw table read and write is a few ns). */
    static final int ELEMENTS_PER_UNIT = 4;
    static final int ELEMENT_CHUNK_UNITS = ELEMENT_CHUNK / ELEMENTS_PER_UNIT;

    /** Charges for n bytes of simple byte work (done or about to be done in one step). */
    static void bytes(LuaThread th, long n) {
        th.charge(units(n / BYTES_PER_UNIT));
    }

    /** Charges for n elements of element work (done or about to be done in one step). */
    static void elements(LuaThread th, long n) {
        th.charge(units(n / ELEMENTS_PER_UNIT));
    }

    /** In an element loop: charges a chunk when i (the loop's count, from 0) ends one. */
    static void elementTick(LuaThread th, long i) {
        if ((i & (ELEMENT_CHUNK - 1)) == ELEMENT_CHUNK - 1) th.charge(ELEMENT_CHUNK_UNITS);
    }

    private static int units(long u) {
        return (int) Math.min(u + 1, 1 << 24);
    }
}
