package org.luahost.vm.lib;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code table} library of Lua 5.4 (manual §6.6).
 *
 * <p>As in the reference, every function reads and writes elements with the
 * metamethod-aware {@code lua_geti}/{@code lua_seti} and takes lengths with
 * {@code luaL_len} (so {@code __index}, {@code __newindex} and {@code __len}
 * are honoured, and a non-table with those metamethods is accepted), and the
 * messages and argument-check order are the reference's. Tables without a
 * metatable take the raw path, which is what makes the common case fast.
 * {@code table.sort} lives in {@link TableSort}.
 */
public final class TableLib {
    private TableLib() {}

    /** checktab's "what" bits: the element operations a non-table argument must support. */
    static final int TAB_R = 1, TAB_W = 2, TAB_L = 4, TAB_RW = TAB_R | TAB_W;

    /** The most values unpack returns (the reference's stack limit, about a million slots). */
    private static final long MAX_UNPACK = 1_000_000 - 32;

    public static void install(LuaState L, Profile profile) {
        LuaTable t = new LuaTable(0, 8);
        fn(t, "concat", TableLib::concat);
        fn(t, "insert", TableLib::insert);
        fn(t, "move", TableLib::move);
        fn(t, "pack", TableLib::pack);
        fn(t, "remove", TableLib::remove);
        fn(t, "sort", TableSort::sort);
        fn(t, "unpack", TableLib::unpack);
        MathLib.register(L, "table", t);
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("table." + name, body));
    }

    // ---------------------------------------------------------------- element access

    /** lua_geti: raw for plain tables, else with metamethods. */
    static Object geti(LuaThread th, Object t, long i) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) return tab.rawget(i);
        return Ops.index(th, t, i, null);
    }

    /** lua_seti. */
    static void seti(LuaThread th, Object t, long i, Object v) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) tab.rawset(i, v);
        else Ops.setindex(th, t, i, v, null);
    }

    /** luaL_len: the length with {@code __len}, which must be an integer. */
    static long len(LuaThread th, Object t) {
        if (t instanceof LuaTable tab && tab.getMetatable() == null) return tab.length();
        Long n = Ops.tointeger(Ops.len(th, t, null));
        if (n == null) throw th.errorAtLevel("object length is not an integer", 1);
        return n;
    }

    /**
     * checktab: argument i must be a table, or have a metatable with the
     * metamethods the operation needs; otherwise "table expected".
     */
    static Object checkTab(LuaThread th, Object[] a, int i, int what) {
        Object v = Args.arg(a, i);
        if (v instanceof LuaTable) return v;
        if (i <= a.length) {
            LuaTable mt = Lua.metatable(th.state, v);
            if (mt != null
                    && ((what & TAB_R) == 0 || mt.rawget("__index") != null)
                    && ((what & TAB_W) == 0 || mt.rawget("__newindex") != null)
                    && ((what & TAB_L) == 0 || mt.rawget("__len") != null)) {
                return v;
            }
        }
        throw Args.typeError(th, a, i, "table");
    }

    // ---------------------------------------------------------------- functions

    private static Object[] concat(LuaThread th, Object[] a) {
        Object t = checkTab(th, a, 1, TAB_R | TAB_L);
        String sep = Args.optString(th, a, 2, "");
        long i = Args.optInteger(th, a, 3, 1);
        long n = len(th, t);   // luaL_optinteger(L, 4, luaL_len(L, 1)): the length is always taken
        long last = Args.optInteger(th, a, 4, n);
        if (i > last) return new Object[] {""};
        if (last - i < 4096) {   // the usual buffer: joined with one copy, no growing builder
            String[] parts = new String[(int) (last - i + 1)];
            long total = (long) sep.length() * (parts.length - 1);
            for (int k = 0; k < parts.length; k++) total += (parts[k] = field(th, t, i + k)).length();
            th.state.gc().chargeString(total);   // before it is joined: a result over the memory limit is not built
            String r = String.join(sep, parts);
            Work.elements(th, parts.length);
            Work.bytes(th, r.length());
            return new Object[] {r};
        }
        return new Object[] {concatLong(th, t, sep, i, last)};
    }

    /** Parts joined at most at once by the long concat (then joined into one part, and on). */
    private static final int MAX_PARTS = 1 << 26;

    /**
     * table.concat of more than 4,096 items: the parts are collected (pointers, grown by
     * doubling) and joined once the total length is known, so the result is copied once
     * (a growing builder copied it about three times: its doublings and toString).
     */
    private static String concatLong(LuaThread th, Object t, String sep, long i, long last) {
        String[] parts = new String[4096];
        int k = 0;
        long total = 0, held = 0;
        org.luahost.vm.Gc gc = th.state.gc();
        try {
            for (long j = i; ; j++) {
                if (k == parts.length) {
                    if (k >= MAX_PARTS) {   // join what there is into the first part
                        gc.chargeString(total);
                        parts[0] = String.join(sep, parts);
                        java.util.Arrays.fill(parts, 1, k, null);
                        k = 1;
                    } else {
                        long grown = 8L * k;   // the new pointer array, twice as long
                        gc.hold(grown);
                        held += grown;
                        parts = java.util.Arrays.copyOf(parts, 2 * k);
                    }
                }
                String f = field(th, t, j);
                total += k == 0 ? f.length() : f.length() + sep.length();
                parts[k] = f;
                Work.elementTick(th, j - i);
                k++;
                if (j == last) break;
            }
            Work.bytes(th, total);
            gc.chargeString(total);   // before it is joined: a result over the memory limit is not built
            return String.join(sep, k == parts.length ? parts : java.util.Arrays.copyOf(parts, k));
        } finally {
            gc.release(held);
        }
    }

    private static String field(LuaThread th, Object t, long i) {
        Object v = geti(th, t, i);
        String s = Ops.tolstring(v);
        if (s != null) return s;
        throw th.errorAtLevel("invalid value (" + Lua.typeName(v) + ") at index " + i
                + " in table for 'concat'", 1);
    }

    private static Object[] insert(LuaThread th, Object[] a) {
        Object t = checkTab(th, a, 1, TAB_RW | TAB_L);
        long e = len(th, t) + 1;   // first empty element (wraps as the reference's does)
        long pos;
        switch (a.length) {
            case 2:
                pos = e;
                break;
            case 3:
                pos = Args.checkInteger(th, a, 2);
                // pos in [1, e], compared unsigned as the reference does
                if (Long.compareUnsigned(pos - 1, e) >= 0) throw Args.argError(th, 2, "position out of bounds");
                for (long i = e; i > pos; i--) {
                    seti(th, t, i, geti(th, t, i - 1));
                    Work.elementTick(th, i);
                }
                break;
            default:
                throw th.errorAtLevel("wrong number of arguments to 'insert'", 1);
        }
        seti(th, t, pos, a[a.length - 1]);
        return LuaFunction.NONE;
    }

    private static Object[] remove(LuaThread th, Object[] a) {
        Object t = checkTab(th, a, 1, TAB_RW | TAB_L);
        long size = len(th, t);
        long pos = Args.optInteger(th, a, 2, size);
        if (pos != size && Long.compareUnsigned(pos - 1, size) > 0) {
            // the reference (5.4.4) names argument #1 here
            throw Args.argError(th, 1, "position out of bounds");
        }
        Object result = geti(th, t, pos);
        for (; pos < size; pos++) {
            seti(th, t, pos, geti(th, t, pos + 1));
            Work.elementTick(th, pos);
        }
        seti(th, t, pos, null);
        return new Object[] {result};
    }

    private static Object[] move(LuaThread th, Object[] a) {
        long f = Args.checkInteger(th, a, 2);
        long e = Args.checkInteger(th, a, 3);
        long t = Args.checkInteger(th, a, 4);
        int tt = Args.isNoneOrNil(a, 5) ? 1 : 5;
        Object src = checkTab(th, a, 1, TAB_R);
        Object dst = checkTab(th, a, tt, TAB_W);
        if (e >= f) {
            if (!(f > 0 || e < Long.MAX_VALUE + f)) throw Args.argError(th, 3, "too many elements to move");
            long n = e - f + 1;   // number of elements
            if (t > Long.MAX_VALUE - n + 1) throw Args.argError(th, 4, "destination wrap around");
            if (t > e || t <= f || (tt != 1 && !Ops.eq(th, src, dst))) {
                for (long i = 0; i < n; i++) {
                    seti(th, dst, t + i, geti(th, src, f + i));
                    Work.elementTick(th, i);
                }
            } else {
                for (long i = n - 1; i >= 0; i--) {
                    seti(th, dst, t + i, geti(th, src, f + i));
                    Work.elementTick(th, i);
                }
            }
        }
        return new Object[] {dst};
    }

    private static Object[] pack(LuaThread th, Object[] a) {
        LuaTable t = new LuaTable(th.state.gc(), a.length, 1);   // charged, now and as it grows
        Work.elements(th, a.length);
        for (int i = a.length; i >= 1; i--) t.rawset(i, a[i - 1]);
        t.rawset("n", (long) a.length);
        return new Object[] {t};
    }

    private static Object[] unpack(LuaThread th, Object[] a) {
        Object t = Args.arg(a, 1);
        long i = Args.optInteger(th, a, 2, 1);
        long e = Args.isNoneOrNil(a, 3) ? len(th, t) : Args.checkInteger(th, a, 3);
        if (i > e) return LuaFunction.NONE;
        long n = e - i;   // number of results minus 1, as an unsigned value
        if (Long.compareUnsigned(n, MAX_UNPACK) >= 0) throw th.errorAtLevel("too many results to unpack", 1);
        Work.elements(th, n + 1);   // at most a million: charged before
        Object[] r = new Object[(int) n + 1];
        if (t instanceof LuaTable tab && tab.getMetatable() == null) {
            for (int k = 0; k <= n; k++) r[k] = tab.rawget(i + k);
        } else {
            for (int k = 0; k <= n; k++) r[k] = Ops.index(th, t, i + k, null);
        }
        return r;
    }
}
