package org.luahost.vm.lib;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaThread;

/**
 * A library function with an allocation-free path for the calls that are
 * common in loops ({@code s:sub(i, j)}, {@code s:byte(i)}, {@code math.floor(x)},
 * {@code math.max(a, b)}, ...): when the caller wants one result, the
 * arguments have the usual types and no debug hook is set, a {@code fast}
 * method computes the result without argument or result arrays and without
 * pushing a frame. Nothing on such a path may fail, call back into Lua or
 * otherwise observe the call stack, so leaving the frame out cannot be seen;
 * a fast method returns {@link #SLOW} for anything else, and the general body
 * runs as for any Java function.
 */
class FastFunction extends JavaFunction {
    /** Marks "no fast path for these arguments". */
    static final Object SLOW = new Object();

    private final Body body;

    FastFunction(String name, Body body) {
        super(name);
        this.body = body;
    }

    @Override
    protected Object[] call(LuaThread th, Object[] a) { return body.call(th, a); }

    Object fast(Object a) { return SLOW; }

    Object fast(Object a, Object b) { return SLOW; }

    Object fast(Object a, Object b, Object c) { return SLOW; }

    /** The first result for exactly these arguments (which must not be changed), or SLOW. */
    Object fastN(Object[] a) { return SLOW; }

    @Override
    public Object callFirst(LuaThread th, Object[] a) {
        Object r;
        if (th.hookMask == 0 && (r = fastN(a)) != SLOW) return r;
        return first(invoke(th, a));
    }

    @Override
    public Object call(LuaThread th, Object a) {
        Object r;
        if (th.hookMask == 0 && (r = fast(a)) != SLOW) return r;
        return first(invoke(th, new Object[] {a}));
    }

    @Override
    public Object call(LuaThread th, Object a, Object b) {
        Object r;
        if (th.hookMask == 0 && (r = fast(a, b)) != SLOW) return r;
        return first(invoke(th, new Object[] {a, b}));
    }

    @Override
    public Object call(LuaThread th, Object a, Object b, Object c) {
        Object r;
        if (th.hookMask == 0 && (r = fast(a, b, c)) != SLOW) return r;
        return first(invoke(th, new Object[] {a, b, c}));
    }
}
