package org.luahost.vm;

/**
 * A Lua function implemented in Java. Subclasses implement {@link #call(LuaThread, Object[])};
 * this class pushes the frame that makes the function visible in tracebacks
 * and error levels, as a C function is in the reference.
 *
 * <p>Use {@link #of} for a lambda body. Argument checking helpers that give the
 * reference's messages are on {@link Args}.
 */
public abstract class JavaFunction extends LuaFunction {
    protected final String name;

    protected JavaFunction(String name) { this.name = name; }

    /**
     * What this function captured, found once by the collector ({@link org.luahost.vm.spi.ValueGraph#captureMemo}):
     * null until the first mark, {@link #NO_MEMO} when it has a field that is not final.
     */
    Object[] gcCaptures;
    static final Object[] NO_MEMO = new Object[0];

    /** The function's body: exact arguments in, exact results out ({@link #NONE} for none). */
    protected abstract Object[] call(LuaThread th, Object[] args);

    @Override
    public final Object[] invoke(LuaThread th, Object[] args) {
        org.luahost.vm.runtime.Frame f = th.push(this);
        f.varargs = args;   // the collector's root for the arguments while the body runs (pop clears it), and the "C stack" a hook sees
        if (--th.workLeft < 0) th.outOfWork();
        if (th.hookMask != 0) th.hook.onCall(th, f, false);
        Object[] r = call(th, args);
        if (th.hookMask != 0) {
            f.retN = r;
            th.hook.onReturn(th, f);
        }
        th.pop();
        return r;
    }

    @Override
    public String name() { return name; }

    /**
     * The values of this function's upvalues, as the reference's C closure
     * has them (debug.getupvalue names them ""): none by default; a library
     * function that is a C closure in the reference (string.gmatch's
     * iterator) lists what the reference keeps there.
     */
    public Object[] upvalues() { return NONE; }

    /** A body as a lambda. */
    @FunctionalInterface
    public interface Body {
        Object[] call(LuaThread th, Object[] args);
    }

    /** A Java function with the given (qualified, for messages: "string.rep") name. */
    public static JavaFunction of(String name, Body body) {
        return new JavaFunction(name) {
            @Override
            protected Object[] call(LuaThread th, Object[] args) { return body.call(th, args); }
        };
    }

    /** Results helpers. */
    public static Object[] ret(Object v) { return new Object[] {v}; }

    public static Object[] ret(Object a, Object b) { return new Object[] {a, b}; }

    public static Object[] ret(Object a, Object b, Object c) { return new Object[] {a, b, c}; }
}
