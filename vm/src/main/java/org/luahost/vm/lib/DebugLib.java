package org.luahost.vm.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;

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
import org.luahost.vm.interp.Cell;
import org.luahost.vm.interp.Frame;
import org.luahost.vm.interp.LuaClosure;
import org.luahost.vm.interp.Proto;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.parser.ChunkId;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Site;
import org.luahost.vm.runtime.Traceback;

/**
 * The {@code debug} library of Lua 5.4 (manual §6.10). The trusted profile
 * has all of it; the sandboxed profile only {@code traceback}.
 *
 * <p>Levels count frames from the top of a thread's stack as the reference
 * does (level 0 is the running function: {@code debug.getinfo} itself; Java
 * functions have frames as C functions do). Where luahost's tree interpreter
 * has no exact counterpart of the reference's bytecode, the results are
 * approximations, documented on each function:
 * <ul>
 * <li>{@code getlocal}/{@code setlocal} see the variables the compiler
 * recorded with a line range ({@link Proto.LocalInfo}): a local is visible
 * from the line of its declaration to the end of its block, so a call on the
 * declaring line itself ({@code local x = f()}) already sees {@code x} (as
 * nil). The hidden loop variables are listed as {@code "(for state)"} with
 * nil values, and the reference's unnamed stack slots ({@code "(temporary)"},
 * {@code "(C temporary)"}) are not shown.
 * <li>{@code getinfo(..., "L")} (activelines) is computed from the function's
 * syntax tree: the lines of its statements and expressions, the {@code end}
 * line of nested functions, and its own last line.
 * <li>Hooks: see {@link DebugHook} (line events per statement and loop
 * iteration, count events per statement).
 * </ul>
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

    /** The frame at a level of t (0: its top frame), or null when the level is out of range. */
    private static Frame frameAt(LuaThread t, long level) {
        if (level < 0 || level >= t.depth) return null;
        return t.frame((int) (t.depth - level));
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
        int lv = (int) Math.max(Math.min(level, Integer.MAX_VALUE), Integer.MIN_VALUE);
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
        int depth = 0;
        if (Args.arg(a, arg + 1) instanceof LuaFunction lf) {
            fn = lf;
        } else {
            long level = Args.checkInteger(th, a, arg + 1);
            f = frameAt(t1, level);
            if (f == null) return ret(null);
            fn = f.fn;
            depth = f.depth;
        }
        for (int i = 0; i < options.length(); i++) {
            if ("SlnrtuLf".indexOf(options.charAt(i)) < 0) throw Args.argError(th, arg + 2, "invalid option");
        }
        LuaTable r = new LuaTable(0, 16);
        LuaClosure cl = fn instanceof LuaClosure c ? c : null;
        Proto p = cl == null ? null : cl.proto;
        if (options.indexOf('S') >= 0) {
            String source = p == null ? "=[C]" : p.source;
            r.rawset("source", source);
            r.rawset("short_src", p == null ? "[C]" : ChunkId.of(source));
            r.rawset("linedefined", p == null ? -1L : (long) p.line);
            r.rawset("lastlinedefined", p == null ? -1L : p.isMain() ? 0L : (long) p.lastLine);
            r.rawset("what", p == null ? "C" : p.isMain() ? "main" : "Lua");
        }
        if (options.indexOf('l') >= 0) {
            r.rawset("currentline", f == null || f.closure == null ? -1L : (long) f.currentLine());
        }
        if (options.indexOf('u') >= 0) {
            r.rawset("nups", cl == null ? 0L : (long) cl.upvals.length);
            r.rawset("nparams", p == null ? 0L : (long) p.nparams);
            r.rawset("isvararg", p == null || p.vararg);
        }
        if (options.indexOf('n') >= 0) {
            String[] nm = null;
            if (f != null) nm = t1.calleeName(depth);
            if (nm != null && nm[0] != null) {
                r.rawset("name", nm[1]);
                r.rawset("namewhat", nm[0]);
            } else {
                r.rawset("namewhat", "");
            }
        }
        if (options.indexOf('r') >= 0) {
            r.rawset("ftransfer", 0L);
            r.rawset("ntransfer", 0L);
        }
        if (options.indexOf('t') >= 0) r.rawset("istailcall", f != null && f.tailcall);
        if (options.indexOf('L') >= 0 && p != null) r.rawset("activelines", activeLines(p));
        if (options.indexOf('f') >= 0) r.rawset("func", fn);
        return ret(r);
    }

    /** The lines of p that have code (an approximation of the reference's, from the syntax tree). */
    static LuaTable activeLines(Proto p) {
        TreeSet<Integer> lines = new TreeSet<>();
        if (p.stripped) {
            // no line information after string.dump(f, true)
        } else if (p.ast instanceof Ast.FuncBody body) {
            block(body.block(), lines);
            // the final return is on the line of the function's last token: 'end', or the chunk's last token
            if (!p.isMain()) lines.add(body.lastLine());
        } else {
            for (int l : p.activeLines) lines.add(l);
        }
        LuaTable t = new LuaTable(0, lines.size());
        for (int l : lines) if (l > 0) t.rawset((long) l, Boolean.TRUE);
        return t;
    }

    private static void block(Ast.Block b, TreeSet<Integer> out) {
        for (Ast.Stat s : b.stats()) stat(s, out);
    }

    private static void stat(Ast.Stat s, TreeSet<Integer> out) {
        switch (s) {
            case Ast.Local l -> {
                out.add(l.line());
                exprs(l.exprs(), out);
            }
            case Ast.Assign a -> {
                out.add(a.line());
                exprs(a.targets(), out);
                exprs(a.exprs(), out);
            }
            case Ast.CallStat c -> expr(c.call(), out);
            case Ast.Do d -> block(d.block(), out);
            case Ast.While w -> {
                // 'while true do' has no code for its test
                if (!(w.cond() instanceof Ast.True || w.cond() instanceof Ast.Int || w.cond() instanceof Ast.Flt
                        || w.cond() instanceof Ast.Str)) {
                    out.add(w.line());
                    expr(w.cond(), out);
                }
                block(w.block(), out);
            }
            case Ast.Repeat r -> {
                block(r.block(), out);
                expr(r.cond(), out);
            }
            case Ast.If i -> {
                out.add(i.line());
                exprs(i.conds(), out);
                for (Ast.Block b : i.blocks()) block(b, out);
                if (i.elseBlock() != null) block(i.elseBlock(), out);
            }
            case Ast.NumericFor n -> {
                out.add(n.line());
                expr(n.start(), out);
                expr(n.limit(), out);
                if (n.step() != null) expr(n.step(), out);
                block(n.block(), out);
            }
            case Ast.GenericFor g -> {
                out.add(g.line());
                exprs(g.exprs(), out);
                block(g.block(), out);
            }
            case Ast.FunctionStat fs -> {
                out.add(fs.line());
                out.add(fs.function().body().lastLine());
            }
            case Ast.LocalFunction lf -> out.add(lf.function().body().lastLine());
            case Ast.Return r -> {
                out.add(r.line());
                exprs(r.exprs(), out);
            }
            case Ast.Break b -> out.add(b.line());
            case Ast.Goto g -> out.add(g.line());
            case Ast.Label l -> { }
        }
    }

    private static void exprs(List<Ast.Expr> es, TreeSet<Integer> out) {
        for (Ast.Expr e : es) expr(e, out);
    }

    private static void expr(Ast.Expr e, TreeSet<Integer> out) {
        switch (e) {
            case Ast.Function f -> out.add(f.body().lastLine());
            case Ast.Table t -> {
                out.add(t.line());
                for (Ast.Field fl : t.fields()) {
                    switch (fl) {
                        case Ast.PosField pf -> expr(pf.value(), out);
                        case Ast.NamedField nf -> expr(nf.value(), out);
                        case Ast.KeyedField kf -> {
                            expr(kf.key(), out);
                            expr(kf.value(), out);
                        }
                    }
                }
            }
            case Ast.BinOp b -> {
                expr(b.left(), out);
                expr(b.right(), out);
                out.add(b.line());
            }
            case Ast.UnOp u -> {
                expr(u.operand(), out);
                out.add(u.line());
            }
            case Ast.Index ix -> {
                expr(ix.obj(), out);
                expr(ix.key(), out);
            }
            case Ast.Call c -> {
                expr(c.fn(), out);
                exprs(c.args(), out);
                out.add(c.line());
            }
            case Ast.MethodCall m -> {
                expr(m.obj(), out);
                exprs(m.args(), out);
                out.add(m.line());
            }
            case Ast.Paren p -> expr(p.expr(), out);
            default -> out.add(e.line());
        }
    }

    // ---------------------------------------------------------------- locals

    /** The name and value of local n of a frame, or null; a 3rd element holds the entry (LocalInfo) or the vararg index. */
    private static Object[] findLocal(Frame f, long n) {
        if (f.closure == null) return null;
        Proto p = f.closure.proto;
        if (n < 0) {
            if (!p.vararg || -n > f.varargs.length) return null;
            return new Object[] {"(vararg)", f.varargs[(int) (-n - 1)], (int) (-n - 1)};
        }
        if (n == 0) return null;
        Proto.LocalInfo e = activeLocal(p, f.currentLine(), f.site, n);
        if (e == null) return null;
        Object v = null;
        if (e.slot() >= 0 && f.slots != null && e.slot() < f.slots.length) {
            v = f.slots[e.slot()];
            if (e.captured()) v = v instanceof Cell c ? c.v : null;
        }
        return new Object[] {e.name(), v, e};
    }

    /**
     * The n-th local (1-based) active at a line, in declaration order. A
     * local is active from the line of its declaration to the end of its
     * block, except in the declaration's own initializer: a call made there
     * (site) does not see it yet.
     */
    private static Proto.LocalInfo activeLocal(Proto p, int line, Site site, long n) {
        long k = 0;
        for (Proto.LocalInfo e : p.locals) {
            if (e.startLine() <= line && line <= e.endLine()) {
                if (e.startLine() == line && site != null && inDeclaration(p, e, site)) continue;
                if (++k == n) return e;
            }
        }
        return null;
    }

    /** Whether site (a call at the declaration's line) is part of what declares e: its initializer or loop header. */
    private static boolean inDeclaration(Proto p, Proto.LocalInfo e, Site site) {
        if (!(p.ast instanceof Ast.FuncBody body)) return false;
        String callee = site.calleeName();
        String what = site.calleeNameWhat();
        if (what == null) return false;
        int line = e.startLine();
        boolean hidden = e.slot() < 0;
        Boolean r = findDeclaration(body.block(), line, e.name(), hidden, callee, what, site.line());
        return r != null && r;
    }

    /** Searches the statements of a block (not nested functions) for the declaration; null when not found. */
    private static Boolean findDeclaration(Ast.Block b, int line, String name, boolean hidden, String callee, String what, int siteLine) {
        for (Ast.Stat s : b.stats()) {
            if (s.line() > line) break;
            Boolean r = switch (s) {
                case Ast.Local l when l.line() == line && !hidden && l.names().contains(name) ->
                        callIn(l.exprs(), callee, siteLine);
                case Ast.NumericFor nf when nf.line() == line && (hidden || nf.var().equals(name)) ->
                        callIn(nf.step() == null ? List.of(nf.start(), nf.limit()) : List.of(nf.start(), nf.limit(), nf.step()), callee, siteLine);
                case Ast.GenericFor gf when gf.line() == line && (hidden || gf.names().contains(name)) ->
                        (!hidden && what.equals("for iterator")) || callIn(gf.exprs(), callee, siteLine);
                default -> null;
            };
            if (r != null && r) return r;
            Boolean inner = switch (s) {
                case Ast.Do d -> findDeclaration(d.block(), line, name, hidden, callee, what, siteLine);
                case Ast.While w -> findDeclaration(w.block(), line, name, hidden, callee, what, siteLine);
                case Ast.Repeat rp -> findDeclaration(rp.block(), line, name, hidden, callee, what, siteLine);
                case Ast.NumericFor nf -> findDeclaration(nf.block(), line, name, hidden, callee, what, siteLine);
                case Ast.GenericFor gf -> findDeclaration(gf.block(), line, name, hidden, callee, what, siteLine);
                case Ast.If i -> {
                    Boolean x = null;
                    for (Ast.Block ib : i.blocks()) {
                        x = findDeclaration(ib, line, name, hidden, callee, what, siteLine);
                        if (x != null && x) break;
                    }
                    if ((x == null || !x) && i.elseBlock() != null) x = findDeclaration(i.elseBlock(), line, name, hidden, callee, what, siteLine);
                    yield x;
                }
                default -> null;
            };
            if (inner != null && inner) return inner;
        }
        return null;
    }

    /** Whether the expressions contain (outside nested functions) a call at siteLine to a function named callee. */
    private static boolean callIn(List<Ast.Expr> es, String callee, int siteLine) {
        for (Ast.Expr e : es) if (callIn(e, callee, siteLine)) return true;
        return false;
    }

    private static boolean callIn(Ast.Expr e, String callee, int siteLine) {
        return switch (e) {
            case Ast.Call c -> (c.line() == siteLine && java.util.Objects.equals(calleeOf(c.fn()), callee))
                    || callIn(c.fn(), callee, siteLine) || callIn(c.args(), callee, siteLine);
            case Ast.MethodCall m -> (m.line() == siteLine && m.name().equals(callee))
                    || callIn(m.obj(), callee, siteLine) || callIn(m.args(), callee, siteLine);
            case Ast.BinOp b -> callIn(b.left(), callee, siteLine) || callIn(b.right(), callee, siteLine);
            case Ast.UnOp u -> callIn(u.operand(), callee, siteLine);
            case Ast.Index ix -> callIn(ix.obj(), callee, siteLine) || callIn(ix.key(), callee, siteLine);
            case Ast.Paren pe -> callIn(pe.expr(), callee, siteLine);
            case Ast.Table t -> {
                for (Ast.Field fl : t.fields()) {
                    boolean hit = switch (fl) {
                        case Ast.PosField pf -> callIn(pf.value(), callee, siteLine);
                        case Ast.NamedField nf -> callIn(nf.value(), callee, siteLine);
                        case Ast.KeyedField kf -> callIn(kf.key(), callee, siteLine) || callIn(kf.value(), callee, siteLine);
                    };
                    if (hit) yield true;
                }
                yield false;
            }
            default -> false;
        };
    }

    /** The name a call site gives the function expression: a variable's name or a field's key. */
    private static String calleeOf(Ast.Expr fn) {
        if (fn instanceof Ast.Name n) return n.name();
        if (fn instanceof Ast.Index ix && ix.key() instanceof Ast.Str s) return s.value();
        return null;
    }

    private static Object[] getlocal(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        long n = Args.checkInteger(th, a, arg + 2);
        if (Args.arg(a, arg + 1) instanceof LuaFunction fn) {
            if (fn instanceof LuaClosure c && n >= 1 && n <= c.proto.nparams) {
                for (Proto.LocalInfo e : c.proto.locals) {
                    if (--n == 0) return ret(e.name());
                }
            }
            return ret(null);
        }
        long level = Args.checkInteger(th, a, arg + 1);
        Frame f = frameAt(t1, level);
        if (f == null) throw Args.argError(th, arg + 1, "level out of range");
        Object[] r = findLocal(f, n);
        if (r == null) return ret(null);
        return new Object[] {r[0], r[1]};
    }

    private static Object[] setlocal(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        int arg = t1 != null ? 1 : 0;
        if (t1 == null) t1 = th;
        long level = Args.checkInteger(th, a, arg + 1);
        long n = Args.checkInteger(th, a, arg + 2);
        Frame f = frameAt(t1, level);
        if (f == null) throw Args.argError(th, arg + 1, "level out of range");
        Object v = Args.checkAny(th, a, arg + 3);
        Object[] r = findLocal(f, n);
        if (r == null) return ret(null);
        if (r[2] instanceof Integer vi) {
            Object[] va = f.varargs.clone();
            va[vi] = v;
            f.varargs = va;
        } else {
            Proto.LocalInfo e = (Proto.LocalInfo) r[2];
            if (e.slot() >= 0 && f.slots != null && e.slot() < f.slots.length) {
                if (e.captured()) {
                    if (f.slots[e.slot()] instanceof Cell c) c.v = v;
                } else {
                    f.slots[e.slot()] = v;
                }
            }
        }
        return ret(r[0]);
    }

    // ---------------------------------------------------------------- upvalues

    private static Object[] upvalue(LuaThread th, Object[] a, boolean get) {
        long n = Args.checkInteger(th, a, 2);
        LuaFunction fn = Args.checkFunction(th, a, 1);
        if (!(fn instanceof LuaClosure c) || n < 1 || n > c.upvals.length) return LuaFunction.NONE;
        String name = !c.proto.stripped && c.proto.upvalNames != null && n <= c.proto.upvalNames.length ? c.proto.upvalNames[(int) n - 1] : null;
        if (name == null || name.isEmpty()) name = "(no name)";
        Cell cell = c.upvals[(int) n - 1];
        if (get) return new Object[] {name, cell.v};
        cell.v = a[2];
        return ret(name);
    }

    /** checkupval: the cell of upvalue n of the function at argument argf (null if none). */
    private static Cell upvalCell(LuaThread th, Object[] a, int argf, int argnup, boolean check) {
        long n = Args.checkInteger(th, a, argnup);
        LuaFunction fn = Args.checkFunction(th, a, argf);
        Cell cell = fn instanceof LuaClosure c && n >= 1 && n <= c.upvals.length ? c.upvals[(int) n - 1] : null;
        if (check && cell == null) throw Args.argError(th, argnup, "invalid upvalue index");
        return cell;
    }

    private static Object[] upvalueid(LuaThread th, Object[] a) {
        return ret(upvalCell(th, a, 1, 2, false));
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
            t1.hookMask = 0;
            t1.hook = null;
            return LuaFunction.NONE;
        }
        String smask = Args.checkString(th, a, arg + 2);
        LuaFunction fn = Args.checkFunction(th, a, arg + 1);
        long count = Args.optInteger(th, a, arg + 3, 0);
        int c = (int) count;
        int mask = 0;
        if (smask.indexOf('c') >= 0) mask |= LuaThread.HOOK_CALL;
        if (smask.indexOf('r') >= 0) mask |= LuaThread.HOOK_RET;
        if (smask.indexOf('l') >= 0) mask |= LuaThread.HOOK_LINE;
        if (c > 0) mask |= LuaThread.HOOK_COUNT;
        if (mask == 0) {
            t1.hookMask = 0;
            t1.hook = null;
            return LuaFunction.NONE;
        }
        // the lines the running frames are at count as reported
        for (int d = 1; d <= t1.depth; d++) {
            Frame f = t1.frame(d);
            f.hookLine = f.closure != null ? f.currentLine() : -1;
        }
        t1.hook = new DebugHook(fn, mask, c);
        t1.hookMask = mask;
        return LuaFunction.NONE;
    }

    private static Object[] gethook(LuaThread th, Object[] a) {
        LuaThread t1 = thread(th, a);
        if (t1 == null) t1 = th;
        if (t1.hookMask == 0 || t1.hook == null) return ret(null);
        Object fn;
        int mask = t1.hookMask;
        long count = 0;
        if (t1.hook instanceof DebugHook h) {
            fn = h.fn;
            count = h.count;
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
        if (!(Args.arg(a, 1) instanceof LuaUserdata u)) return ret(null);
        long n = Args.optInteger(th, a, 2, 1);
        if (n < 1 || n > userValues(u)) return ret(null);
        return new Object[] {u.userValue, Boolean.TRUE};
    }

    private static Object[] setuservalue(LuaThread th, Object[] a) {
        if (!(Args.arg(a, 1) instanceof LuaUserdata u)) throw Args.typeError(th, a, 1, "userdata");
        Args.checkAny(th, a, 2);
        long n = Args.optInteger(th, a, 3, 1);
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
