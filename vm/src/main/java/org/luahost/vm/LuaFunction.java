package org.luahost.vm;

/**
 * A Lua function value: a Lua closure or a function written in Java.
 *
 * <p>Calls take the exact arguments and give the exact results ({@link #NONE}
 * for none): an array's length is the Lua argument count, so {@code f(nil)}
 * and {@code f()} differ as they do in Lua. The fixed-arity {@code call}
 * methods return only the first result and let closures avoid an argument
 * array; a subclass overrides them when it can do better than the default.
 *
 * <p>Every call runs on a {@link LuaThread} of the function's state, on that
 * thread's Java thread. Identity is reference identity (Lua compares
 * functions by reference), so subclasses must not override equals/hashCode.
 */
public abstract class LuaFunction {
    public static final Object[] NONE = new Object[0];

    /** The epoch of the last Lua collection that marked this function ({@link Gc}). */
    int gcMark;

    /** Calls the function with exactly {@code args}; returns exactly its results. */
    public abstract Object[] invoke(LuaThread th, Object[] args);

    /** The name used in tracebacks and messages when the call site gives none ("?" if unknown). */
    public abstract String name();

    public Object call(LuaThread th) { return first(invoke(th, NONE)); }
    public Object call(LuaThread th, Object a) { return first(invoke(th, new Object[] {a})); }
    public Object call(LuaThread th, Object a, Object b) { return first(invoke(th, new Object[] {a, b})); }
    public Object call(LuaThread th, Object a, Object b, Object c) { return first(invoke(th, new Object[] {a, b, c})); }

    /** Calls with exactly {@code args} (which the callee may keep) and returns only the first result. */
    public Object callFirst(LuaThread th, Object[] args) { return first(invoke(th, args)); }

    public static Object first(Object[] r) { return r.length == 0 ? null : r[0]; }

    @Override
    public final boolean equals(Object o) { return this == o; }

    @Override
    public final int hashCode() { return System.identityHashCode(this); }
}
