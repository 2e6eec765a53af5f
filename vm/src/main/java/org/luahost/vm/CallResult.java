package org.luahost.vm;

/**
 * The outcome of a protected call ({@link LuaThread#pcall},
 * {@link LuaThread#xpcall}, {@link LuaThread#tracedCall}): either the
 * function's results, or the Lua error value it raised (and, when the call
 * asked for one, the Lua traceback captured where the error was raised,
 * before the stack unwound). This is the one way for a host to run Lua code
 * and get an error back as a value; {@code pcall} and {@code xpcall} run the
 * same protected call, with their results in Lua's shape
 * ({@link LuaThread#pcallResults}), so that their hot path allocates nothing
 * more than before.
 *
 * <pre>{@code
 * switch (th.tracedCall(fn, args)) {
 *     case CallResult.Ok ok -> use(ok.values());
 *     case CallResult.Failed f -> log(f.message(), f.traceback());
 * }
 * }</pre>
 */
public sealed interface CallResult {
    /** The call returned: its results (never null; {@link LuaFunction#NONE} for none). */
    record Ok(Object[] values) implements CallResult {}

    /**
     * The call raised an error: its Lua value (any type, nil included, after
     * the message handler if there was one), and the Lua traceback where it
     * was raised, or null when the call did not ask for one.
     */
    record Failed(Object error, String traceback) implements CallResult {
        /** The error as Java text: a string or number as it is, another value as "(error object is a T value)". */
        public String message() { return toError().getMessage(); }

        /** A {@link LuaError} carrying the value and the traceback, for a host that rethrows it. */
        public LuaError toError() { return new LuaError(error).withTraceback(traceback); }
    }

    default boolean isOk() { return this instanceof Ok; }

    /** The results, or the error thrown as a {@link LuaError} (with its traceback). */
    default Object[] orThrow() {
        return switch (this) {
            case Ok ok -> ok.values();
            case Failed f -> throw f.toError();
        };
    }
}
