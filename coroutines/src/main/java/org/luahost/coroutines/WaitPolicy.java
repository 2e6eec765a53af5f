package org.luahost.coroutines;

import org.luahost.vm.LuaThread;

/**
 * What a Lua state does with its turn while one of its Lua threads waits on
 * a Java future ({@link Async#await}): registered per state with
 * {@link Hosting#waitPolicy(WaitPolicy)}.
 *
 * <p>{@link #beforeWait} runs on the waiting Lua thread's Java thread after it
 * found the future not yet complete and before it parks; {@link #afterWait}
 * runs on the same Java thread once the future completed (or the wait timed
 * out or was interrupted), before any Lua code continues, even when the wait
 * failed. Both run exactly once per wait, in that order. {@code afterWait}
 * may block (park) until the state is free again; it must not run Lua code.
 *
 * <p>The default, {@link #KEEP_TURN}, does nothing: the waiting Lua thread
 * keeps the state's turn, so no other Lua code of the state runs until the
 * wait ends (one message is handled completely before the next, DESIGN.md
 * "Sessions"). {@link #INTERLEAVE} gives the state's {@link Hosting} turn
 * away while waiting, so that other calls queued by {@link Async#call} (or a
 * scheduler using the same turn) run meanwhile. A scheduler with its own turn
 * discipline implements this interface.
 */
public interface WaitPolicy {
    /** The Lua thread th is about to park until a Java future completes. */
    void beforeWait(LuaThread th);

    /** The wait of th ended; returns when th may run Lua code again. */
    void afterWait(LuaThread th);

    /**
     * The timeout of a wait that has none of its own (an {@link Async#await}
     * without a timeout, outside {@link Async#withTimeout}), in nanoseconds;
     * 0 (the default): such a wait may last forever. Past it the wait fails
     * with a Lua error in the waiting Lua thread. Called on the waiting thread.
     */
    default long defaultTimeoutNanos(LuaThread th) { return 0; }

    /** Keep the turn while waiting: no interleaving (the default). */
    WaitPolicy KEEP_TURN = new WaitPolicy() {
        @Override public void beforeWait(LuaThread th) {}
        @Override public void afterWait(LuaThread th) {}
        @Override public String toString() { return "WaitPolicy.KEEP_TURN"; }
    };

    /** Release the state's {@link Hosting} turn while waiting, and take it again (in arrival order) afterwards. */
    WaitPolicy INTERLEAVE = new WaitPolicy() {
        @Override public void beforeWait(LuaThread th) { Hosting.of(th.state).releaseTurn(); }
        @Override public void afterWait(LuaThread th) { Hosting.of(th.state).acquireTurn(); }
        @Override public String toString() { return "WaitPolicy.INTERLEAVE"; }
    };
}
