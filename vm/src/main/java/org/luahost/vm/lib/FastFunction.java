package org.luahost.vm.lib;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.luahost.vm.Args;
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
 *
 * <p>The two paths must compute the same thing, so both are derived from one
 * definition: the shapes below ({@link #ofFloat}, {@link #ofNumber},
 * {@link #ofString}, {@link #ofValue}) take the function's computation once
 * and build both its general body (argument checks and conversions as the
 * reference's {@code luaL_check*} do them, then the computation) and its fast
 * path (a type test, then the same computation). A function of another shape
 * subclasses this class and has both paths call the same named helper.
 *
 * <p>The interpreter and the second tier reach the fast path through the
 * fixed-arity {@code call} methods and {@link #callFirst}.
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

    /** The result for exactly this argument, or SLOW. */
    Object fast(Object a) { return SLOW; }

    /** The result for exactly these arguments, or SLOW. */
    Object fast(Object a, Object b) { return SLOW; }

    /** The result for exactly these arguments, or SLOW. */
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

    // ---------------------------------------------------------------- shapes

    /**
     * A float function of one number (math.sqrt, sin, exp, ...): the argument,
     * an integer or a string converting to a number included, is taken as a
     * float (luaL_checknumber); f's result is the one result.
     */
    static FastFunction ofFloat(String name, DoubleUnaryOperator f) {
        return new FastFunction(name, (th, a) -> ret(f.applyAsDouble(Args.checkDouble(th, a, 1)))) {
            @Override
            Object fast(Object a) {
                if (a instanceof Double d) return f.applyAsDouble(d);
                return a instanceof Long l ? (Object) f.applyAsDouble((double) l) : SLOW;
            }
        };
    }

    /**
     * A function of one number that keeps integers (math.abs, floor, ceil): f
     * gets an integer argument as it is (lua_isinteger: a Long) and anything
     * else as a float (luaL_checknumber: a Double, so math.abs("-3") is 3.0).
     */
    static FastFunction ofNumber(String name, UnaryOperator<Object> f) {
        return new FastFunction(name, (th, a) ->
                ret(f.apply(Args.arg(a, 1) instanceof Long l ? l : (Object) Args.checkDouble(th, a, 1)))) {
            @Override
            Object fast(Object a) { return a instanceof Long || a instanceof Double ? f.apply(a) : SLOW; }
        };
    }

    /** A function of one string (string.len, lower, upper): numbers are converted (luaL_checkstring). */
    static FastFunction ofString(String name, Function<String, Object> f) {
        return new FastFunction(name, (th, a) -> ret(f.apply(Args.checkString(th, a, 1)))) {
            @Override
            Object fast(Object a) { return a instanceof String s ? f.apply(s) : SLOW; }
        };
    }

    /**
     * A function of any one value, which must be given (luaL_checkany; a nil
     * argument counts): type, tonumber without a base. f must not fail.
     */
    static FastFunction ofValue(String name, UnaryOperator<Object> f) {
        return ofValue(name, f, (th, a) -> ret(f.apply(Args.checkAny(th, a, 1))));
    }

    /** As {@link #ofValue(String, UnaryOperator)}, with a general body for the other argument counts that calls f for one. */
    static FastFunction ofValue(String name, UnaryOperator<Object> f, Body body) {
        return new FastFunction(name, body) {
            @Override
            Object fast(Object a) { return f.apply(a); }
        };
    }
}
