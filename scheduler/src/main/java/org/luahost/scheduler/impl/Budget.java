package org.luahost.scheduler.impl;

import java.util.concurrent.locks.LockSupport;

import org.luahost.scheduler.SessionOptions;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaThread;
import org.luahost.vm.WorkMeter;
import org.luahost.vm.spi.Threads;

/**
 * A session's budgets: its state's {@link WorkMeter}. Every {@link #QUANTUM}
 * calls or loop iterations the interpreter asks {@link #onWork}, which looks
 * at the clock: past the time slice it yields the carrier (and a long-running
 * turn is throttled to short bursts); past the turn's CPU budget it raises a
 * Lua error (as it does once the session is killed, {@link SessionImpl#killNow}).
 *
 * <p>Memory is not this class's, except the running thread's stack
 * ({@link #FRAME_BYTES}): the session's limit is the state's
 * ({@link org.luahost.vm.LuaStateBuilder#memoryLimit}, set by {@link LuaRunner#create}),
 * whose collector is charged as Lua data is allocated and raises
 * {@code not enough memory} at a safe point when a collection leaves the state
 * over its limit. This class only reports the state's estimate at the end of
 * each turn ({@link #memoryEstimate}, the session's stats).
 *
 * <p>A turn's CPU time is the time it holds a carrier: from its start
 * ({@link #startClock}) to its end ({@link #endTurn}), waits ({@link Waits})
 * and yields excluded ({@link Turn#paused}).
 *
 * <p>Fair share: heavy work runs with a permit of the host's {@link Lane},
 * so that together it holds a bounded share of the carriers however many
 * sessions are heavy. A long runner's bursts each take a permit
 * ({@link #onWork}); a session whose recent CPU time (the turns' CPU time,
 * decayed with a time constant of {@link #RECENT_TAU_NANOS}) is over
 * {@link #HEAVY_SLICES} slices is {@link #heavy}, and its drain runs its
 * turns with a permit (see {@link TurnRunner#drain}).
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
    /**
     * A session whose recent CPU time is over this many slices is heavy (with
     * the default 2 ms slice: 20 ms, what a session using 2% of a carrier
     * without pause keeps, or one turn of 20 ms for a moment after it).
     */
    static final int HEAVY_SLICES = 10;
    /** The time constant of the recent CPU time's decay: 1 s. */
    static final double RECENT_TAU_NANOS = 1e9;

    /**
     * Heap bytes a Lua call's frame takes, counted against the memory limit
     * at each work check while the running thread is more than
     * {@link #SHALLOW} calls deep: a virtual thread parked 190,000 calls
     * deep held 35-45 MB of frozen stack (185-240 bytes a call), which the
     * state's collector does not see. Past the limit the thread gets "not
     * enough memory" (so a stack holds at most the limit, at most 2,048 calls
     * more: the work between two checks).
     */
    static final int FRAME_BYTES = 256;
    /** Stacks up to this depth are not looked at (the check's cost stays off ordinary code). */
    private static final int SHALLOW = 1024;

    private final SessionImpl session;
    private final long sliceNanos, budgetNanos, memoryLimit, heavyNanos;

    /** Written by the turn holder, read by anyone. */
    volatile long cpuNanos, memoryEstimate;
    /**
     * The recent CPU time (see {@link #heavy}) as of {@link #recentAt}. Written
     * by the turn holder, read by anyone; NOTE: benign race: a reader may pair
     * one turn's figure with another's time (the decay is then off by a turn).
     */
    private volatile long recentCpu, recentAt;

    // ---- guarded by the turn
    private long sliceStart;
    /** The last turn ran longer than LONG_RUNNER_SLICES slices (see onWork). */
    private boolean longRunnerBefore;

    Budget(SessionImpl session, SessionOptions options) {
        this.session = session;
        this.sliceNanos = Math.max(1, options.timeSlice().toNanos());
        this.budgetNanos = options.cpuBudget().toNanos();
        this.memoryLimit = options.memoryLimit();
        this.heavyNanos = sliceNanos > Long.MAX_VALUE / HEAVY_SLICES ? Long.MAX_VALUE : sliceNanos * HEAVY_SLICES;
    }

    /** A long runner's burst (and the time a heavy drain keeps its permit of the lane). */
    long burstNanos() { return Math.max(1, sliceNanos / LONG_RUNNER_BURST_DIVISOR); }

    /**
     * Whether the session used much CPU lately: its turns' CPU time, each
     * decayed by e^(-age/{@link #RECENT_TAU_NANOS}), over {@link #HEAVY_SLICES}
     * slices. Any thread.
     */
    boolean heavy() {
        long r = recentCpu;
        return r > heavyNanos && decayed(r, recentAt, System.nanoTime()) > heavyNanos;
    }

    private static long decayed(long r, long at, long now) {
        return r == 0 ? 0 : (long) (r * Math.exp(-(now - at) / RECENT_TAU_NANOS));
    }

    /**
     * Counts cpu nanos of the session's work that ended at now; recent: whether
     * it counts towards the recent CPU time (not the start: running the main
     * chunk once does not make a session heavy).
     */
    private void charge(long cpu, long now, boolean recent) {
        cpuNanos += cpu;
        if (!recent) return;
        recentCpu = decayed(recentCpu, recentAt, now) + Math.max(0, cpu);
        recentAt = now;
    }

    // ================================================================ the turn's clock

    /** t begins now, with a fresh time slice. */
    void startClock(Turn t) {
        t.start = System.nanoTime();
        sliceStart = t.start;
    }

    /** t ended at now: its CPU time is counted; a turn that ran long makes the next one start throttled. */
    void endTurn(Turn t, long now) {
        charge(now - t.start - t.paused, now, !(t.env instanceof Envelope.Start));
        if (t.overBudget && t.raisedDepth > SHALLOW) learnUnwinding((now - t.raisedAt) / t.raisedDepth);
        measureMemory();
        // a session whose turn ran long starts its next turn throttled (a runaway stays a runaway)
        longRunnerBefore = ranLong(t, now);
    }

    /** Code the session runs after a turn's handler (finalizers) gets a CPU budget of its own; the time used so far is counted. */
    void renew(Turn t) {
        long now = System.nanoTime();
        charge(now - t.start - t.paused, now, !(t.env instanceof Envelope.Start));
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
        if (th.depth > SHALLOW && memoryLimit > 0 && stackOverLimit(th)) {
            // the running thread's stack counts against the memory limit, as the reference's stack counts in its allocator
            throw LuaRunner.raise(th, "not enough memory", QUANTUM);
        }
        long now = System.nanoTime();
        if (budgetNanos > 0 && now - t.start - t.paused + unwindReserve(th) > budgetNanos) {
            // sticky: every later unit of work of this turn raises it again, so pcall cannot keep the turn alive
            if (!t.overBudget) {
                t.raisedAt = now;
                t.raisedDepth = th.depth;
            }
            t.overBudget = true;
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
                // thread runnable, and the OS shares the cores between it and the carriers serving others.
                // Each burst runs with a permit of the heavy lane, so that twenty long runners together hold
                // what the lane allows, not half a carrier each
                burst = burstNanos();
                session.turns.releaseLane(t);
                LockSupport.parkNanos(burst);
                awaitLane(t, th);
            } else {
                Thread.yield();
            }
            long back = System.nanoTime();
            t.paused += back - now;
            sliceStart = back - (sliceNanos - burst);   // the next check comes after one burst
            now = back;
        }
        return QUANTUM;
    }

    /**
     * The long runner t waits (parked, its time not counted) for a permit of
     * the heavy lane. A kill meanwhile ends the wait with the kill's error; an
     * open lane (the host closing) lets it go on without a permit.
     */
    private void awaitLane(Turn t, LuaThread th) {
        t.lane = session.host.lane.acquire(() -> session.killReason != null);
        String killed = session.killReason;
        if (killed != null) {
            session.turns.releaseLane(t);
            throw budgetError(th, th.where(0) + "session killed (" + killed + ")", 0);
        }
    }

    // ================================================================ unwinding a deep stack

    /**
     * The time a deep stack will take to unwind once the CPU budget error is
     * raised, reserved out of the budget: the error comes that much earlier,
     * so the turn ends near its budget however deep it is. Unwinding is not
     * metered (no work checks run while an error goes up through the frames):
     * a turn spinning 190,000 calls deep under a 1 s budget ran 1.3-2.9 s,
     * its frames thawed from the heap (the stack of a virtual thread frozen
     * at each throttling pause) and unwound after the error. A stack up to
     * {@link #SHALLOW} calls reserves nothing.
     */
    private static long unwindReserve(LuaThread th) {
        int d = th.depth;
        return d > SHALLOW ? d * unwindNanosPerCall : 0;
    }

    /**
     * The unwinding time reserved per call: learned from the turns that ended
     * deep in a budget error (their time from the error to their end, per
     * call), a moving average kept between {@link #MIN_UNWIND_NANOS} and
     * {@link #MAX_UNWIND_NANOS}. One for the JVM (a property of the machine
     * and its load, not of a session); a benign race between sessions.
     */
    private static volatile long unwindNanosPerCall = 2_000;
    /** Bounds of the per-call reserve: 2 µs (measured warm) to 10 µs (under load: a 1 s budget then still allows 100,000 calls). */
    static final long MIN_UNWIND_NANOS = 2_000, MAX_UNWIND_NANOS = 10_000;

    private static void learnUnwinding(long perCall) {
        long avg = (3 * unwindNanosPerCall + perCall) / 4;
        unwindNanosPerCall = Math.max(MIN_UNWIND_NANOS, Math.min(MAX_UNWIND_NANOS, avg));
    }

    /**
     * Whether th's stack and the state's data pass the memory limit, after a
     * Lua collection if the estimate alone (garbage included) says so. Work
     * checks are safe points, where the collector runs its own collections.
     */
    private boolean stackOverLimit(LuaThread th) {
        long stack = (long) th.depth * FRAME_BYTES;
        if (stack + th.state.memoryInUse() <= memoryLimit) return false;
        if (stack > memoryLimit) return true;
        th.state.gc().step(th);
        return stack + th.state.memoryInUse() > memoryLimit;
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

    /** The first estimate, once the script ran. */
    void measureAtStart() { measureMemory(); }

    /** The state's memory estimate now (live at its last collection plus what was allocated since), for the stats. */
    private void measureMemory() {
        org.luahost.vm.LuaState L = session.lua.L;
        if (L != null) memoryEstimate = L.memoryInUse();
    }
}
