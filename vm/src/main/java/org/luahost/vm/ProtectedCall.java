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
 * the Lua error "stack overflow", as the reference's C stack overflow is.
 * While a coroutine is being closed, protected calls below its floor
 * ({@link LuaThread#protectedFloor}) let the unwinding through.
 *
 * <p>On success the only allocation is the {@link CallResult.Ok} holding the
 * function's own results array, which the JIT removes when the caller
 * unpacks it at once, as {@code pcall} does.
 */
final class ProtectedCall {
    private ProtectedCall() {}

    static CallResult run(LuaThread th, Object fn, Object[] args, Object handler, Tracer tracer) {
        int depth = th.depth;
        int ccalls = th.ccalls;
        int token = th.beginProtected(handler);
        try {
            th.enterCcall(null);   // restored below, whatever happens
            return new CallResult.Ok(Ops.call(th, fn, args));
        } catch (LuaError e) {
            if (token < th.protectedFloor) throw e;   // a coroutine being closed unwinds through
            th.unwindTo(depth);
            return new CallResult.Failed(e.value(), tracer == null ? null : tracer.traceback);
        } catch (StackOverflowError e) {
            if (token < th.protectedFloor) throw e;
            th.unwindTo(depth);
            Object v = "stack overflow";
            if (handler != null) {
                th.endProtected(token);
                try {
                    v = LuaFunction.first(Ops.call(th, handler, new Object[] {v}));
                } catch (LuaError e2) {
                    v = e2.value();
                }
            }
            return new CallResult.Failed(v, tracer == null ? null : tracer.traceback);
        } finally {
            th.endProtected(token);
            th.ccalls = ccalls;
        }
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
