package org.luahost.scheduler.impl;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The heavy lane: the few permits that heavy work needs to run, so that
 * however many sessions are heavy at once, together they hold at most
 * {@link #permits} carriers and the other sessions keep theirs.
 *
 * <p>Heavy work is a long-running turn past its first slices (see
 * {@link Budget#onWork}: it runs in bursts, each with a permit) and every
 * turn of a session that used much CPU lately ({@link Budget#heavy}: its
 * drain holds a permit for a burst at a time, see {@link TurnRunner#drain}).
 * A holder gives its permit back after each burst, and while it waits for
 * anything else ({@link Waits#beforeWait}); then it queues again, behind the
 * others. Before, each long runner was throttled on its own to half a
 * carrier: one runaway was held, twenty of them wanted ten carriers, and on
 * 2 cores the light sessions' pings went from a p99 of 10-20 ms to 0.2-0.8 s
 * (docs/hardening-hunt-13.md, session 17).
 *
 * <p>Waiters are parked (they hold no carrier) in arrival order, and a
 * release hands the permit to the first of them. A waiter gives up its place
 * when its {@code cancelled} condition holds (its session was killed: kill
 * interrupts it) or the lane is {@link #open}ed (the host is closing: the
 * sessions' stops and saves must not wait their turn here).
 *
 * <p>Threads: any. The queue and the count are guarded by this object's
 * monitor (held for a few instructions; a virtual thread does not pin its
 * carrier in {@code synchronized} on JDK 24+).
 */
final class Lane {
    /** How long a waiter parks before it looks at its condition again without being woken (a backstop). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** Permits: heavy work that may run at once (carriers it may hold). */
    final int permits;
    // ---- guarded by this
    private int free;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Set once when the host closes: acquire returns at once, without a permit. */
    private volatile boolean open;

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** Written under the lane's monitor; read by the waiter after it woke. */
        volatile boolean granted;
    }

    Lane(int permits) {
        this.permits = Math.max(1, permits);
        this.free = this.permits;
    }

    /** The lane for a host with this many processors: half of them, at least one. */
    static Lane forProcessors(int processors) { return new Lane(Math.max(1, processors / 2)); }

    /**
     * Waits for a permit, parked: true once the caller holds one; false, without a
     * permit, when the lane is open or {@code cancelled} held when the caller
     * was woken (interrupted) or looked again. The calling thread's interrupt
     * status is left as it was.
     */
    boolean acquire(BooleanSupplier cancelled) {
        Waiter w;
        synchronized (this) {
            if (open) return false;
            if (free > 0 && waiters.isEmpty()) {
                free--;
                return true;
            }
            w = new Waiter();
            waiters.add(w);
        }
        boolean interrupted = false;
        try {
            for (;;) {
                LockSupport.parkNanos(this, RECHECK_NANOS);
                // an interrupt would make every later park return at once: noted, cleared, and set again on the way out
                if (Thread.interrupted()) interrupted = true;
                if (w.granted) return true;
                if (open || cancelled.getAsBoolean()) {
                    synchronized (this) {
                        if (w.granted) {
                            // granted meanwhile: pass it on rather than keep a permit the caller will not use
                            releaseLocked();
                        } else {
                            waiters.remove(w);
                        }
                    }
                    return false;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Gives a permit back (the caller held one): the first waiter gets it. */
    void release() {
        synchronized (this) {
            releaseLocked();
        }
    }

    private void releaseLocked() {
        Waiter w = waiters.poll();
        if (w == null) {
            if (free < permits) free++;   // never more than the lane's permits, whatever a caller does
            return;
        }
        w.granted = true;
        LockSupport.unpark(w.thread);
    }

    /** The host is closing: every waiter goes on, and nobody waits from now on. Any thread; idempotent. */
    void open() {
        open = true;
        synchronized (this) {
            for (Waiter w : waiters) LockSupport.unpark(w.thread);
        }
    }

    boolean isOpen() { return open; }

    /** Heavy work waiting for a permit now (for tests and the stats). */
    synchronized int waiting() { return waiters.size(); }
}
