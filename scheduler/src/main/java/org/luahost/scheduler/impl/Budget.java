package org.luahost.scheduler.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.luahost.scheduler.SessionOptions;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.WorkMeter;
import org.luahost.vm.spi.Threads;

/**
 * A session's budgets: its state's {@link WorkMeter}. Every {@link #QUANTUM}
 * calls or loop iterations the interpreter asks {@link #onWork}, which looks
 * at the clock: past the time slice it yields the carrier (and a long-running
 * turn is throttled to short bursts); past the turn's CPU budget it raises a
 * Lua error (as it does once the session is killed, {@link SessionImpl#killNow});
 * and from time to time it estimates the state's memory
 * ({@link Footprint}) and raises {@code not enough memory} over the limit.
 *
 * <p>A turn's CPU time is the time it holds a carrier: from its start
 * ({@link #startClock}) to its end ({@link #endTurn}), waits ({@link Waits})
 * and yields excluded ({@link Turn#paused}).
 *
 * <h2>Threads</h2>
 * Every method runs on the thread holding the state's turn: {@link #onWork}
 * on the Lua thread that did the work (the interpreter calls it), the others
 * from {@link TurnRunner}, {@link Waits} and {@link Lifecycle}. The mutable
 * fields are guarded by the turn, except {@link #cpuNanos} and
 * {@link #memoryEstimate}, which are written with the turn and read by
 * anyone (the session's stats).
 */
final class Budget implements WorkMeter {
    /** Units of work between two checks of the clock (about 20-100 µs of Lua). */
    private static final int QUANTUM = 2048;
    /** A turn that has run this many slices is a long runner (see onWork). */
    private static final int LONG_RUNNER_SLICES = 2;
    /** A long runner's bursts (and pauses) are this fraction of a slice. */
    private static final int LONG_RUNNER_BURST_DIVISOR = 8;

    private final SessionImpl session;
    private final long sliceNanos, budgetNanos, memoryLimit;

    /** Written by the turn holder, read by anyone. */
    volatile long cpuNanos, memoryEstimate;

    // ---- guarded by the turn
    private long sliceStart;
    /** The last turn ran longer than LONG_RUNNER_SLICES slices (see onWork). */
    private boolean longRunnerBefore;
    /** cpuNanos at which the memory estimate is next computed. */
    private long memoryCheckAt;
    /** The last memory estimate and the cpuNanos-based time it was taken at (growth rate for the next check). */
    private long lastMeasured, lastMeasuredAt;

    Budget(SessionImpl session, SessionOptions options) {
        this.session = session;
        this.sliceNanos = Math.max(1, options.timeSlice().toNanos());
        this.budgetNanos = options.cpuBudget().toNanos();
        this.memoryLimit = options.memoryLimit();
    }

    // ================================================================ the turn's clock

    /** t begins now, with a fresh time slice. */
    void startClock(Turn t) {
        t.start = System.nanoTime();
        sliceStart = t.start;
    }

    /** t ended at now: its CPU time is counted; a turn that ran long makes the next one start throttled. */
    void endTurn(Turn t, long now) {
        cpuNanos += now - t.start - t.paused;
        // a session whose turn ran long starts its next turn throttled (a runaway stays a runaway)
        longRunnerBefore = ranLong(t, now);
    }

    /** Code the session runs after a turn's handler (finalizers) gets a CPU budget of its own; the time used so far is counted. */
    void renew(Turn t) {
        long now = System.nanoTime();
        cpuNanos += now - t.start - t.paused;
        t.start = now;
        t.paused = 0;
        sliceStart = now;
    }

    /** t's wait ended: the wait does not count, and a new slice begins. */
    void resumed(Turn t) {
        long back = System.nanoTime();
        t.paused += back - t.waitStart;
        sliceStart = back;
    }

    /** Whether turn t has run (not counting its pauses) longer than LONG_RUNNER_SLICES slices by now. */
    private boolean ranLong(Turn t, long now) {
        return now - t.start - t.paused > LONG_RUNNER_SLICES * sliceNanos;
    }

    // ================================================================ the work meter

    @Override
    public int onWork(LuaThread th) {
        Turn t = session.turns.active;
        if (t == null) return QUANTUM;
        String killed = session.killReason;
        if (killed != null) {
            // sticky, as the CPU budget: the turn ends, whatever pcall does
            throw budgetError(th, th.where(0) + "session killed (" + killed + ")", 0);
        }
        long now = System.nanoTime();
        if (budgetNanos > 0 && now - t.start - t.paused > budgetNanos) {
            // sticky: every later unit of work of this turn raises it again, so pcall cannot keep the turn alive
            throw budgetError(th, th.where(0) + "CPU budget exceeded (" + session.options.cpuBudget().toMillis() + " ms per turn)", 0);
        }
        if (now - sliceStart >= sliceNanos) {
            if (!t.detached) {
                t.detached = true;
                session.host.drainers.blocked();   // another worker serves the other sessions meanwhile
            }
            boolean longRunner = longRunnerBefore || ranLong(t, now);
            long burst = sliceNanos;
            if (longRunner) {
                // a long-running turn runs in short bursts (an eighth of a slice) and sits out as long after
                // each, so that it holds at most half a carrier (and, on a machine short of cores, half a core)
                // and a message that arrives meanwhile waits at most a burst: a yield alone keeps its carrier
                // thread runnable, and the OS shares the cores between it and the carriers serving others
                burst = Math.max(1, sliceNanos / LONG_RUNNER_BURST_DIVISOR);
                LockSupport.parkNanos(burst);
            } else {
                Thread.yield();
            }
            long back = System.nanoTime();
            t.paused += back - now;
            sliceStart = back - (sliceNanos - burst);   // the next check comes after one burst
            now = back;
        }
        if (memoryLimit > 0) {
            long used = cpuNanos + (now - t.start - t.paused);
            if (used >= memoryCheckAt) checkMemory(th, used);
        }
        return QUANTUM;
    }

    /**
     * Walks the state; raises "not enough memory" over the limit. The next
     * walk comes after 10x this one's time (so walks cost at most about 10%),
     * or sooner when the estimate grows fast enough to reach the limit before
     * then: at half the time the growth since the last walk predicts, but
     * not sooner than 2x this walk's time. Without that, a session filling
     * memory quickly would overshoot the limit several times over before the
     * next walk.
     */
    private void checkMemory(LuaThread th, long used) {
        long w0 = System.nanoTime();
        long m = measure(memoryLimit + 1);
        long cost = System.nanoTime() - w0;
        memoryEstimate = m;
        long interval = Math.max(1_000_000L, 10 * cost);
        if (m > lastMeasured && used > lastMeasuredAt) {
            double perNano = (double) (m - lastMeasured) / (used - lastMeasuredAt);
            long toLimit = (long) ((memoryLimit - m) / perNano);
            interval = Math.max(Math.min(interval, toLimit / 2), Math.max(100_000L, 2 * cost));
        }
        lastMeasured = m;
        lastMeasuredAt = used;
        memoryCheckAt = used + interval;
        if (m > memoryLimit) throw budgetError(th, "not enough memory", QUANTUM);
    }

    /**
     * Raises a budget error. The message handler that raise runs (an
     * {@code xpcall}'s) is metered like any code: it gets one quantum of work,
     * after which the CPU budget error is raised again inside it while the
     * budget stays exhausted. The handler then fails, is retried with the new
     * error as the reference retries a failing handler, and after the
     * C-call limit the protected call ends with "error in error handling"
     * (the reference's LUA_ERRERR): a handler that loops costs at most a few
     * hundred quanta. Afterwards the thread gets workLeft units before the
     * meter is asked again.
     */
    private LuaError budgetError(LuaThread th, String msg, int workLeft) {
        Threads.setWorkLeft(th, QUANTUM);   // the handler's allowance
        return LuaRunner.raise(th, msg, workLeft);
    }

    /** The first estimate, once the script ran (with a memory limit). */
    void measureAtStart() {
        if (memoryLimit > 0) memoryEstimate = measure(memoryLimit + 1);
    }

    /** The memory estimate (stops counting past cap). */
    private long measure(long cap) {
        List<LuaThread> threads = new ArrayList<>(2);
        Turn t = session.turns.active;
        if (t != null && t.thread != null) threads.add(t.thread);
        List<Object> roots = new ArrayList<>();
        session.timers.addRoots(roots);
        LuaState L = session.lua.L;
        // objects registered for finalization are held by the state's Gc until a collection finds them
        // unreachable (between turns), invisible to the walk: 64 bytes each (a table or userdata at least)
        return Footprint.estimate(L, threads, roots, cap) + 64L * session.lua.pendingFinalizers();
    }
}
