package org.luahost.vm.spi;

import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Ops;

/**
 * What a host of Lua threads (the coroutines module's hand-off, a session's
 * turns, calls from Java) does to a state and its threads that a plain
 * embedder never does: switching the state's current thread, and setting
 * the counters a thread starts from. Each method says which Java thread may
 * call it; none synchronizes, the hand-off between Java threads orders them.
 *
 * <p>The switch is one primitive that gives back what it replaced, so a host
 * restores it in a {@code finally}:
 * <pre>{@code
 * LuaThread previous = Threads.switchTo(L, th);
 * try { ... } finally { Threads.switchTo(L, previous); }
 * }</pre>
 */
public final class Threads {
    private Threads() {}

    /**
     * Makes th the state's current thread ({@link LuaState#current()}) and
     * returns the one it replaces. Called only by the Java thread that holds
     * the state's turn: the resumer as it hands the turn to a coroutine and
     * when it gets it back, a host as it starts or ends a call on a thread of
     * its own. The Java thread that runs th next sees the write through the
     * hand-off that wakes it.
     */
    public static LuaThread switchTo(LuaState L, LuaThread th) {
        return Holder.ACCESS.switchTo(L, th);
    }

    /**
     * Sets the C-call count a coroutine starts (or continues) from: its
     * resumer's plus one, as the reference's lua_resume does. Called by the
     * resumer before it hands the turn to th, while th is not running.
     */
    public static void setCcalls(LuaThread th, int ccalls) { th.ccalls = ccalls; }

    /**
     * Protected calls of th whose token is below floor let errors through
     * (see {@link LuaThread#protectedCount()}): set to the count while a
     * suspended coroutine is being closed, back to 0 afterwards. Called by the
     * resumer while th is not running.
     */
    public static void setProtectedFloor(LuaThread th, int floor) { Holder.ACCESS.protectedFloor(th, floor); }

    /** The floor set with {@link #setProtectedFloor}; read on the thread running th. */
    public static int protectedFloor(LuaThread th) { return Holder.ACCESS.protectedFloor(th); }

    /**
     * Sets the units of work th may do before its state's meter is asked
     * again (see {@link org.luahost.vm.WorkMeter}). Called by the meter, on
     * the Java thread running th.
     */
    public static void setWorkLeft(LuaThread th, int units) { th.setWorkLeft(units); }

    /**
     * Calls fn (any callable value) on th without counting a C call and
     * without protection: the bottom call of a coroutine's body, or a call a
     * Java function makes for its caller (errors propagate as
     * {@link org.luahost.vm.LuaError}). On the Java thread running th.
     */
    public static Object[] call(LuaThread th, Object fn, Object[] args) { return Ops.call(th, fn, args); }

    /** The length of v as the {@code #} operator gives it on th ({@code __len} included; may raise a Lua error). */
    public static Object length(LuaThread th, Object v) { return Ops.len(th, v, null); }

    // ---------------------------------------------------------------- binding

    /**
     * What the vm package lends this class (the state's private current-thread
     * field, the thread's package-private floor), as the JDK's SharedSecrets
     * do: {@link LuaState}'s class initializer binds it, once.
     */
    public interface Access {
        LuaThread switchTo(LuaState L, LuaThread th);

        void protectedFloor(LuaThread th, int floor);

        int protectedFloor(LuaThread th);
    }

    private static Access access;

    /** Called once, by {@link LuaState}'s class initializer; a second call fails. */
    public static synchronized void bind(Access a) {
        if (access != null) throw new IllegalStateException("Threads access is already bound");
        access = a;
    }

    /** The bound access, as a constant for the JIT; initializing it initializes LuaState (which binds it). */
    private static final class Holder {
        static final Access ACCESS = load();

        private static Access load() {
            try {
                Class.forName(LuaState.class.getName(), true, LuaState.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            synchronized (Threads.class) {
                if (access == null) throw new IllegalStateException("LuaState did not bind its access");
                return access;
            }
        }
    }
}
