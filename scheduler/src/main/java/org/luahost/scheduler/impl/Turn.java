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
 * state's turn away and reads them after it took it back. {@link #began},
 * {@link #worker} and {@link #waiter} are also read by any thread that found
 * the turn in {@link TurnRunner#running}: a kill, the close report.
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
    /** The turn ran out of its CPU budget (for the metrics). */
    boolean overBudget;
    /** When the budget error was first raised, and how deep the thread was then (see Budget.unwindReserve). */
    long raisedAt;
    int raisedDepth;
    /** Whether this turn's thread is the drainer (false once it handed the role over in a wait). */
    boolean drainer = true;
    /** Ids of the sessions whose turns wait on this one (for calls), this session last. */
    String[] chain;
    /** The turn has run longer than a slice: its worker does not count as an active drainer until the turn ends. */
    boolean detached;
    /** The turn holds a permit of the host's heavy {@link Lane} (see {@link Budget#onWork}, {@link TurnRunner#drain}). */
    boolean lane;
    /** Sessions this turn started with host.send/host.call (see SessionImpl.chargeNewSession). */
    int newSessions;
    /**
     * When the turn began (System.nanoTime; not reset by renewals) and the
     * thread that runs it (its drainer): written before the turn is
     * published in {@link TurnRunner#running} (a volatile write), so a thread
     * that reads the turn from there sees them (kill, reports).
     */
    long began;
    Thread worker;
    /** The thread parked in a wait of the turn, or null. Read by kill. */
    volatile Thread waiter;

    Turn(Envelope env) { this.env = env; }

    /**
     * Kill: interrupts the turn's threads, so that a wait (an Async.await)
     * ends with a Lua error. Any thread. NOTE: benign race: if the turn ends
     * meanwhile, its worker may already run another session's turn and get
     * the interrupt (a wait of that turn would fail "interrupted"); kills are
     * rare and {@link Drainers} clears the flag between sessions.
     */
    void interrupt() {
        Thread w = waiter;
        if (w != null) w.interrupt();
        Thread d = worker;
        if (d != null && d != w) d.interrupt();
    }

    /**
     * Whether the envelope is the host's own work (the deferred save, an
     * inspection of the state), which is not the session's activity: not
     * counted as handled, does not reset the idle clock.
     */
    boolean isSave() { return env instanceof Envelope.Save || env instanceof Envelope.Inspect; }
}
