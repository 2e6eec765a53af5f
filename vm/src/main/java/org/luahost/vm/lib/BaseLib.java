package org.luahost.vm.lib;

import static org.luahost.vm.JavaFunction.ret;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Ops;

/** The basic functions (manual §6.1): print, type, pairs, pcall, load, ... */
public final class BaseLib {
    private BaseLib() {}

    public static void install(LuaState L, Profile profile) {
        LuaTable G = L.globals;
        G.rawset("_G", G);
        G.rawset("_VERSION", "Lua 5.4");
        reg(G, "print", (th, a) -> print(th, a));
        G.rawset("type", FastFunction.ofValue("type", Lua::typeName));
        reg(G, "tostring", (th, a) -> {
            String s = Ops.tostring(th, Args.checkAny(th, a, 1));
            th.state.gc().chargeString(s.length());
            return ret(s);
        });
        // a long string takes the general body, which charges its scan (Ops.tonumber(th, v))
        G.rawset("tonumber", FastFunction.ofValue("tonumber",
                v -> v instanceof String s && s.length() >= Ops.LONG_STRING ? FastFunction.SLOW : Ops.tonumber(v), BaseLib::tonumber));
        reg(G, "rawequal", (th, a) -> { Args.checkAny(th, a, 1); Args.checkAny(th, a, 2); return ret(Lua.rawEquals(a[0], a[1])); });
        reg(G, "rawlen", (th, a) -> {
            Object v = Args.arg(a, 1);
            if (v instanceof LuaTable t) return ret(t.length());
            if (v instanceof String s) return ret((long) s.length());
            throw Args.typeError(th, a, 1, "table or string");
        });
        G.rawset("rawget", new FastFunction("rawget", (th, a) -> {
            LuaTable t = Args.checkTable(th, a, 1);
            Args.checkAny(th, a, 2);
            return ret(t.rawget(a[1]));
        }) {
            @Override
            Object fast(Object a, Object b) { return a instanceof LuaTable t ? t.rawget(b) : SLOW; }
        });
        reg(G, "rawset", (th, a) -> {
            LuaTable t = Args.checkTable(th, a, 1);
            Args.checkAny(th, a, 2);
            Args.checkAny(th, a, 3);
            Ops.rawsetChecked(th, t, a[1], a[2], null);
            return ret(t);
        });
        reg(G, "setmetatable", BaseLib::setmetatable);
        reg(G, "getmetatable", (th, a) -> {
            Args.checkAny(th, a, 1);
            LuaTable mt = Lua.metatable(th.state, a[0]);
            if (mt == null) return ret(null);
            Object protect = mt.rawget("__metatable");
            return ret(protect != null ? protect : mt);
        });
        reg(G, "assert", (th, a) -> {
            if (a.length > 0 && Lua.isTruthy(a[0])) return a;
            Args.checkAny(th, a, 1);
            Object msg = a.length < 2 ? "assertion failed!" : a[1];
            // assert calls error with level 1, as the reference does
            if (msg instanceof String s) msg = th.where(1) + s;
            throw th.raise(msg);
        });
        reg(G, "error", (th, a) -> {
            Object v = Args.arg(a, 1);
            long level = Args.optInteger(th, a, 2, 1);
            if (v instanceof String s && level > 0) v = th.where((int) Math.min(level, Integer.MAX_VALUE)) + s;
            throw th.raise(v);
        });
        G.rawset("select", new FastFunction("select", (th, a) -> {
            if (a.length > 0 && "#".equals(a[0])) return ret((long) (a.length - 1));
            long i = selectIndex(Args.checkInteger(th, a, 1), a.length);
            if (i >= a.length) return LuaFunction.NONE;
            if (i < 1) throw Args.argError(th, 1, "index out of range");
            return java.util.Arrays.copyOfRange(a, (int) i, a.length);
        }) {
            // one result wanted: select('#', ...) and select(n, ...) need no copy of the values
            @Override
            Object fastN(Object[] a) {
                if (a.length == 0) return SLOW;
                if ("#".equals(a[0])) return (long) (a.length - 1);
                if (!(a[0] instanceof Long n)) return SLOW;
                long i = selectIndex(n, a.length);
                if (i >= a.length) return null;
                return i < 1 ? SLOW : a[(int) i];
            }
        });
        JavaFunction next = JavaFunction.of("next", (th, a) -> {
            LuaTable t = Args.checkTable(th, a, 1);
            Object[] kv = new Object[2];
            // lua5.4 (5.4.4) looks a float key up by its float hash and type, so a float with an
            // integer value (a key the table holds as an integer) is never found: next({10}, 1.0) fails
            if (Args.arg(a, 2) instanceof Double d && d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                throw th.errorAtLevel("invalid key to 'next'", 0);
            }
            try {
                if (t.next(Args.arg(a, 2), kv)) return kv;
            } catch (IllegalArgumentException e) {
                throw th.errorAtLevel("invalid key to 'next'", 0);
            }
            return ret(null);
        });
        G.rawset("next", next);
        L.nextFunction = next;
        reg(G, "pairs", (th, a) -> {
            Object v = Args.checkAny(th, a, 1);
            Object tm = Ops.metafield(th.state, v, "__pairs");
            if (tm != null) {
                Object[] r = Ops.ccall(th, tm, new Object[] {v});
                return new Object[] {r.length > 0 ? r[0] : null, r.length > 1 ? r[1] : null, r.length > 2 ? r[2] : null};
            }
            return ret(next, v, null);   // 5.4 checks only that there is an argument; next complains later
        });
        JavaFunction ipairsIter = JavaFunction.of("ipairs_iterator", (th, a) -> {
            long i = (Long) a[1] + 1;
            Object v = a[0] instanceof LuaTable t && t.getMetatable() == null ? t.rawget(i) : Ops.index(th, a[0], i, null);
            return v == null ? ret(null) : ret(i, v);
        });
        L.ipairsIterator = ipairsIter;
        reg(G, "ipairs", (th, a) -> ret(ipairsIter, Args.checkAny(th, a, 1), 0L));
        reg(G, "pcall", BaseLib::pcall);
        reg(G, "xpcall", BaseLib::xpcall);
        reg(G, "load", (th, a) -> load(th, a, profile));
        if (profile == Profile.TRUSTED) {
            reg(G, "loadfile", (th, a) -> {
                String name = Args.optString(th, a, 1, null);
                String mode = Args.optString(th, a, 2, "bt");
                Object env = a.length >= 3 ? a[2] : null;
                try {
                    return ret(a.length >= 3 ? th.state.loadFile(name, mode, env, th.ccalls) : th.state.loadFile(name, mode, th.ccalls));
                } catch (LuaError e) {
                    return ret(null, e.value());
                }
            });
            reg(G, "dofile", (th, a) -> {
                String name = Args.optString(th, a, 1, null);
                LuaFunction f;
                try {
                    f = th.state.loadFile(name, "bt", th.ccalls);
                } catch (LuaError e) {
                    throw th.raise(e.value());   // raised here, so a message handler (the traceback) sees it
                }
                return Ops.ccall(th, f, LuaFunction.NONE);
            });
        }
        reg(G, "collectgarbage", BaseLib::collectgarbage);
        reg(G, "warn", (th, a) -> {
            Args.checkString(th, a, 1);
            for (int i = 2; i <= a.length; i++) Args.checkString(th, a, i);
            for (int i = 0; i < a.length; i++) th.state.warning(Ops.tostrNumOrString(a[i]), i < a.length - 1);
            return LuaFunction.NONE;
        });
    }

    private static void reg(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }

    private static Object[] print(LuaThread th, Object[] a) {
        LuaState L = th.state;
        String[] parts = new String[a.length];
        long n = a.length;   // the tabs and the newline
        for (int i = 0; i < a.length; i++) {
            Object v = a[i];
            parts[i] = v instanceof String s ? s : Ops.tostring(th, v);
            n += parts[i].length();
        }
        if (n == 0) n = 1;
        // a host's output budget is asked before the line is joined: a dropped line costs no copies
        if (L.stdout instanceof org.luahost.vm.OutputBudget b && !b.admit(n)) return LuaFunction.NONE;
        L.stdout.write(line(parts, n), 0, (int) n);
        // lua_writeline flushes: print's output comes before what a child process or stderr writes next
        L.stdout.flush();
        return LuaFunction.NONE;
    }

    /** print's line: the parts joined by tabs, and a newline (n bytes in all). */
    private static byte[] line(String[] parts, long n) {
        if (n > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("print: a line of " + n + " bytes");
        byte[] b = new byte[(int) n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b[at++] = '\t';
            String s = parts[i];
            s.getBytes(0, s.length(), b, at);   // Lua strings are Latin-1 chars, one byte each
            at += s.length();
        }
        b[at] = '\n';
        return b;
    }

    /**
     * Where select(n, ...)'s values start in its whole argument array (n itself
     * at 0): a negative n counts from the end (-1 is the last value); a
     * result of length or more means no values, below 1 an error.
     */
    private static long selectIndex(long n, int length) { return n < 0 ? length + n : n; }

    private static Object[] tonumber(LuaThread th, Object[] a) {
        if (Args.isNoneOrNil(a, 2)) {
            Object v = Args.checkAny(th, a, 1);
            return ret(Ops.tonumber(th, v));
        }
        long base = Args.checkInteger(th, a, 2);
        Object v = Args.arg(a, 1);
        if (!(v instanceof String)) Args.checkType(th, a, 1, "string");
        if (base < 2 || base > 36) throw Args.argError(th, 2, "base out of range");
        Ops.chargeScan(th, (String) v);
        String s = trimC((String) v);
        boolean neg = false;
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) { neg = s.charAt(0) == '-'; i++; }
        if (i >= s.length()) return ret(null);
        long n = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 36);
            if (s.charAt(i) > 127 || d < 0 || d >= base) return ret(null);
            n = n * base + d;
        }
        return ret(neg ? -n : n);
    }

    /** Strips C isspace characters from both ends. */
    static String trimC(String s) {
        int b = 0, e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    static boolean isSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

    private static Object[] setmetatable(LuaThread th, Object[] a) {
        LuaTable t = Args.checkTable(th, a, 1);
        Object mt = Args.arg(a, 2);
        if (a.length < 2 || (mt != null && !(mt instanceof LuaTable))) throw Args.typeError(th, a, 2, "nil or table");
        LuaTable old = t.getMetatable();
        if (old != null && old.rawget("__metatable") != null) throw th.errorAtLevel("cannot change a protected metatable", 1);
        t.setMetatable((LuaTable) mt);
        if (mt != null) th.state.gc().registered(t, (LuaTable) mt);
        return ret(t);
    }

    private static Object[] pcall(LuaThread th, Object[] a) {
        Object fn = Args.checkAny(th, a, 1);
        Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
        return th.pcallResults(fn, args, null);
    }

    private static Object[] xpcall(LuaThread th, Object[] a) {
        Args.checkFunction(th, a, 2);
        Object fn = a[0];
        Object handler = a[1];
        Object[] args = java.util.Arrays.copyOfRange(a, 2, a.length);
        return th.pcallResults(fn, args, handler);
    }

    private static Object[] load(LuaThread th, Object[] a, Profile profile) {
        Object chunk = Args.arg(a, 1);
        String mode = Args.optString(th, a, 3, "bt");
        if (profile == Profile.SANDBOXED) mode = "t";
        Object env = a.length >= 4 ? a[3] : null;
        String text = Ops.tolstring(chunk);   // a number is loaded as its text
        String name;
        if (text != null) {
            name = Args.optString(th, a, 2, text);
        } else {
            name = Args.optString(th, a, 2, "=(load)");
            if (!(chunk instanceof LuaFunction reader)) throw Args.typeError(th, a, 1, "function");
            int depth = th.depth;
            try {
                text = readAll(th, reader);
            } catch (LuaError e) {
                th.unwindTo(depth);   // the reader's frames (lua_load runs it protected)
                return ret(null, e.value());   // lua_load returns the reader's error as its message
            }
        }
        // the work meter pays for the parse; its error (a CPU budget, an interrupt) is raised, not returned
        LuaError[] metered = new LuaError[1];
        long[] charged = {0};
        try {
            // the memory the parse needs (its syntax tree and work space), charged as the lexer reads the source
            // (LoadMeter) and the rest once parsed: over the limit, load returns (nil, "not enough memory") as
            // lua_load does on a memory error. Charged as it goes, not before: lua5.4 reports a syntax error or
            // "C stack overflow" near the start of a huge source before it runs out of memory
            var meter = new org.luahost.vm.parser.LoadMeter() {
                @Override
                public void accept(int units) {
                    try {
                        th.charge(units);
                    } catch (LuaError e) {
                        metered[0] = e;
                        throw e;
                    }
                }

                @Override
                public void read(int n) {
                    // held: a collection in the middle of the parse (the trap of a charge) cannot see the tree
                    th.state.gc().hold(org.luahost.vm.Gc.LOAD_PER_BYTE * n);
                    charged[0] += n;
                }
            };
            if (text.length() > 0 && text.charAt(0) == 0x1b) meter.read(text.length());   // a binary chunk: no lexer
            LuaFunction f;
            try {
                // the parse's nesting counts on top of the caller's C calls, as lua_load's does (luaE_incCstack)
                f = th.state.load(text, name, mode, null, meter, th.ccalls);
            } finally {
                th.state.gc().release(org.luahost.vm.Gc.LOAD_PER_BYTE * charged[0]);   // charged still, until a collection
            }
            th.state.gc().charge(org.luahost.vm.Gc.LOAD_PER_BYTE * (text.length() - charged[0]));
            // the first upvalue, if any, is the environment (a binary chunk may have none)
            if (a.length >= 4 && f instanceof org.luahost.vm.runtime.LuaClosure c && c.upvals.length > 0) c.upvals[0].v = env;
            // a collection counts the loaded code as long as the chunk's function is reachable
            if (f instanceof org.luahost.vm.runtime.LuaClosure c) c.proto.codeBytes = org.luahost.vm.Gc.CODE_PER_BYTE * text.length();
            return ret(f);
        } catch (LuaError e) {
            if (e == metered[0]) throw e;
            // the parser's "C stack overflow" is a run-time error (luaE_checkcstack) raised inside lua_load:
            // the active message handler sees it, as in the reference (lua.c's adds a traceback)
            if (!e.isHandled() && "C stack overflow".equals(e.value())) return ret(null, th.raise(e.value()).value());
            return ret(null, e.value());
        }
    }

    /** generic_reader: calls the reader until it returns nil or an empty string; numbers count as strings. */
    private static String readAll(LuaThread th, LuaFunction reader) {
        StringBuilder sb = new StringBuilder();
        long held = 0;
        th.noYield++;   // lua_load calls the reader from C: a yield inside it cannot cross that call
        try {
        for (;;) {
            Object piece = LuaFunction.first(Ops.ccall(th, reader, LuaFunction.NONE));
            if (piece == null) break;
            String p = Ops.tolstring(piece);
            if (p == null) throw th.errorAtLevel("reader function must return a string", 1);
            if (p.isEmpty()) break;
            th.state.gc().hold(2L * p.length());   // the text so far is held here only (the builder doubles; see Gc.hold)
            held += 2L * p.length();
            sb.append(p);
        }
        th.state.gc().chargeString(sb.length());
        return sb.toString();
        } finally {
            th.noYield--;
            th.state.gc().release(held);
        }
    }

    private static Object[] collectgarbage(LuaThread th, Object[] a) {
        int opt = Args.checkOption(th, a, 1, "collect", "stop", "restart", "collect", "count", "step",
                "setpause", "setstepmul", "isrunning", "generational", "incremental");
        LuaState L = th.state;
        org.luahost.vm.Gc gc = L.gc();
        switch (opt) {   // arguments are checked first, as lua5.4's luaB_collectgarbage does
            case 4: {
                long kb = Args.optInteger(th, a, 2, 0);
                if (gc.inFinalizer()) return ret(null);
                // lua5.4 in generational mode never reports the end of a cycle from a step
                return ret(gc.step(th, kb) && !gc.mode().equals("generational"));
            }
            case 5: case 6: {
                long v = Args.optInteger(th, a, 2, 0);
                if (gc.inFinalizer()) return ret(null);
                return ret(opt == 5 ? gc.setPause(v) : gc.setStepmul(v));
            }
            case 8: {
                long minor = Args.optInteger(th, a, 2, 0), major = Args.optInteger(th, a, 3, 0);
                return ret(gc.inFinalizer() ? null : gc.generational(minor, major));
            }
            case 9: {
                long pause = Args.optInteger(th, a, 2, 0), stepmul = Args.optInteger(th, a, 3, 0), size = Args.optInteger(th, a, 4, 0);
                return ret(gc.inFinalizer() ? null : gc.incremental(pause, stepmul, size));
            }
            default: break;
        }
        if (gc.inFinalizer()) return ret(null);   // lua_gc fails inside a finalizer: collectgarbage returns fail
        switch (opt) {
            case 0: gc.setRunning(false); return ret(0L);
            case 1: gc.setRunning(true); return ret(0L);
            case 2: gc.fullCollect(th); return ret(0L);
            case 3: gc.settle(th); return ret(L.memoryInUse() / 1024.0);
            default: return ret(gc.isRunning());
        }
    }
}
