package org.luahost.vm;

/**
 * A Lua error in flight: the one exception the VM uses for errors a Lua
 * program can see and catch with {@code pcall}.
 *
 * <p>It carries the Lua error value (any Lua type: usually a string that
 * already has its {@code chunk:line:} prefix), and, when a message handler
 * asked for one, the Lua traceback captured at the point of the error. The
 * Java stack trace is never filled in: with {@code pcall} an error is
 * ordinary control flow, and a Java trace would say nothing about the Lua
 * program. A bug in the VM is never a {@code LuaError}.
 *
 * <p>Errors are created by {@link LuaThread#raise} (or the helpers on
 * {@link LuaState}), which adds the position and runs an active message
 * handler before the stack unwinds, as the reference does.
 */
public final class LuaError extends RuntimeException {
    private final Object value;
    private String traceback;
    private boolean handled;

    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    public LuaError(Object value, Throwable cause) {
        super(null, cause, false, false);
        this.value = value;
    }

    /** The Lua error value (may be nil, a table, anything). */
    public Object value() { return value; }

    /** The Lua traceback captured where the error was raised, or null. */
    public String luaTraceback() { return traceback; }

    /** Marks that the message handler of the protected call already transformed the value. */
    public LuaError handled() { this.handled = true; return this; }

    public boolean isHandled() { return handled; }

    public LuaError withTraceback(String tb) { this.traceback = tb; return this; }

    /**
     * The error a Java {@link OutOfMemoryError} in Lua code becomes (the
     * reference's LUA_ERRMEM): "not enough memory", for which no message
     * handler runs, as in the reference. Made where the Java error is
     * caught (a protected call, a to-be-closed variable), once the failed
     * allocation's memory is free again.
     */
    public static LuaError outOfMemory() { return new LuaError("not enough memory").handled(); }

    @Override
    public String getMessage() {
        if (value instanceof String s) return LuaString.toJava(s);
        if (value == null) return "nil";
        if (value instanceof Long || value instanceof Double) return LuaString.toJava(org.luahost.vm.runtime.NumFmt.tostr(value));
        return "(error object is a " + Lua.typeName(value) + " value)";
    }
}
