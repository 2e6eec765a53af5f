package org.luahost.vm.lib;

import java.io.IOException;
import java.io.InputStream;

import org.luahost.vm.Args;
import org.luahost.vm.CallResult;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;
import org.luahost.vm.debug.DebugHook;
import org.luahost.vm.debug.FrameInfo;
import org.luahost.vm.debug.Locals;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Traceback;

/**
 * The {@code debug} library of Lua 5.4 (manual §6.10), as the reference's
 * ldblib.c: the Lua-facing functions and their argument checking. What they
 * report comes from the core in {@link org.luahost.vm.debug} (frame
 * information, locals and upvalues, hooks). The trusted profile has all of
 * it; the sandboxed profile only {@code traceback}.
 *
 * <p>Levels count frames from the top of a thread's stack as the reference
 * does (level 0 is the running function: {@code debug.getinfo} itself; Java
 * functions have frames as C functions do). Where luahost's tree interpreter
 * has no exact counterpart of the reference's bytecode, the results are
 * approximations, documented in the core's classes: {@link Locals} for
 * {@code getlocal}/{@code setlocal}, {@link FrameInfo} for {@code getinfo}
 * and {@link DebugHook} for hooks.
 */
public final class DebugLib {
    private DebugLib() {}

    public static void install(LuaState L, Profile profile) {
        LuaTable d = new LuaTable(0, 20);
        fn(d, "traceback", DebugLib::traceback);
        if (profile == Profile.TRUSTED) {
            fn(d, "debug", DebugLib::debug);
            fn(d, "getinfo", DebugLib::getinfo);
            fn(d, "getlocal", DebugLib::getlocal);
            fn(d, "setlocal", DebugLib::setlocal);
            fn(d, "getupvalue", (th, a) -> upvalue(th, a, true));
            fn(d, "setupvalue", (th, a) -> { Args.checkAny(th, a, 3); return upvalue(th, a, false); });
            fn(d, "upvalueid", DebugLib::upvalueid);
            fn(d, "upvaluejoin", DebugLib::upvaluejoin);
            fn(d, "sethook", DebugLib::sethook);
            fn(d, "gethook", DebugLib::gethook);
            fn(d, "getmetatable", (th, a) -> {
                Args.checkAny(th, a, 1);
                return ret(Lua.metatable(th.state, a[0]));
            });
            fn(d, "setmetatable", DebugLib::setmetatable);
            fn(d, "getregistry", (th, a) -> ret(th.state.registry));
            fn(d, "getuservalue", DebugLib::getuservalue);
            fn(d, "setuservalue", DebugLib::setuservalue);
            // deprecated in 5.4 and a no-op: answers the C-stack limit (LUAI_MAXCCALLS)
            fn(d, "setcstacklimit", (th, a) -> {
                Args.checkInteger(th, a, 1);
                return ret((long) LuaThread.MAX_CCALLS);
            });
        }
        MathLib.register(L, "debug", d);
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("debug." + name, body));
    }

    private static Object[] ret(Object v) { return new Object[] {v}; }

    // ---------------------------------------------------------------- threads and levels

    /** getthread: the thread argument if a[0] is one (then the other arguments shift by one). */
    private static LuaThread thread(LuaThread th, Object[] a) {
        return a.length > 0 && a[0] instanceof LuaThreadHandle h ? h.luaThread() : null;
    }

    // ---------------------------------------------------------------- traceback

    private static Object[] traceback(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        Object msg = Args.arg(a, arg + 1);
        if (msg != null && !(msg instanceof String) && !(msg instanceof Long || msg instanceof Double)) return ret(msg);
        long level = Args.optInteger(th, a, arg + 2, t1 == th ? 1 : 0);
        String text = msg == null ? null : Ops.tostrNumOrString(msg);
        int lv = (int) level;   // ldblib casts to int
        return ret(Traceback.of(t1, text, lv));
    }

    // ---------------------------------------------------------------- getinfo

    private static Object[] getinfo(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        String options = Args.optString(th, a, arg + 2, "flnSrtu");
        if (options.startsWith(">")) throw Args.argError(th, arg + 2, "invalid option '>'");
        LuaFunction fn;
        Frame f = null;
        if (Args.arg(a, arg + 1) instanceof LuaFunction lf) {
            fn = lf;
        } else {
            long level = (int) Args.checkInteger(th, a, arg + 1);   // ldblib casts to int
            f = FrameInfo.frameAt(t1, level);
            if (f == null) return ret(null);
            fn = f.fn;
        }
        for (int i = 0; i < options.length(); i++) {
            if (FrameInfo.OPTIONS.indexOf(options.charAt(i)) < 0) throw Args.argError(th, arg + 2, "invalid option");
        }
        return ret(FrameInfo.of(t1, fn, f, options));
    }

    // ---------------------------------------------------------------- locals

    private static Object[] getlocal(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        long n = (int) Args.checkInteger(th, a, arg + 2);   // ldblib casts level and index to int
        if (Args.arg(a, arg + 1) instanceof LuaFunction fn) {
            return ret(fn instanceof LuaClosure c ? Locals.paramName(c, n) : null);
        }
        long level = (int) Args.checkInteger(th, a, arg + 1);
        Frame f = FrameInfo.frameAt(t1, level);
        if (f == null) throw Args.argError(th, arg + 1, "level out of range");
        if (level == 0 && t1 == th) {
            // getlocal itself: its stack is its arguments
            return n >= 1 && n <= a.length ? new Object[] {"(C temporary)", a[(int) n - 1]} : ret(null);
        }
        Locals.Local l = Locals.find(f, n);
        if (l == null) return ret(null);
        return new Object[] {l.name(), l.value()};
    }

    private static Object[] setlocal(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        long level = (int) Args.checkInteger(th, a, arg + 1);
        long n = (int) Args.checkInteger(th, a, arg + 2);
        Frame f = FrameInfo.frameAt(t1, level);
        if (f == null) throw Args.argError(th, arg + 1, "level out of range");
        Object v = Args.checkAny(th, a, arg + 3);
        Locals.Local l = Locals.find(f, n);
        if (l == null) return ret(null);
        Locals.set(f, l, v);
        return ret(l.name());
    }

    // ---------------------------------------------------------------- upvalues

    private static Object[] upvalue(LuaThread th, Object[] a, boolean get) {
        long n = (int) Args.checkInteger(th, a, 2);   // ldblib casts to int
        LuaFunction fn = Args.checkFunction(th, a, 1);
        if (fn instanceof JavaFunction jf) {
            // a C closure's upvalues have the name "" (setupvalue does not change what the Java function uses)
            Object[] ups = jf.upvalues();
            if (n < 1 || n > ups.length) return LuaFunction.NONE;
            return get ? new Object[] {"", ups[(int) n - 1]} : ret("");
        }
        if (!(fn instanceof LuaClosure c) || n < 1 || n > c.upvals.length) return LuaFunction.NONE;
        String name = Locals.upvalueName(c, (int) n);
        Cell cell = c.upvals[(int) n - 1];
        if (get) return new Object[] {name, cell.v};
        cell.v = a[2];
        return ret(name);
    }

    /** checkupval: the cell of upvalue n of the function at argument argf (null if none). */
    private static Cell upvalCell(LuaThread th, Object[] a, int argf, int argnup, boolean check) {
        long n = (int) Args.checkInteger(th, a, argnup);
        LuaFunction fn = Args.checkFunction(th, a, argf);
        Cell cell = fn instanceof LuaClosure c && n >= 1 && n <= c.upvals.length ? c.upvals[(int) n - 1] : null;
        if (check && cell == null) throw Args.argError(th, argnup, "invalid upvalue index");
        return cell;
    }

    private static Object[] upvalueid(LuaThread th, Object[] a) {
        if (Args.arg(a, 1) instanceof JavaFunction jf) {
            long n = (int) Args.checkInteger(th, a, 2);
            return ret(n >= 1 && n <= jf.upvalues().length ? cUpvalueId(jf, (int) n) : null);
        }
        return ret(upvalCell(th, a, 1, 2, false));
    }

    /** Identities of C upvalues (upvalueid's light userdata in the reference): one object per function and index. */
    private static final java.util.Map<JavaFunction, Object[]> C_UPVALUE_IDS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Object cUpvalueId(JavaFunction jf, int n) {
        Object[] ids = C_UPVALUE_IDS.computeIfAbsent(jf, k -> new Object[k.upvalues().length]);
        synchronized (ids) {
            if (ids[n - 1] == null) ids[n - 1] = new LuaUserdata(null, null);
            return ids[n - 1];
        }
    }

    private static Object[] upvaluejoin(LuaThread th, Object[] a) {
        upvalCell(th, a, 1, 2, true);
        Cell c2 = upvalCell(th, a, 3, 4, true);
        if (!(a[0] instanceof LuaClosure f1)) throw Args.argError(th, 1, "Lua function expected");
        if (!(a[2] instanceof LuaClosure)) throw Args.argError(th, 3, "Lua function expected");
        f1.upvals[(int) Args.checkInteger(th, a, 2) - 1] = c2;
        return LuaFunction.NONE;
    }

    // ---------------------------------------------------------------- hooks

    private static Object[] sethook(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        if (Args.isNoneOrNil(a, arg + 1)) {
            hookTable(th).rawset(arg == 1 ? a[0] : t1.value(), null);
            DebugHook.install(t1, null, 0, 0);
            return LuaFunction.NONE;
        }
        String smask = Args.checkString(th, a, arg + 2);
        LuaFunction fn = Args.checkFunction(th, a, arg + 1);
        hookTable(th).rawset(arg == 1 ? a[0] : t1.value(), fn);   // keyed by the thread value the program sees
        long count = Args.optInteger(th, a, arg + 3, 0);
        int c = (int) count;
        int mask = 0;
        if (smask.indexOf('c') >= 0) mask |= LuaThread.HOOK_CALL;
        if (smask.indexOf('r') >= 0) mask |= LuaThread.HOOK_RET;
        if (smask.indexOf('l') >= 0) mask |= LuaThread.HOOK_LINE;
        if (c > 0) mask |= LuaThread.HOOK_COUNT;
        DebugHook.install(t1, fn, mask, c);
        return LuaFunction.NONE;
    }

    /**
     * registry._HOOKKEY, as the reference's debug library keeps it: a table
     * of each thread's hook function, weak in its keys (its own metatable,
     * with __mode "k"), made by the first debug.sethook. luahost's hooks do
     * not read it ({@link DebugHook} holds the function); it is there for
     * what a program can see. The key is the thread argument, or the value
     * of the running thread ({@link LuaThread#value}: inside a coroutine,
     * what coroutine.running() gives).
     */
    private static LuaTable hookTable(LuaThread th) {
        LuaTable reg = th.state.registry;
        if (reg.rawget("_HOOKKEY") instanceof LuaTable t) return t;
        LuaTable t = new LuaTable(0, 2);
        t.rawset("__mode", "k");
        t.setMetatable(t);
        th.state.gc().registered(t, t);
        reg.rawset("_HOOKKEY", t);
        return t;
    }

    private static Object[] gethook(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        if (t1 == null) t1 = th;
        if (t1.hookMask == 0 || t1.hook == null) return ret(null);
        Object fn;
        int mask = t1.hookMask;
        long count = 0;
        if (t1.hook instanceof DebugHook h) {
            fn = h.fn();
            count = h.count();
        } else {
            fn = "external hook";
        }
        StringBuilder sb = new StringBuilder();
        if ((mask & LuaThread.HOOK_CALL) != 0) sb.append('c');
        if ((mask & LuaThread.HOOK_RET) != 0) sb.append('r');
        if ((mask & LuaThread.HOOK_LINE) != 0) sb.append('l');
        return new Object[] {fn, sb.toString(), count};
    }

    // ---------------------------------------------------------------- metatables and user values

    private static Object[] setmetatable(LuaThread th, Object[] a) {
        Object mt = Args.arg(a, 2);
        if (!(mt == null || mt instanceof LuaTable)) throw Args.typeError(th, a, 2, "nil or table");
        if (a.length < 2) throw Args.typeError(th, a, 2, "nil or table");
        Object v = a[0];
        LuaTable m = (LuaTable) mt;
        if (v instanceof LuaTable t) {
            t.setMetatable(m);
            if (m != null) th.state.gc().registered(t, m);
        } else if (v instanceof LuaUserdata u) {
            u.metatable = m;
            if (m != null) th.state.gc().registered(u, m);
        } else {
            String type = Lua.typeName(v);
            if (!type.equals("userdata")) th.state.setTypeMetatable(type, m);
        }
        return ret(v);
    }

    /** How many user values a full userdata has: none for files (as the reference's io), one otherwise. */
    private static int userValues(LuaUserdata u) {
        return u.payload() instanceof LuaFile ? 0 : 1;
    }

    private static Object[] getuservalue(LuaThread th, Object[] a) {
        long n = (int) Args.optInteger(th, a, 2, 1);   // checked first, as ldblib does
        if (!(Args.arg(a, 1) instanceof LuaUserdata u)) return ret(null);
        if (n < 1 || n > userValues(u)) return ret(null);
        return new Object[] {u.userValue, Boolean.TRUE};
    }

    private static Object[] setuservalue(LuaThread th, Object[] a) {
        long n = (int) Args.optInteger(th, a, 3, 1);   // checked first, as ldblib does
        if (!(Args.arg(a, 1) instanceof LuaUserdata u)) throw Args.typeError(th, a, 1, "userdata");
        Args.checkAny(th, a, 2);
        if (n < 1 || n > userValues(u)) return ret(null);
        u.userValue = a[1];
        return ret(u);
    }

    // ---------------------------------------------------------------- debug.debug

    /** The interactive debug prompt: runs each line read from stdin until "cont" or end of input. */
    private static Object[] debug(LuaThread th, Object[] a) {
        LuaState L = th.state;
        for (;;) {
            L.stdout.flush();
            L.write(L.stderr, "lua_debug> ");
            L.stderr.flush();
            String line = readLine(L.stdin);
            if (line == null || line.equals("cont\n")) return LuaFunction.NONE;
            try {
                LuaFunction f = L.load(line, "=(debug command)", "bt", null);
                if (th.pcall(f, LuaFunction.NONE) instanceof CallResult.Failed e) report(th, e.error());
            } catch (LuaError e) {
                report(th, e.value());
            }
        }
    }

    private static void report(LuaThread th, Object v) {
        LuaState L = th.state;
        String s;
        try {
            s = Ops.tostring(th, v);
        } catch (LuaError e) {
            s = Ops.tostringRaw(L, v);
        }
        L.write(L.stderr, s + "\n");
        L.stderr.flush();
    }

    /** fgets with the reference's 250-byte buffer: a line with its newline, at most 249 bytes; null at end of input. */
    private static String readLine(InputStream in) {
        StringBuilder sb = new StringBuilder();
        try {
            while (sb.length() < 249) {
                int c = in.read();
                if (c < 0) break;
                sb.append((char) c);
                if (c == '\n') break;
            }
        } catch (IOException e) {
            return null;
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
