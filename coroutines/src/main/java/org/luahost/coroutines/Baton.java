package org.luahost.coroutines;

import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off between a coroutine's virtual thread and whoever resumed it:
 * the "turn" that says which of the two may run, and the values passed
 * across. Exactly one side holds the turn at any moment, so a Lua state's
 * threads never run at the same time and the VM needs no locks.
 *
 * <h2>Protocol</h2>
 * {@link #turn} is the only field read and written by both sides
 * concurrently; it is {@code volatile}, and everything a side wrote before
 * its volatile write of {@code turn} is visible to the other side after its
 * volatile read of the new value (happens-before through the volatile
 * variable; {@link LockSupport#park}/{@link LockSupport#unpark} are used only
 * to sleep and wake, never for visibility).
 *
 * <ul>
 * <li>The <b>resumer</b> (the thread calling resume, close, or the reaper
 *     killing a lost coroutine) holds the turn while {@code turn == BACK}. It
 *     fills {@link #values} and {@link #waiter}, then writes {@code turn} =
 *     {@link #RUN}, {@link #CLOSE} or {@link #DIE}, unparks the coroutine's
 *     thread, and from then on reads only {@code turn} until it is
 *     {@code BACK} again ({@link #awaitBack}). Then it reads {@link #outcome},
 *     {@link #values}/{@link #value}/{@link #thrown}, and clears
 *     {@link #waiter} and {@link #values}.</li>
 * <li>The <b>coroutine</b> holds the turn while {@code turn != BACK}. It
 *     takes {@link #values}, runs, and to give the turn back fills the
 *     results, reads {@link #waiter} into a local, writes {@code outcome},
 *     then {@code turn = BACK}, and unparks the waiter ({@link #handBack}).
 *     After that write it touches nothing but {@code turn}
 *     ({@link #awaitTurn}).</li>
 * </ul>
 *
 * <p>A Baton references no thread while the coroutine is suspended
 * ({@link #waiter} and {@link #values} are cleared by the resumer), because
 * the cleaner of a coroutine's handle holds its Baton strongly: holding the
 * resumer's thread here would keep that thread's stack alive.
 */
final class Baton {
    /** Turn values. BACK: the resumer side runs; the others: the coroutine runs, told what to do. */
    static final int BACK = 0, RUN = 1, CLOSE = 2, DIE = 3;

    /** Outcomes, written by the coroutine with its hand-back. */
    static final int YIELDED = 1, RETURNED = 2, ERROR = 3, ERROR_AT_TBC = 4,
            CLOSED = 5, CLOSE_FAILED = 6, THROWN = 7, KILLED = 8;

    volatile int turn;

    /**
     * Writes of {@link #turn} are release stores, not full volatile writes: the
     * side that gives the turn away always unparks the other side right after,
     * and that unpark is a full fence (the virtual thread's permit is set with
     * an atomic exchange), so the StoreLoad barrier of a volatile write buys
     * nothing here. Reads stay volatile (acquire), which costs nothing on x86.
     */
    private static final java.lang.invoke.VarHandle TURN;
    static {
        try {
            TURN = java.lang.invoke.MethodHandles.lookup().findVarHandle(Baton.class, "turn", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Gives the turn with a release store (see {@link #TURN}); the caller unparks the other side next. */
    void setTurn(int t) { TURN.setRelease(this, t); }

    /** Set by the coroutine thread, before its last hand-back, when it ends; read by the cleaner. */
    volatile boolean done;

    // Plain fields: owned by whichever side holds the turn (see the class comment).
    Object[] values;
    Object value;
    Throwable thrown;
    int outcome;
    Thread waiter;

    // ---------------------------------------------------------------- resumer side

    /** Parks the resumer until the coroutine hands the turn back. */
    void awaitBack() {
        boolean interrupted = false;
        while (turn != BACK) {
            LockSupport.park(this);
            // an interrupted thread's park returns at once: remember and clear, re-assert afterwards
            if (Thread.interrupted()) interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    // ---------------------------------------------------------------- coroutine side

    /** Gives the turn back to the waiter with the given outcome (results already stored). */
    void handBack(int outcome) {
        Thread w = waiter;          // read before publishing: the resumer clears it once it runs
        this.outcome = outcome;
        setTurn(BACK);
        LockSupport.unpark(w);
    }

    /** Parks the coroutine until it gets the turn; returns the command (RUN, CLOSE or DIE). */
    int awaitTurn() {
        boolean interrupted = false;
        int t;
        while ((t = turn) == BACK) {
            LockSupport.park(this);
            if (Thread.interrupted()) interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
        return t;
    }
}
