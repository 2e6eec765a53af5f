package org.luahost.scheduler.impl;

import org.luahost.vm.LuaThread;

/**
 * One envelope being handled: the envelope, the Lua thread its handler runs
 * on, and its clock (for the time slice and the CPU budget, see
 * {@link Budget}).
 *
 * <p>Threads: made by the thread that takes the envelope and touched only by
 * the thread running it, while that thread holds the state's turn; a turn
 * that waits ({@link Waits}) writes its wait fields before it gives the
 * state's turn away and reads them after it took it back. The volatile
 * fields ({@link #began}, {@link #worker}, {@link #waiter}) are also read by
 * any thread: a kill, the close report.
 */
final class Turn {
    final Envelope env;
    /** The Lua thread the handler runs on (the state's main thread unless another turn is using it); null before the state exists. */
    LuaThread thread;
    /** When the turn began (or its budget was renewed), and how long it waited since: its CPU time is now - start - paused. */
    long start, paused;
    /** When the current wait began. */
    long waitStart;
    /** The state's current Lua thread when the wait began (restored when the turn goes on). */
    LuaThread waitCurrent;
    /** The turn ended with an error. */
    boolean failed;
    /** Whether this turn's thread is the drainer (false once it handed the role over in a wait). */
    boolean drainer = true;
    /** Ids of the sessions whose turns wait on this one (for calls), this session last. */
    String[] chain;
    /** The turn has run longer than a slice: its worker does not count as an active drainer until the turn ends. */
    boolean detached;
    /** Sessions this turn started with host.send/host.call (see SessionImpl.chargeNewSession). */
    int newSessions;
    /** When the turn began (System.nanoTime; not reset by renewals). Read by any thread (reports). */
    volatile long began;
    /** The thread that runs the turn (its drainer), and the thread parked in a wait of it, or null. Read by kill. */
    volatile Thread worker, waiter;

    Turn(Envelope env) { this.env = env; }

    /** Kill: interrupts the turn's threads, so that a wait (an Async.await) ends with a Lua error. Any thread. */
    void interrupt() {
        Thread w = waiter;
        if (w != null) w.interrupt();
        Thread d = worker;
        if (d != null && d != w) d.interrupt();
    }

    /** Whether the envelope is the deferred save, which runs no Lua and is not activity. */
    boolean isSave() { return env instanceof Envelope.Save; }
}
