package org.luahost.vm;

import org.luahost.vm.parser.ChunkId;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Site;

/**
 * A Lua thread: the main thread of a state or a coroutine. It owns a call
 * stack of {@link Frame}s, the stack of protected calls (each with its
 * message handler, or none), and the counters the stack limits need.
 *
 * <p>Raising an error goes through {@link #raise}: as in the reference, the
 * message handler of the innermost protected call runs <em>before</em> the
 * stack unwinds, so a handler such as {@code debug.traceback} sees the frames
 * where the error happened.
 *
 * <p>Hosts run Lua code on a thread with a protected call: {@link #pcall},
 * {@link #xpcall} or {@link #tracedCall}, each giving a {@link CallResult}.
 *
 * <p>Threading: a thread is used by one Java thread at a time, the one
 * running it (the state's turn, see {@link LuaState#current()}); nothing here
 * is synchronized. The public mutable fields ({@link #depth},
 * {@link #ccalls}, {@link #workLeft}, {@link #hookMask}, {@link #hook}) are
 * fields because the interpreter reads them on its hot paths; only the vm
 * module writes them, on the thread running this Lua thread. Sibling modules
 * that host threads (coroutines, sessions) change them through
 * {@code org.luahost.vm.spi.Threads}, whose methods say who may call them.
 */
public class LuaThread implements LuaThreadHandle {
    /** Frames a Lua stack may hold before "stack overflow" (the reference allows about 200000 C levels/1M slots). */
    public static final int MAX_DEPTH = 200_000;
    /**
     * Frames a message handler gets beyond {@link #MAX_DEPTH} while a stack
     * overflow is being reported (the reference's ERRORSTACKSIZE): enough for
     * {@code debug.traceback} or a small Lua handler; overflowing them too is
     * "error in error handling".
     */
    public static final int ERROR_EXTRA = 200;
    /** Nested Java-to-Lua calls (pcall, metamethods, callbacks) before "C stack overflow", as LUAI_MAXCCALLS. */
    public static final int MAX_CCALLS = 200;
    /** C-call nesting at which a call fails with "error in error handling" (LUAI_MAXCCALLS / 10 * 11): room to handle the overflow. */
    public static final int MAX_CCALLS_ERR = MAX_CCALLS / 10 * 11;

    public final LuaState state;
    /** The shared empty arrays the lazily grown per-thread arrays start from (never written: length 0). */
    private static final Object[] NO_VALUES = {};
    private static final int[] NO_DEPTHS = {};
    private Frame[] frames = new Frame[8];   // small: every suspended coroutine has one (it doubles as needed)
    /**
     * The depth at which a push overflows: {@link #MAX_DEPTH}, or that plus
     * {@link #ERROR_EXTRA} from a stack overflow until the stack unwinds
     * below it. {@code frames} never grows past it, so the push's capacity
     * test is also the overflow test.
     */
    private int limit = MAX_DEPTH;
    /** Index of the top frame; 0 when nothing runs. frames[1..depth] are live. Written only by this class. */
    public int depth;
    /**
     * Nesting of calls from Java into Lua (see MAX_CCALLS). Written by the vm
     * (calls from Java, paired increment and decrement) on the running thread;
     * a coroutine's resumer sets its start value through the SPI.
     */
    public int ccalls;

    /**
     * The depth of the frame of the running {@code __gc} finalizer (0: none),
     * set by the collector around the call: debug.getinfo names that function
     * metamethod '__gc', as the reference does for its CIST_FIN frames.
     */
    public int finalizerDepth;

    /**
     * The message handler of each active protected call (null for pcall); this
     * array, {@link #pins} and {@link #pendingTbc} start empty and are grown on first
     * use: a coroutine that never uses them (most) costs about 200 bytes less.
     */
    private Object[] handlers = NO_VALUES;
    /** The depth of each active protected call (where an error it catches unwinds to). */
    private int[] protectedDepths = NO_DEPTHS;
    private int nprotected;
    private boolean inHandler;
    /**
     * Protected calls whose token is below this do not catch errors: set while
     * a coroutine is being closed, so that the pcalls it was suspended in let
     * the unwinding through (0 otherwise). As in the reference, the message
     * handler of the innermost of them still runs for an error raised then.
     * Set through {@code org.luahost.vm.spi.Threads#protectedFloor} by the
     * resumer while the coroutine is not running.
     */
    int protectedFloor;

    // ---------------------------------------------------------------- debug hooks

    /** Hook event bits of {@link #hookMask} (LUA_MASKCALL, LUA_MASKRET, LUA_MASKLINE, LUA_MASKCOUNT). */
    public static final int HOOK_CALL = 1, HOOK_RET = 2, HOOK_LINE = 4, HOOK_COUNT = 8;
    /**
     * The events the debug hook of this thread wants; 0 when there is no
     * hook. The interpreter's only cost for hooks is a test of this field at
     * each call, return and statement; everything else is in {@link #hook}.
     */
    public int hookMask;
    /** The debug hook (set by debug.sethook); called only when {@link #hookMask} is not 0. */
    public Hook hook;

    /**
     * Removes this thread's debug hook, as {@code lua_sethook(L, NULL, 0, 0)}
     * does (the standalone interpreter's Ctrl-C handling removes it before
     * raising "interrupted!"). Called only by the Java thread running this
     * Lua thread (from a {@link WorkMeter} or a hook), never from another.
     */
    public final void clearHook() {
        hookMask = 0;
        hook = null;
    }

    /** What the interpreter tells a debug hook. Implemented by the debug library. */
    public interface Hook {
        /** Frame f (the top frame) was entered, its arguments bound; tail: it replaced its caller's activation. */
        void onCall(LuaThread th, Frame f, boolean tail);

        /** Frame f (the top frame) is about to return normally. */
        void onReturn(LuaThread th, Frame f);

        /** Statement s of the Lua frame f is about to run. */
        void onStatement(LuaThread th, Frame f, Site s);

        /**
         * The body of a loop of frame f finished an iteration: the loop goes
         * back through the given line (the loop's test or the numeric
         * for's step); force: the jump back lands on that line itself.
         */
        void onLoop(LuaThread th, Frame f, int line, boolean force);

        /** As {@link #onLoop(LuaThread, Frame, int, boolean)}, the jump back and what it runs again costing instrs instructions (count hooks). */
        default void onLoop(LuaThread th, Frame f, int line, boolean force, int instrs) { onLoop(th, f, line, force); }

        /** Frame f reaches an instruction of the given line inside a statement (a multi-line expression; see {@code nodes.HookMark}). */
        default void onLine(LuaThread th, Frame f, int line) {}

        /** Whether the frame at depth d runs the hook function (it is then named "hook '?'"). */
        boolean isHookFrame(int d);

        /** The hook a new thread created while this one is set gets (same function, mask and count; a fresh count). */
        default Hook forNewThread() { return this; }
    }

    /** Gives this new thread the debug hook of from, as lua_newthread does (coroutines inherit their creator's hook). */
    public final void inheritHook(LuaThread from) {
        if (from.hookMask != 0 && from.hook != null) {
            hook = from.hook.forNewThread();
            hookMask = from.hookMask;
        }
    }

    // ---------------------------------------------------------------- work metering

    /**
     * Nesting of library calls that a coroutine may not yield across (lua5.4's non-yieldable calls
     * luahost keeps: load's reader function); while positive, coroutine.yield fails with "attempt to
     * yield across a C-call boundary". Only the thread running this Lua thread touches it.
     */
    public int noYield;

    /**
     * Units of work (calls, loop back-edges) left before the state's
     * {@link WorkMeter} is consulted; see {@link WorkMeter}. Only the thread
     * running this Lua thread touches it.
     */
    public int workLeft;

    /**
     * The interpreter ran out of {@link #workLeft}: runs a collection that
     * became due ({@link #trapWork}), then asks the state's meter for more (or
     * lets it raise an error). Every caller is a safe point for the collector:
     * a loop back-edge, or a function entry after its arguments are bound.
     */
    public final void outOfWork() {
        if (trapped) {
            trapped = false;
            // the trap stood for savedWork + 1 units; what was counted since (a decrement,
            // or a library charge of many units) comes off what it saved
            workLeft = savedWork + workLeft + 1;
            state.gc().atSafePoint(this);
            if (workLeft >= 0) return;
        }
        WorkMeter m = state.meter();
        workLeft = m == null ? Integer.MAX_VALUE : m.onWork(this);
    }

    /**
     * Sets the allowance (for hosts, through {@code spi.Threads.setWorkLeft}); a pending
     * trap is dropped with the allowance it saved: the collector traps again at its next charge.
     */
    public final void setWorkLeft(int units) {
        trapped = false;
        workLeft = units;
    }

    /** Set by {@link #trapWork} until the next {@link #outOfWork}; {@link #savedWork}: the allowance it replaced. */
    private boolean trapped;
    private int savedWork;

    /**
     * Makes the next unit of work take the slow path ({@link #outOfWork}),
     * where the collection that {@link Gc} found due runs: the hot path of
     * calls and back-edges stays one decrement and one branch. Called by the
     * state's Gc on the thread running this Lua thread.
     */
    final void trapWork() {
        if (trapped) return;
        trapped = true;
        savedWork = workLeft - 1;   // this unit included; -1 sends the slow path on to the meter
        workLeft = 0;
    }

    // ---------------------------------------------------------------- pinned temporaries

    /**
     * Values an expression holds in Java locals (or on the second tier's operand
     * stack) while a later part of it may call: the collector marks them as roots
     * of this thread (see {@link Gc}). Only collectable objects are pushed, and
     * only once a collection can be observed ({@link LuaState#pinning});
     * {@link #npins} is reset by the pin scope that pushed them, and by a
     * protected call that catches an error.
     */
    private Object[] pins = NO_VALUES;   // grown at the first pin: most coroutines never pin
    int npins;

    /** Pins v (if it is a collectable object) and returns it. */
    public final Object pin(Object v) {
        if (!state.pinning || v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) return v;   // exact-class tests first
        if (v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle) {
            if (npins == pins.length) pins = java.util.Arrays.copyOf(pins, Math.max(16, npins * 2));
            pins[npins++] = v;
        }
        return v;
    }

    /** The current pin mark, for {@link #unpin}. */
    public final int pinMark() { return npins; }

    /** Drops the pins pushed since mark. */
    public final void unpin(int mark) {
        while (npins > mark) pins[--npins] = null;
    }

    /**
     * Counts units of work done inside a library function or the loader
     * (see {@link WorkMeter}: one unit is about a Lua call or loop iteration,
     * 10-50 ns): loops whose length depends on their input call this every
     * chunk of work, so time slices, CPU budgets and interrupts reach them;
     * the meter may raise its error here. Only the thread running this Lua
     * thread calls it.
     */
    public final void charge(int units) {
        if ((workLeft -= units) < 0) outOfWork();
    }

    public LuaThread(LuaState state) {
        this.state = state;
        this.workLeft = state.meter() == null ? Integer.MAX_VALUE : 0;
    }

    /** A LuaThread is its own Lua value (coroutines have a separate handle). */
    @Override
    public final LuaThread luaThread() { return this; }

    /**
     * The value Lua code holds for this thread (what coroutine.running()
     * gives on it): the thread itself, or a coroutine's separate handle
     * (see {@link LuaThreadHandle}) while that handle is alive.
     */
    public Object value() { return this; }

    // ---------------------------------------------------------------- call stack

    /**
     * Pushes a frame for a call of fn; the caller fills slots/varargs and then
     * counts the call's unit of work (so that a collection starting there finds
     * the arguments in the frame).
     */
    public final Frame push(LuaFunction fn) {
        int d = depth + 1;
        if (d >= frames.length) {
            if (d >= limit) {
                if (limit > MAX_DEPTH) throw errorInErrorHandling();
                limit = MAX_DEPTH + ERROR_EXTRA;   // room for the message handler
                throw stackOverflow();
            }
            frames = java.util.Arrays.copyOf(frames, Math.min(frames.length * 2, limit));
        }
        Frame f = frames[d];
        if (f == null) frames[d] = f = new Frame(this, d);
        f.fn = fn;
        f.site = null;
        f.tailcall = false;
        depth = d;
        return f;
    }

    // ---------------------------------------------------------------- pending to-be-closed variables

    /**
     * Values of the {@code <close>} variables in scope on this thread, innermost
     * last: what {@link LuaState#close} closes when the state is closed while
     * they are pending ({@code os.exit(status, true)}). Only {@code Stats.Tbc} changes it.
     */
    private Object[] pendingTbc = NO_VALUES;   // grown at the first <close> variable
    private int npendingTbc;

    /** Notes a to-be-closed value entering scope; returns the mark to {@link #resetTbc} to when it leaves. */
    public final int pushTbc(Object v) {
        if (npendingTbc == pendingTbc.length) pendingTbc = java.util.Arrays.copyOf(pendingTbc, Math.max(4, npendingTbc * 2));
        pendingTbc[npendingTbc] = v;
        return npendingTbc++;
    }

    public final void resetTbc(int mark) {
        while (npendingTbc > mark) pendingTbc[--npendingTbc] = null;
    }

    /** Takes the innermost pending to-be-closed value off the list (null when none is left). */
    final Object popPendingTbc() {
        if (npendingTbc == 0) return null;
        Object v = pendingTbc[--npendingTbc];
        pendingTbc[npendingTbc] = null;
        return v;
    }

    final boolean hasPendingTbc() { return npendingTbc > 0; }

    /** Pops the top frame (normal return). */
    public final void pop() {
        Frame f = frames[depth];
        f.slots = null;
        f.closure = null;
        f.varargs = LuaFunction.NONE;
        f.retN = null;
        f.ret1 = null;
        f.tailArgs = null;
        f.ntbc = 0;
        depth--;
    }

    /** Unwinds to the given depth after an error was caught at that depth. */
    public final void unwindTo(int d) {
        while (depth > d) pop();
        if (limit > MAX_DEPTH && d < MAX_DEPTH) {
            // the overflow was handled: back to the normal limit (as luaD_shrinkstack after an error)
            limit = MAX_DEPTH;
            frames = java.util.Arrays.copyOf(frames, MAX_DEPTH);
        }
    }

    public final Frame frame(int d) { return frames[d]; }

    /**
     * The thread that resumed this one and waits for it (null for the main
     * thread and suspended coroutines); the collector marks the stacks of
     * this chain. Written by a coroutine implementation (a subclass), on the
     * resumer's side of the hand-off.
     */
    protected LuaThread resumer;

    /**
     * Gives the Lua values this thread holds outside its frames: the message
     * handlers of its active protected calls, its pinned temporaries, and what a subclass keeps
     * ({@link #gcRefs}). For the value-graph walk ({@link org.luahost.vm.spi.ValueGraph});
     * on the thread that runs the state.
     */
    public final void forEachHeldValue(java.util.function.Consumer<Object> to) {
        for (int i = 0; i < nprotected; i++) if (handlers[i] != null) to.accept(handlers[i]);
        for (int i = 0; i < npins; i++) to.accept(pins[i]);
        gcRefs(to);
    }

    /** Lua values this thread keeps outside its frames (a coroutine's body before it starts...), for the collector. */
    protected void gcRefs(java.util.function.Consumer<Object> mark) {}

    public final Frame top() { return frames[depth]; }

    private LuaError stackOverflow() {
        Frame f = frames[depth];
        String msg = "stack overflow";
        if (f != null && f.closure != null) msg = position(f) + msg;
        return raise(msg);
    }

    // ---------------------------------------------------------------- C calls

    /**
     * Counts a call from Java code into Lua (a metamethod, a library's
     * callback, a protected call) against {@link #MAX_CCALLS}, as the
     * reference's luaD_call counts C calls; the caller pairs it with
     * {@code ccalls--} in a {@code finally}. At the limit the call fails with
     * "C stack overflow" (with the position of the Lua function making it,
     * if one is running), and a little beyond it, while that error is being
     * handled, with "error in error handling".
     */
    public final void enterCcall(Site site) {
        if (++ccalls >= MAX_CCALLS) cstackOverflow(site);
    }

    private void cstackOverflow(Site site) {
        LuaError e;
        if (ccalls == MAX_CCALLS) e = runtimeError(site, "C stack overflow");
        else if (ccalls >= MAX_CCALLS_ERR) e = errorInErrorHandling();
        else return;
        ccalls--;
        throw e;
    }

    /** The reference's LUA_ERRERR: raised without running a message handler. */
    private static LuaError errorInErrorHandling() {
        return new LuaError("error in error handling").handled();
    }

    // ---------------------------------------------------------------- protected calls

    /** Enters a protected call (pcall: handler null; xpcall: its message handler). Returns a token for {@link #endProtected}. */
    public final int beginProtected(Object handler) {
        if (nprotected == handlers.length) {
            int n = Math.max(4, nprotected * 2);
            handlers = java.util.Arrays.copyOf(handlers, n);
            protectedDepths = java.util.Arrays.copyOf(protectedDepths, n);
        }
        handlers[nprotected] = handler;
        protectedDepths[nprotected] = depth;
        return nprotected++;
    }

    public final void endProtected(int token) {
        nprotected = token;
        handlers[token] = null;
    }

    /**
     * Where the frames stand when a {@code <close>} variable of the frame at
     * frameDepth is closed by an error: the depth of the innermost protected
     * call that will catch it (the reference unwinds to the protected call,
     * then closes: luaD_closeprotected), or frameDepth when no protected call
     * of this thread is below it (the error leaves the thread; a coroutine
     * closes later, at coroutine.close).
     */
    public final int errorCloseDepth(int frameDepth) {
        if (nprotected == 0 || nprotected <= protectedFloor) return frameDepth;
        return Math.min(frameDepth, protectedDepths[nprotected - 1]);
    }

    /** Number of protected calls active on this thread. */
    public final int protectedCount() { return nprotected; }

    /**
     * Called by a to-be-closed variable when an error reaches it, before it
     * unwinds and closes. A coroutine overrides this: when no protected call of
     * the coroutine will catch the error, the coroutine dies there and closes
     * its variables only when {@code coroutine.close} asks, as the reference does.
     */
    public void errorAtTbc(LuaError e) {}

    // ---------------------------------------------------------------- protected calls for hosts

    /**
     * Calls fn with args, protected (the reference's {@code lua_pcall} without
     * a message handler): the results, or the error value (no traceback).
     * Call it on the Java thread that runs this Lua thread, with the state's
     * turn; fn may be any callable value.
     */
    public final CallResult pcall(Object fn, Object[] args) {
        return ProtectedCall.typed(ProtectedCall.run(this, fn, args, null, null), null);
    }

    /**
     * As {@link #pcall}, with a message handler (a callable value, as
     * {@code xpcall}'s): it runs where the error was raised, before the stack
     * unwinds, and its result is the error value of the {@link CallResult.Failed}.
     */
    public final CallResult xpcall(Object fn, Object[] args, Object handler) {
        return ProtectedCall.typed(ProtectedCall.run(this, fn, args, handler, null), null);
    }

    /**
     * As {@link #pcall}, recording the Lua traceback where an error was raised
     * ({@link CallResult.Failed#traceback()}); the error value stays as raised.
     * For hosts that report errors (sessions, calls from Java).
     */
    public final CallResult tracedCall(Object fn, Object[] args) {
        ProtectedCall.Tracer t = new ProtectedCall.Tracer();
        return ProtectedCall.typed(ProtectedCall.run(this, fn, args, t, t), t);
    }

    /**
     * The same protected call as {@link #xpcall} (handler may be null), with
     * the results as Lua's {@code pcall} returns them: true followed by fn's
     * results, or false and the error value. For Java functions that behave
     * as pcall does (the base library's pcall and xpcall use it); it
     * allocates only the returned array.
     */
    public final Object[] pcallResults(Object fn, Object[] args, Object handler) {
        return ProtectedCall.pcallShape(ProtectedCall.run(this, fn, args, handler, null));
    }

    /**
     * The reference's {@code luaL_traceback} of this thread: msg (if not null),
     * then "stack traceback:" and the frames from level on (0 is the running
     * function, 1 its caller).
     */
    public final String traceback(String msg, int level) {
        return org.luahost.vm.runtime.Traceback.of(this, msg, level);
    }

    // ---------------------------------------------------------------- raising errors

    /**
     * Makes the error for a Lua error value, running the innermost message
     * handler now (with the erroring frames still on the stack). Callers
     * {@code throw} the result.
     */
    public final LuaError raise(Object value) {
        if (nprotected > 0 && !inHandler) {
            Object h = handlers[nprotected - 1];
            if (h != null) {
                inHandler = true;
                int saved = ccalls;
                try {
                    // An error inside the handler is handled by the handler again (the reference
                    // calls it from inside the failed one, one C call deeper each time) until the
                    // C-call limit turns it into "error in error handling".
                    for (;;) {
                        try {
                            value = state.callHandler(this, h, value);
                            break;
                        } catch (LuaError e) {
                            value = e.value();
                            if (e.isHandled()) break;   // error in error handling
                            ccalls++;
                        }
                    }
                } catch (StackOverflowError e) {
                    value = "error in error handling";
                } finally {
                    inHandler = false;
                    ccalls = saved;
                }
                return new LuaError(value).handled();
            }
        }
        return new LuaError(value);
    }

    /** A run-time error at a Lua site, prefixed with chunk:line: as luaG_runerror does. */
    public final LuaError runtimeError(Site site, String msg) {
        Frame f = frames[depth];
        if (f != null && f.closure != null) {
            if (site != null) f.site = site;
            msg = position(f) + msg;
        }
        return raise(msg);
    }

    /** An error with the position of the given level, as luaL_error / error(msg, level) do. */
    public final LuaError errorAtLevel(String msg, int level) {
        return raise(where(level) + msg);
    }

    /** luaL_where: "chunk:line: " for a Lua function at that level, else "". Level 1 is the caller of the running function. */
    public final String where(int level) {
        int d = depth - level;
        if (level < 0 || d < 1) return "";
        Frame f = frames[d];
        if (f.closure == null || f.currentLine() <= 0) return "";   // luaL_where gives "" without line information
        return position(f);
    }

    private static String position(Frame f) {
        return ChunkId.of(f.closure.proto.source) + ":" + f.currentLine() + ": ";
    }

    /** Name of the function running at depth d, as the call site of its caller saw it: {namewhat, name} or null. */
    public final String[] calleeName(int d) {
        if (d <= 1) return null;
        if (hook != null && hook.isHookFrame(d)) return new String[] {"hook", "?"};
        if (d == finalizerDepth) return new String[] {"metamethod", "__gc"};
        Frame f = frames[d];
        if (f.tailcall) return null;
        Frame caller = frames[d - 1];
        if (caller.closure == null || caller.site == null) return null;
        String what = caller.site.calleeNameWhat();
        if (what == null) return null;
        return new String[] {what, caller.site.calleeName()};
    }
}
