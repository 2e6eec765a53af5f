package org.luahost.vm.nodes;

import org.luahost.vm.Lua;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Copy;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.Ops;

/**
 * The operations that code compiled by {@link Jit} calls: small static
 * methods that HotSpot inlines into the compiled unit. Each one does exactly
 * what the eval/test/exec method of the node it is given does (fast path
 * inline, the rest through the node's own slow path), with the operands
 * already evaluated, so compiled and interpreted code cannot disagree.
 */
final class JitRt {
    private JitRt() {}

    // ---------------------------------------------------------------- arithmetic

    static boolean isNum(Object v) { return v instanceof Long || v instanceof Double; }

    /** A number (Long or Double) as a double, as Ops.arithNum converts mixed operands. */
    static double num(Object v) { return v instanceof Long l ? (double) l : (Double) v; }

    static Object add(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j) return i + j;
        if (x instanceof Double i && y instanceof Double j) return Numbers.add(i, j);
        if (isNum(x) && isNum(y)) return Numbers.add(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object sub(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j) return i - j;
        if (x instanceof Double i && y instanceof Double j) return Numbers.sub(i, j);
        if (isNum(x) && isNum(y)) return Numbers.sub(num(x), num(y));
        return s.slow(f, x, y);
    }

    /** Arith.SubZero: x - 0 as lua5.4's x + (-0) (-0.0 gives 0.0). */
    static Object subZero(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long) return x;
        if (x instanceof Double d) return d + 0.0;
        return s.slow(f, x, y);
    }

    static Object mul(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j) return i * j;
        if (x instanceof Double i && y instanceof Double j) return Numbers.mul(i, j);
        if (isNum(x) && isNum(y)) return Numbers.mul(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object div(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Double i && y instanceof Double j) return Numbers.div(i, j);
        if (isNum(x) && isNum(y)) return Numbers.div(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object mod(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j && j != 0) return Ops.imod(i, j);
        if (x instanceof Double i && y instanceof Double j) return Ops.fmod(i, j);
        if (isNum(x) && isNum(y) && !(x instanceof Long && y instanceof Long)) return Ops.fmod(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object idiv(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j && j != 0) return Math.floorDiv((long) i, (long) j);
        if (x instanceof Double i && y instanceof Double j) return Ops.idiv(i, j);
        if (isNum(x) && isNum(y) && !(x instanceof Long && y instanceof Long)) return Ops.idiv(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object pow(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Double i && y instanceof Double j) return Ops.pow(i, j);
        if (isNum(x) && isNum(y) && !(x instanceof Long && y instanceof Long)) return Ops.pow(num(x), num(y));
        return s.slow(f, x, y);
    }

    static Object bitwise(Object x, Object y, Frame f, Arith.Bin s) {
        if (x instanceof Long i && y instanceof Long j) return Ops.bitwiseInt(s.op, i, j);
        return s.slow(f, x, y);
    }

    static Object neg(Object x, Frame f, Arith.Neg s) {
        if (x instanceof Long i) return -i;
        if (x instanceof Double d) return -d;
        f.site = s;
        return Ops.arith(f.thread, Ops.UNM, x, x, s);
    }

    // ---------------------------------------------------------------- comparisons

    static boolean eq(Object x, Object y, Frame f, Arith.Eq s) {
        boolean r;
        if (x == y) r = !(x instanceof Double d && d.isNaN());
        else if (x instanceof Long i && y instanceof Long j) r = i.longValue() == j.longValue();
        else if (x instanceof String a && y instanceof String b) r = Ops.streq(f.thread, a, b);
        else {
            f.site = s;
            r = Ops.eq(f.thread, x, y);
        }
        return r != s.negate;
    }

    static boolean lt(Object x, Object y, Frame f, Arith.Cmp s) {
        if (x instanceof Long i && y instanceof Long j) return i < j;
        if (x instanceof Double i && y instanceof Double j) return i < j;
        f.site = s;
        return Ops.lt(f.thread, x, y, s);
    }

    static boolean le(Object x, Object y, Frame f, Arith.Cmp s) {
        if (x instanceof Long i && y instanceof Long j) return i <= j;
        if (x instanceof Double i && y instanceof Double j) return i <= j;
        f.site = s;
        return Ops.le(f.thread, x, y, s);
    }

    /** a > b: compared as b < a (the node's site). */
    static boolean gt(Object x, Object y, Frame f, Arith.Cmp s) {
        if (x instanceof Long i && y instanceof Long j) return i > j;
        if (x instanceof Double i && y instanceof Double j) return i > j;
        f.site = s;
        return Ops.lt(f.thread, y, x, s);
    }

    static boolean ge(Object x, Object y, Frame f, Arith.Cmp s) {
        if (x instanceof Long i && y instanceof Long j) return i >= j;
        if (x instanceof Double i && y instanceof Double j) return i >= j;
        f.site = s;
        return Ops.le(f.thread, y, x, s);
    }

    static Object bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    // ---------------------------------------------------------------- indexing

    static Object global(Frame f, Object e, Exprs.Global s) {
        if (e instanceof LuaTable t) {
            Object v = s.cache.get(t);
            if (v != null || t.getMetatable() == null) return v;
        }
        f.site = s;
        return Ops.index(f.thread, e, s.name, s);
    }

    static Object field(Frame f, Object o, Exprs.Field s) {
        if (o instanceof LuaTable t) {
            Object v = s.cache.get(t);
            LuaTable mt;
            if (v != null || (mt = t.getMetatable()) == null) return v;
            return s.inherited(f, t, mt);
        }
        f.site = s;
        return Ops.index(f.thread, o, s.key, s);
    }

    static Object index(Frame f, Object o, Object k, Exprs.Index s) {
        if (o instanceof LuaTable t) {
            Object v = k instanceof Long l ? t.rawget(l.longValue()) : t.rawget(k);
            if (v != null || t.getMetatable() == null) return v;
        }
        f.site = s;
        return Ops.index(f.thread, o, k, s);
    }

    static Object len(Frame f, Object v, Exprs.Len s) {
        if (v instanceof String str) return (long) str.length();
        if (v instanceof LuaTable t && t.getMetatable() == null) return t.length();
        f.site = s;
        return Ops.len(f.thread, v, s);
    }

    // ---------------------------------------------------------------- calls

    static Object call0(Frame f, Object fv, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.call(f.thread);
        return LuaFunction.first(Ops.callMeta(f.thread, fv, LuaFunction.NONE, s));
    }

    static Object call1(Frame f, Object fv, Object a, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.call(f.thread, a);
        return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a}, s));
    }

    static Object call2(Frame f, Object fv, Object a, Object b, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.call(f.thread, a, b);
        return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a, b}, s));
    }

    static Object call3(Frame f, Object fv, Object a, Object b, Object c, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.call(f.thread, a, b, c);
        return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a, b, c}, s));
    }

    static Object callN(Frame f, Object fv, Object[] args, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.callFirst(f.thread, args);
        return LuaFunction.first(Ops.callMeta(f.thread, fv, args, s));
    }

    // all results of a call (as the call nodes' evalMulti)

    static Object[] invoke0(Frame f, Object fv, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, LuaFunction.NONE);
        return Ops.callMeta(f.thread, fv, LuaFunction.NONE, s);
    }

    static Object[] invoke1(Frame f, Object fv, Object a, Calls.CallBase s) {
        return invokeN(f, fv, new Object[] {a}, s);
    }

    static Object[] invoke2(Frame f, Object fv, Object a, Object b, Calls.CallBase s) {
        return invokeN(f, fv, new Object[] {a, b}, s);
    }

    static Object[] invoke3(Frame f, Object fv, Object a, Object b, Object c, Calls.CallBase s) {
        return invokeN(f, fv, new Object[] {a, b, c}, s);
    }

    static Object[] invokeN(Frame f, Object fv, Object[] args, Calls.CallBase s) {
        f.site = s;
        if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, args);
        return Ops.callMeta(f.thread, fv, args, s);
    }

    static Object method(Frame f, Object o, Calls.Method s) { return s.lookup(f, o); }

    /** The arguments of a call: head (fresh) and then all values of the multi-valued last argument (as Calls.evalArgs). */
    static Object[] join(Object[] head, Object[] tail) {
        int h = head.length, t = tail.length;
        if (h == 0) return t == 0 ? tail : Copy.of(tail);
        Object[] a = new Object[h + t];
        Copy.copy(head, 0, a, 0, h);
        Copy.copy(tail, 0, a, h, t);
        return a;
    }

    /** A method call's arguments: the object, then the rest (as Calls.Method.allArgs). */
    static Object[] withSelf(Object o, Object[] rest) {
        Object[] a = new Object[rest.length + 1];
        a[0] = o;
        Copy.copy(rest, 0, a, 1, rest.length);
        return a;
    }

    /** The method of a tail call return o:m(...) (as ReturnTail.exec). */
    static Object tailMethod(Frame f, Object o, Calls.Method m) { return m.lookup(f, o); }

    /** Leaves a tail call in the frame (as ReturnTail.exec); the unit then returns TAILCALL. */
    static void tail(Frame f, Object fv, Object[] args, Calls.CallBase call) {
        f.site = call;
        Calls.prepareTail(f, fv, args, call);
    }

    // ---------------------------------------------------------------- statements and loops

    static Cell cell(Object v) { return new Cell(v); }

    static void hookStat(LuaThread th, Frame f, Stat s) { th.hook.onStatement(th, f, s); }

    static void hookLoop(LuaThread th, Frame f, Block b) { th.hook.onLoop(th, f, b.loopLine, b.loopForce, b.loopInstrs); }

    /** Out of work at a back-edge (as Block's): the meter may raise an error, which then has the loop's position. */
    static void backEdge(LuaThread th, Frame f, Block b) {
        if (f.site == null) f.site = b;
        th.outOfWork();
    }

    static boolean truthy(Object v) { return Lua.isTruthy(v); }

    // ---------------------------------------------------------------- table constructors (as Exprs.Table.eval)

    /** A table constructor's new table, charged to the state's allocation counter (see Gc). */
    static LuaTable newTable(Frame f, int narray, int nhash) { return new LuaTable(f.thread.state.gc(), narray, nhash); }

    static void setKeyed(Frame f, LuaTable t, Object key, Object v, Exprs.Table s) {
        Ops.rawsetChecked(f.thread, t, key, v, s);
    }

    /** Before storing n positional items and then the values vs of the last (multi-valued) one. */
    static void tableReserve(LuaTable t, int n, Object[] vs) {
        long last = (long) n + vs.length;
        if (last <= Integer.MAX_VALUE - 8) t.ensureArray((int) last);
    }

    static void tableRest(LuaTable t, int n, Object[] vs) {
        for (int j = 0; j < vs.length; j++) t.rawset((long) (n + j + 1), vs[j]);
    }

    /** Value k of a value list, nil past its end. */
    static Object nth(Object[] vs, int k) { return k < vs.length ? vs[k] : null; }

    /** True when an integer loop runs no iteration. */
    static boolean forSkip(long i, long lim, long step) { return step > 0 ? i > lim : i < lim; }

    /** Iterations after the first of an integer loop that runs (unsigned), as the reference's forprep. */
    static long forCount(long i, long lim, long step) {
        return step > 0 ? Long.divideUnsigned(lim - i, step) : Long.divideUnsigned(i - lim, -(step + 1) + 1L);
    }
}
