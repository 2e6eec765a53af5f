package org.luahost.vm;

import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Traceback;

/**
 * The protected call (the reference's {@code lua_pcall}) behind
 * {@link LuaThread#pcall}, {@link LuaThread#xpcall} and
 * {@link LuaThread#tracedCall}: the one place where an error raised by Lua
 * code is caught and becomes a {@link CallResult.Failed}.
 *
 * <p>It marks the protected call on the thread (so that {@link LuaThread#raise}
 * runs the message handler before the stack unwinds), counts one C call, and
 * afterwards restores the thread's depth, C-call count and protected-call
 * stack, whatever happened. A Java {@link StackOverflowError} in Lua code is
 * the Lua error "stack overflow", as the reference's C stack overflow is, and
 * a Java {@link OutOfMemoryError} is "not enough memory" (no message handler
 * runs for it, as for the reference's memory errors).
 * While a coroutine is being closed, protected calls below its floor
 * ({@link LuaThread#protectedFloor}) let the unwinding through.
 *
 * <p>The core returns the function's own results array on success, so that
 * {@code pcall}'s hot path ({@link LuaThread#pcallResults}) allocates nothing
 * more than its own result array (as before there was a typed result); the
 * typed {@link CallResult.Ok} is made only for the host-facing methods.
 */
final class ProtectedCall {
    private ProtectedCall() {}

    /**
     * Runs fn protected: its results (an {@code Object[]}) on success, else
     * the {@link LuaError} that ended it (whose value is the error value,
     * after the message handler), so that neither outcome allocates here.
     */
    static Object run(LuaThread th, Object fn, Object[] args, Object handler, Tracer tracer) {
        int depth = th.depth;
        int ccalls = th.ccalls;
        int pins = th.npins;
        int token = th.beginProtected(handler);
        try {
            th.enterCcall(null);   // restored below, whatever happens
            return Ops.call(th, fn, args);
        } catch (LuaError e) {
            if (token < th.protectedFloor) throw e;   // a coroutine being closed unwinds through
            th.unwindTo(depth);
            th.unpin(pins);
            return e;
        } catch (OutOfMemoryError e) {
            // as the reference's LUA_ERRMEM: "not enough memory", without the message handler
            if (token < th.protectedFloor) throw e;
            th.unwindTo(depth);
            return LuaError.outOfMemory();
        } catch (StackOverflowError e) {
            if (token < th.protectedFloor) throw e;
            th.unwindTo(depth);
            th.unpin(pins);
            Object v = "stack overflow";
            if (handler != null) {
                th.endProtected(token);
                try {
                    v = LuaFunction.first(Ops.call(th, handler, new Object[] {v}));
                } catch (LuaError e2) {
                    v = e2.value();
                }
            }
            return new LuaError(v);
        } finally {
            th.endProtected(token);
            th.ccalls = ccalls;
        }
    }

    /** The typed result of {@link #run}'s outcome; tracer: the traced call's handler, or null. */
    static CallResult typed(Object outcome, Tracer tracer) {
        if (outcome instanceof Object[] values) return new CallResult.Ok(values);
        return new CallResult.Failed(((LuaError) outcome).value(), tracer == null ? null : tracer.traceback);
    }

    /** pcall's results for {@link #run}'s outcome: true and the results, or false and the error value. */
    static Object[] pcallShape(Object outcome) {
        if (outcome instanceof Object[] r) {
            Object[] out = new Object[r.length + 1];
            out[0] = Boolean.TRUE;
            System.arraycopy(r, 0, out, 1, r.length);
            return out;
        }
        return new Object[] {Boolean.FALSE, ((LuaError) outcome).value()};
    }

    /**
     * The message handler of {@link LuaThread#tracedCall}: records the Lua
     * traceback where the error was raised (the frames are still on the
     * stack then) and leaves the error value as it is. One per call.
     */
    static final class Tracer extends JavaFunction {
        String traceback;

        Tracer() { super(null); }

        @Override
        protected Object[] call(LuaThread th, Object[] a) {
            traceback = Traceback.of(th, null, 1);
            return new Object[] {a.length > 0 ? a[0] : null};
        }
    }
}
