package org.luahost.scheduler.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;

import org.jctools.queues.atomic.unpadded.MpscLinkedAtomicUnpaddedQueue;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.scheduler.SessionOptions;
import org.luahost.scheduler.SessionStats;
import org.luahost.coroutines.Async;
import org.luahost.coroutines.Hosting;
import org.luahost.coroutines.WaitPolicy;
import org.luahost.vm.CallResult;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.WorkMeter;
import org.luahost.vm.spi.Threads;

/**
 * One session: a Lua state, its mailbox, and the turns that handle the
 * mailbox's messages (see the package documentation for the model).
 *
 * <h2>Threads</h2>
 * Any thread may {@link #deliver} (the mailbox is multi-producer). The first
 * delivery to an idle session takes the <em>drainer role</em> ({@link #scheduled})
 * and queues the session with the host's {@link Drainers}: one of its worker
 * virtual threads takes messages one by one and runs each as a turn, until
 * the mailbox is empty (the role is given up) or a batch is done (the
 * session queues again, behind the others). So an idle session holds no
 * thread, and a busy host does not start one per burst. The Lua state and every field marked
 * "guarded by the turn" are touched only by the thread holding the turn:
 * the drainer, or, with interleaving, a turn that resumed after a wait and
 * took the state's turn ({@link #hosting}).
 *
 * <h2>Waits</h2>
 * A turn that waits ({@link #await}: host.call, host.sleep, a Java future)
 * parks its virtual thread. Without interleaving it keeps the turn: the
 * mailbox waits. With interleaving it gives the turn and the drainer role
 * away (a new drainer starts if messages wait) and takes the turn back
 * before it continues.
 *
 * <h2>Budgets</h2>
 * The session is its state's {@link WorkMeter}: every few thousand calls or
 * loop iterations it checks the time (time slice: yield the carrier; CPU
 * budget of the turn: Lua error) and, from time to time, the memory estimate.
 *
 * <h2>Persistence and passivation</h2>
 * With a store, {@link SessionSaver} restores the state before the script
 * runs and saves it between turns. An idle session is <em>passivated</em>
 * ({@link #passivate}): a thread takes the drainer role, saves, and if no
 * message came meanwhile, unloads the state and marks the session
 * {@link #gone}. A gone session is an empty shell whose deliveries are
 * forwarded to its successor (a new session of the same id, which restores
 * the saved state). A producer that offered to the shell re-checks
 * {@code gone} after its offer and forwards what is left itself, so no
 * message stays behind and each sender's order is kept (see {@link #deliver}).
 */
public final class SessionImpl implements Session, WorkMeter, WaitPolicy {
    static final int STARTING = 0, RUNNING = 1, STOPPING = 2, STOPPED = 3;
    /** Units of work between two checks of the clock (about 20-100 µs of Lua). */
    private static final int QUANTUM = 2048;
    /** A turn that has run this many slices is a long runner (see onWork). */
    private static final int LONG_RUNNER_SLICES = 2;
    /** A long runner's bursts (and pauses) are this fraction of a slice. */
    private static final int LONG_RUNNER_BURST_DIVISOR = 8;

    final HostImpl host;
    final String id;
    final Script script;
    final SessionOptions options;
    final ContextInternal context;
    private final long sliceNanos, budgetNanos, memoryLimit, callTimeoutNanos;

    private final MpscLinkedAtomicUnpaddedQueue<Envelope> mailbox = new MpscLinkedAtomicUnpaddedQueue<>();
    /** 1 while a drainer exists (or is being started), 0 when the session is idle. */
    private final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    volatile int status = STARTING;
    final CompletableFuture<Object[]> startedFuture = new CompletableFuture<>();
    final CompletableFuture<Object[]> stoppedFuture = new CompletableFuture<>();

    // ---- counters: written by the turn holder, read by anyone
    private volatile long handled, errors, cpuNanos, memoryEstimate;
    volatile long lastActive = System.nanoTime();

    // ---- guarded by the turn
    LuaState L;
    private Turn turn;
    private long sliceStart;
    /** The last turn ran longer than LONG_RUNNER_SLICES slices (see onWork). */
    private boolean longRunnerBefore;
    /** cpuNanos at which the memory estimate is next computed. */
    private long memoryCheckAt;
    /** The last memory estimate and the cpuNanos-based time it was taken at (growth rate for the next check). */
    private long lastMeasured, lastMeasuredAt;
    private boolean stopRequested;
    /** Turns in a row that failed with a Lua error (for the restart policy). */
    private int consecutiveErrors;
    /** A budget error is being raised (its message handler runs unmetered). */
    private boolean raising;
    private boolean mainThreadBusy;
    private Map<TimerHandle, Boolean> timers;
    private long timerSeq;
    private static final String TIMER_FUNCTIONS = "luahost.timer_functions";

    /** Whether waits give the turn away (SessionOptions.interleave). */
    private final boolean interleave;
    /** The state's turn (the coroutines module's Hosting turn, so Async.call on the state queues behind turns); set with the state. */
    private volatile Hosting hosting;
    /** The turn a thread waits in, between beforeWait and afterWait. */
    private static final ThreadLocal<Turn> WAITING = new ThreadLocal<>();
    /** Set on the context thread once registered. */
    volatile MessageConsumer<?> consumer;
    private volatile List<Consumer<Object[]>> subscribers = List.of();

    /** Saves and restores the state; null when the host has no store. Used with the turn. */
    private final SessionSaver saver;
    /** Turns begun and not finished (more than one only with interleaving). Written with the turn, read by the idle sweep. */
    volatile int turnsInProgress;
    /** Timers not yet fired or cancelled. Written with the turn, read by the idle sweep. */
    volatile int liveTimers;
    /** Passivated: the state is unloaded and messages go to the successor. Set once, with the drainer role held for good. */
    volatile boolean gone;
    /** Makes the forwarding of a gone session's leftover messages single-consumer. */
    private final Object forwardLock = new Object();

    /** One message being handled: its envelope, the Lua thread it runs on, its clock. */
    static final class Turn {
        final Envelope env;
        LuaThread thread;
        long start, paused, waitStart;
        LuaThread waitCurrent;
        /** The turn ended with an error. */
        boolean failed;
        /** Whether this turn's thread is the drainer (false once it handed the role over in a wait). */
        boolean drainer = true;
        /** Ids of the sessions whose turns wait on this one (for calls), this session last. */
        String[] chain;
        /** The turn has run longer than a slice: its worker does not count as an active drainer until the turn ends. */
        boolean detached;

        Turn(Envelope env) { this.env = env; }
    }

    SessionImpl(HostImpl host, String id, Script script, SessionOptions options, ContextInternal context) {
        this.host = host;
        this.id = id;
        this.script = script;
        this.options = new SessionOptions(options);
        this.context = context;
        this.sliceNanos = Math.max(1, options.timeSlice().toNanos());
        this.budgetNanos = options.cpuBudget().toNanos();
        this.memoryLimit = options.memoryLimit();
        this.callTimeoutNanos = options.callTimeout().toNanos();
        this.interleave = options.interleave();
        var store = host.options.store();
        this.saver = store == null ? null
                : new SessionSaver(this, store, host.options.unpersistable(), host.options.saveInterval().toNanos());
    }

    // ================================================================ producers (any thread)

    /**
     * Queues a message; returns false (and fails it) when the session is
     * stopped. A gone (passivated) session forwards it to its successor.
     */
    boolean deliver(Envelope e) {
        if (gone) return forward(e);
        if (status == STOPPED) {
            e.fail(stoppedError());
            return false;
        }
        received.incrementAndGet();
        mailbox.offer(e);
        if (scheduled.get() == 0 && scheduled.compareAndSet(0, 1)) {
            startDrainer();
        } else if (gone) {
            // passivated after our offer: the passivating thread may have drained the mailbox before it, so
            // forward what is left now; once this returns, e has been forwarded (by us or by the lock holder)
            forwardLeftovers();
        }
        return true;
    }

    private boolean forward(Envelope e) {
        if (e.kind == Envelope.SAVE || e.kind == Envelope.TIMER) return false;   // the shell's own, nothing to do
        host.forward(this, e);
        return true;
    }

    /** Forwards what is in a gone session's mailbox, in order. */
    private void forwardLeftovers() {
        synchronized (forwardLock) {
            Envelope e;
            while ((e = mailbox.poll()) != null) {
                received.decrementAndGet();
                forward(e);
            }
        }
    }

    /** With the drainer role: a worker of the host's {@link Drainers} will run the turns. */
    private void startDrainer() {
        host.drainers.schedule(this);
    }

    SessionException stoppedError() {
        return new SessionException(Kind.STOPPED, "session '" + id + "' is stopped");
    }

    // ================================================================ the drainer

    /** Messages a worker handles for one session before it gives the others a turn (the session queues again). */
    private static final int BATCH = 64;

    /**
     * Runs turns with the drainer role, on a worker of {@link Drainers}: until
     * the mailbox is empty (then the role is given up), or {@link #BATCH}
     * messages (then the session is queued again, still with the role), or
     * a turn gave the role away while it waited (interleaving).
     */
    void drain() {
        for (int n = 0;; n++) {
            if (n == BATCH) {
                startDrainer();   // with the role: back of the ready queue
                return;
            }
            Envelope e = mailbox.poll();
            if (e == null) {
                scheduled.set(0);
                // a producer may have offered after the poll and seen scheduled == 1
                if (mailbox.isEmpty() || !scheduled.compareAndSet(0, 1)) return;
                continue;
            }
            if (status == STOPPED) {
                received.decrementAndGet();
                e.fail(stoppedError());
                continue;
            }
            Turn t = new Turn(e);
            acquireTurn(t);
            boolean drainer;
            turnsInProgress++;
            try {
                runTurn(t);
                collectIfDue(t);
                afterTurn(t);
                restartIfBroken(t);
            } finally {
                turnsInProgress--;
                drainer = t.drainer;
                releaseTurn(t);
                if (t.detached) host.drainers.unblocked();
            }
            if (!drainer) return;
        }
    }

    private void acquireTurn(Turn t) {
        Hosting h = hosting;
        if (h != null) h.acquireTurn();
        received.decrementAndGet();
        if (L != null) {
            if (!mainThreadBusy) {
                mainThreadBusy = true;
                t.thread = L.mainThread;
            } else {
                t.thread = new LuaThread(L);
            }
            Threads.switchTo(L, t.thread);
        }
        t.start = System.nanoTime();
        sliceStart = t.start;
        turn = t;
    }

    /** Whether turn t has run (not counting its pauses) longer than LONG_RUNNER_SLICES slices by now. */
    private boolean ranLong(Turn t, long now) {
        return now - t.start - t.paused > LONG_RUNNER_SLICES * sliceNanos;
    }

    private void releaseTurn(Turn t) {
        if (stopRequested && status == RUNNING) finishStop(null);   // still with the turn (its finalizers are metered)
        long now = System.nanoTime();
        cpuNanos += now - t.start - t.paused;
        // a session whose turn ran long starts its next turn throttled (a runaway stays a runaway)
        longRunnerBefore = ranLong(t, now);
        if (t.env.kind != Envelope.SAVE) lastActive = now;
        if (t.thread != null && L != null && t.thread == L.mainThread) mainThreadBusy = false;
        turn = null;
        Hosting h = hosting;
        if (h != null) h.releaseTurn();
    }

    private void runTurn(Turn t) {
        Envelope e = t.env;
        try {
            switch (e.kind) {
                case Envelope.START -> start(t);
                case Envelope.CALL -> call(t);
                case Envelope.SEND -> send(t);
                case Envelope.TIMER -> timer(t);
                case Envelope.STOP -> finishStop(e.reply);
                case Envelope.SAVE -> { }
                default -> throw new IllegalStateException("unknown envelope " + e.kind);
            }
            if (e.kind != Envelope.SAVE) consecutiveErrors = 0;
        } catch (SessionException x) {
            errors++;
            t.failed = true;
            if (x.kind() == Kind.LUA_ERROR) consecutiveErrors++;
            e.fail(x);
        } catch (RuntimeException | StackOverflowError x) {
            errors++;
            e.fail(new SessionException(Kind.INTERNAL, "internal error in session '" + id + "': " + x));
            host.internalError(this, x);
        } finally {
            if (e.kind != Envelope.SAVE) handled++;
        }
    }

    /**
     * Between turns (still holding the turn): a Lua-level collection (__gc
     * finalizers, weak tables) when enough finalizable objects accumulated.
     * It is safe only where no Lua code is half-way through an expression, so
     * not while another (interleaved) turn waits. Finalizers run as part of
     * this turn (metered, errors become warnings), before the save.
     */
    private void collectIfDue(Turn t) {
        if (L == null || status != RUNNING || turnsInProgress != 1 || t.thread == null) return;
        if (L.gc().pendingFinalizers() < 1000) return;   // collectIfDue's own first test, without the clock reset
        try {
            freshBudget(t);
            Threads.switchTo(L, t.thread);
            L.gc().collectIfDue(t.thread);
        } catch (LuaError x) {
            errors++;   // a budget error raised while finalizers ran; the finalizers left are run next time
        } catch (RuntimeException x) {
            host.internalError(this, x);
        }
    }

    /** Code the session runs after a turn's handler (finalizers) gets a CPU budget of its own; the time used so far is counted. */
    private void freshBudget(Turn t) {
        long now = System.nanoTime();
        cpuNanos += now - t.start - t.paused;
        t.start = now;
        t.paused = 0;
        sliceStart = now;
    }

    /**
     * The end of the state's life when it is not saved (no store): as
     * lua_close, the pending finalizers run (in the stopping turn, with a
     * fresh budget; errors are warnings).
     */
    private void closeState() {
        Turn t = turn;
        if (saver != null || L == null || t == null || t.thread == null) return;
        try {
            freshBudget(t);
            Threads.switchTo(L, t.thread);
            L.close();
        } catch (RuntimeException x) {
            host.internalError(this, x);
        }
    }

    /** Between turns (still holding the turn): the save the turn calls for. */
    private void afterTurn(Turn t) {
        if (saver == null || status != RUNNING || L == null) return;
        switch (t.env.kind) {
            case Envelope.SAVE -> saver.onSaveMessage();
            case Envelope.STOP -> { }
            default -> {
                if (t.failed) saver.markDirty();   // a failed turn is saved with the next good one (or at stop)
                else saver.afterTurn();
            }
        }
    }

    // ================================================================ turns

    private void start(Turn t) {
        try {
            loadState(t);
        } catch (LuaError x) {   // a syntax error
            failStart(new SessionException(Kind.LUA_ERROR, x.getMessage(), x.value(), null));
            return;
        } catch (SessionException x) {
            failStart(x);
            return;
        }
        status = RUNNING;
        if (memoryLimit > 0) memoryEstimate = measure(memoryLimit + 1);
        host.registerOnBus(this);
        startedFuture.complete(null);
        host.options.listener().started(this);
    }

    /** A new state: libraries, host table, restore (with a store), then the script. Takes the new state's turn. */
    private void loadState(Turn t) {
        {
            L = LuaState.builder().profile(options.profile()).stdout(host.output).stderr(host.output)
                    .stdin(java.io.InputStream.nullInputStream()).meter(this).threadFactory(host.threads).build();
            L.setExtension(SessionImpl.class, this);
            Hosting h = Hosting.of(L);
            h.waitPolicy(this);
            h.acquireTurn();   // uncontended: nobody else knows the state yet; releaseTurn gives it back
            hosting = h;
            HostLibrary.install(L, saver != null);
            mainThreadBusy = true;
            t.thread = L.mainThread;
            Threads.switchTo(L, t.thread);
            host.options.listener().created(this, L);
            if (saver != null) saver.attachAndRestore(L);
            LuaFunction main = L.load(script.source(), script.chunkName(), "t", null);
            // the budget is the script's: creating the state and compiling do not count
            t.start = System.nanoTime();
            sliceStart = t.start;
            invoke(t, main, LuaFunction.NONE);
        }
    }

    /**
     * The restart policy (SessionOptions.restartAfterErrors): after that many
     * turns in a row failed with a Lua error, the state is dropped (its
     * finalizers run when it is not saved) and the session starts again from
     * its script, restoring its last save when the host has a store (failed
     * turns are not saved on their own, so that is the state from before the
     * failures). Only between turns with no other turn waiting.
     */
    private void restartIfBroken(Turn t) {
        int n = options.restartAfterErrors();
        if (n <= 0 || consecutiveErrors < n || status != RUNNING || turnsInProgress != 1 || t.thread == null) return;
        consecutiveErrors = 0;
        host.warn("session '" + id + "' restarts after " + n + " failed turns in a row"
                + (saver != null ? " (from its last save)" : " (with a fresh state)"));
        closeState();
        if (timers != null) {
            for (TimerHandle h : new ArrayList<>(timers.keySet())) {
                h.cancelled = true;
                host.vertx.cancelTimer(h.vertxId);
            }
            timers = null;
            liveTimers = 0;
        }
        Hosting old = hosting;
        if (saver != null) saver.awaitSaves();
        try {
            loadState(t);
        } catch (LuaError | SessionException x) {
            host.warn("session '" + id + "' could not restart: " + x.getMessage() + "; it stops");
            stopRequested = true;
        } finally {
            if (old != null && old != hosting) old.releaseTurn();
        }
    }

    private void failStart(SessionException x) {
        errors++;
        host.unregister(this);
        startedFuture.completeExceptionally(x);
        stopRequested = false;
        finishStop(null);
    }

    private void call(Turn t) {
        Envelope e = t.env;
        Object fn = L.globals.rawget(e.name);
        if (!(fn instanceof LuaFunction f) || (e.luaOnly && !Lua.isLuaFunction(fn))) {
            throw new SessionException(Kind.NO_SUCH_FUNCTION,
                    "session '" + id + "' has no function '" + org.luahost.vm.LuaString.toJava(e.name) + "'");
        }
        t.chain = e.chain;
        Object[] r = invoke(t, f, e.args);
        e.reply.complete(ValueCopy.copyAll(r, "result"));
    }

    private void send(Turn t) {
        Envelope e = t.env;
        Object fn = L.globals.rawget("on_message");
        if (!(fn instanceof LuaFunction f)) {
            throw new SessionException(Kind.NO_SUCH_FUNCTION, "session '" + id + "' has no function 'on_message'");
        }
        Object[] a = new Object[e.args.length + 1];
        a[0] = e.from;
        System.arraycopy(e.args, 0, a, 1, e.args.length);
        invoke(t, f, a);
    }

    private void timer(Turn t) {
        TimerHandle h = t.env.timer;
        if (h.cancelled) return;
        if (!h.periodic) forgetTimer(h);
        invoke(t, h.fn, LuaFunction.NONE);
    }

    /** Runs fn protected on the turn's thread; a Lua error becomes a SessionException with the traceback. */
    private Object[] invoke(Turn t, LuaFunction fn, Object[] args) {
        LuaThread th = t.thread;
        CallResult r = th.tracedCall(fn, args);
        Threads.switchTo(L, th);
        if (!(r instanceof CallResult.Failed failed)) return ((CallResult.Ok) r).values();
        Object v = failed.error();
        String tb = failed.traceback();
        Object copied;
        try {
            copied = ValueCopy.copyAll(new Object[] {v}, "error value")[0];
        } catch (SessionException x) {
            copied = new LuaError(v).getMessage();
        }
        throw new SessionException(Kind.LUA_ERROR, new LuaError(v).getMessage(), copied, tb);
    }

    // ================================================================ the work meter

    @Override
    public int onWork(LuaThread th) {
        Turn t = turn;
        if (t == null || raising) return QUANTUM;
        long now = System.nanoTime();
        if (budgetNanos > 0 && now - t.start - t.paused > budgetNanos) {
            // sticky: every later unit of work of this turn raises it again, so pcall cannot keep the turn alive
            throw budgetError(th, th.where(0) + "CPU budget exceeded (" + options.cpuBudget().toMillis() + " ms per turn)", 0);
        }
        if (now - sliceStart >= sliceNanos) {
            if (!t.detached) {
                t.detached = true;
                host.drainers.blocked();   // another worker serves the other sessions meanwhile
            }
            boolean longRunner = longRunnerBefore || ranLong(t, now);
            long burst = sliceNanos;
            if (longRunner) {
                // a long-running turn runs in short bursts (an eighth of a slice) and sits out as long after
                // each, so that it holds at most half a carrier (and, on a machine short of cores, half a core)
                // and a message that arrives meanwhile waits at most a burst: a yield alone keeps its carrier
                // thread runnable, and the OS shares the cores between it and the carriers serving others
                burst = Math.max(1, sliceNanos / LONG_RUNNER_BURST_DIVISOR);
                java.util.concurrent.locks.LockSupport.parkNanos(burst);
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
     * Raises a budget error. The message handler that raise runs is itself
     * metered work, so the meter stands aside meanwhile; then the thread gets
     * workLeft units before the meter is asked again.
     */
    private LuaError budgetError(LuaThread th, String msg, int workLeft) {
        raising = true;
        try {
            return th.raise(msg);
        } finally {
            raising = false;
            Threads.setWorkLeft(th, workLeft);
        }
    }

    /** The memory estimate (stops counting past cap). Only with the turn. */
    long measure(long cap) {
        List<LuaThread> threads = new ArrayList<>(2);
        Turn t = turn;
        if (t != null && t.thread != null) threads.add(t.thread);
        List<Object> roots = new ArrayList<>();
        if (timers != null) for (TimerHandle h : timers.keySet()) roots.add(h.fn);
        // objects registered for finalization are held by the state's Gc until a collection finds them
        // unreachable (between turns), invisible to the walk: 64 bytes each (a table or userdata at least)
        return Footprint.estimate(L, threads, roots, cap) + 64L * L.gc().pendingFinalizers();
    }

    // ================================================================ waits

    /**
     * Waits for f on the calling Lua thread (parked, through the coroutines
     * module's {@link Async#await}, which calls {@link #beforeWait} and
     * {@link #afterWait}); what names the wait for the timeout message.
     * Returns the values, or raises the failure as a Lua error: a Lua error
     * of another session keeps its value.
     */
    Object[] await(LuaThread th, CompletableFuture<Object[]> f, long timeoutNanos, String what) {
        CompletableFuture<Object[]> g = timeoutNanos > 0 ? f.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS) : f;
        g = g.exceptionallyCompose(x -> {
            Throwable c = x instanceof java.util.concurrent.CompletionException && x.getCause() != null ? x.getCause() : x;
            if (c instanceof TimeoutException) {
                c = new SessionException(Kind.TIMEOUT, what + " timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            } else if (c instanceof SessionException se && se.kind() == Kind.LUA_ERROR) {
                c = new LuaError(se.luaValue());
            }
            return CompletableFuture.failedFuture(c);
        });
        return Async.await(th, g);
    }

    /** {@link WaitPolicy}: a turn is about to wait; stop its clock, and with interleaving give the turn away. */
    @Override
    public void beforeWait(LuaThread th) {
        Turn t = turn;
        if (t == null) return;   // not inside a turn (cannot happen for session code)
        WAITING.set(t);
        t.waitStart = System.nanoTime();
        t.waitCurrent = L.current();
        if (!t.detached) host.drainers.blocked();   // the worker waits: another one serves the other sessions
        if (!interleave) return;
        turn = null;
        if (t.drainer) {
            // hand the drainer role over: the mailbox goes on while this turn waits
            t.drainer = false;
            scheduled.set(0);
            if (!mailbox.isEmpty() && scheduled.compareAndSet(0, 1)) startDrainer();
        }
        hosting.releaseTurn();
    }

    /** {@link WaitPolicy}: the wait ended; with interleaving take the turn back (in arrival order), restart the clock. */
    @Override
    public void afterWait(LuaThread th) {
        Turn t = WAITING.get();
        if (t == null) return;
        WAITING.remove();
        if (interleave) {
            hosting.acquireTurn();
            turn = t;
            Threads.switchTo(L, t.waitCurrent);
        }
        if (!t.detached) host.drainers.unblocked();
        long back = System.nanoTime();
        t.paused += back - t.waitStart;
        sliceStart = back;
    }

    /** Ids whose turns wait on the running turn (for a call it makes), this session last. */
    String[] chainForCall() {
        Turn t = turn;
        String[] c = t == null || t.chain == null ? new String[0] : t.chain;
        String[] out = java.util.Arrays.copyOf(c, c.length + 1);
        out[c.length] = id;
        return out;
    }

    long callTimeoutNanos() { return callTimeoutNanos; }

    boolean interleaves() { return interleave; }

    // ================================================================ timers, push, stop (on the turn)

    TimerHandle addTimer(long ms, LuaFunction fn, boolean periodic) {
        TimerHandle h = new TimerHandle(fn, periodic);
        if (timers == null) timers = new java.util.IdentityHashMap<>();
        timers.put(h, Boolean.TRUE);
        liveTimers = timers.size();
        h.key = ++timerSeq;
        timerFunctions().rawset(h.key, fn);
        long delay = Math.max(1, ms);
        h.vertxId = periodic ? context.setPeriodic(delay, x -> deliver(Envelope.timer(h)))
                : context.setTimer(delay, x -> deliver(Envelope.timer(h)));
        return h;
    }

    boolean cancelTimer(TimerHandle h) {
        if (h.cancelled) return false;
        h.cancelled = true;
        forgetTimer(h);
        return host.vertx.cancelTimer(h.vertxId) || !h.periodic;
    }

    private void forgetTimer(TimerHandle h) {
        if (timers != null) {
            timers.remove(h);
            liveTimers = timers.size();
            if (L != null && h.key != 0) timerFunctions().rawset(h.key, null);
        }
    }

    /**
     * The callbacks of live timers, in a registry table: the Lua collector
     * marks from the registry, so what a pending callback reaches is neither
     * finalized nor cleared from weak tables. The registry is not saved.
     */
    private org.luahost.vm.LuaTable timerFunctions() {
        if (L.registry.rawget(TIMER_FUNCTIONS) instanceof org.luahost.vm.LuaTable t) return t;
        org.luahost.vm.LuaTable t = new org.luahost.vm.LuaTable();
        L.registry.rawset(TIMER_FUNCTIONS, t);
        return t;
    }

    CompletableFuture<Object[]> sleep(long ms) {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        if (ms <= 0) {
            f.complete(LuaFunction.NONE);
        } else {
            context.setTimer(ms, x -> f.complete(LuaFunction.NONE));
        }
        return f;
    }

    void push(Object[] values) {
        List<Consumer<Object[]>> subs = subscribers;
        if (subs.isEmpty()) return;
        Object[] copy = ValueCopy.copyAll(values, "pushed value");
        for (Consumer<Object[]> s : subs) s.accept(copy);
    }

    synchronized AutoCloseable subscribe(Consumer<Object[]> receiver) {
        List<Consumer<Object[]>> l = new ArrayList<>(subscribers);
        l.add(receiver);
        subscribers = List.copyOf(l);
        return () -> {
            synchronized (SessionImpl.this) {
                List<Consumer<Object[]>> m = new ArrayList<>(subscribers);
                m.remove(receiver);
                subscribers = List.copyOf(m);
            }
        };
    }

    boolean hasSubscribers() { return !subscribers.isEmpty(); }

    /**
     * host.persist(): captures now and returns the future of the save that
     * makes the state durable (a failure is the reason it could not be saved).
     */
    CompletableFuture<Long> persist() {
        if (saver == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "sessions of this host are not saved (it has no session store; luahost serve saves them unless --no-data)"));
        }
        return saver.save();
    }

    // ================================================================ passivation

    /**
     * Passivates the session if it is idle (called by the idle sweep, on any
     * thread): takes the drainer role so that no turn starts, then a virtual
     * thread saves and unloads (see {@link #passivateRun}).
     */
    void passivate() {
        if (!scheduled.compareAndSet(0, 1)) return;
        if (!mailbox.isEmpty()) {
            startDrainer();   // we hold the drainer role, so we start the drainer
            return;
        }
        host.threads.newThread(this::passivateRun).start();
    }

    /**
     * With the drainer role: takes the state's turn, saves and waits until the
     * save is durable; if the mailbox is still empty, unloads the state and
     * becomes a gone shell (forwarding whatever raced in). Otherwise (a
     * message came, a turn or timer is pending, the save failed) it goes on
     * as the drainer and the session stays loaded.
     */
    private void passivateRun() {
        Hosting h = hosting;
        boolean unloaded = false;
        if (h != null) h.acquireTurn();
        try {
            if (status == RUNNING && L != null && turnsInProgress == 0 && liveTimers == 0 && !hasSubscribers()) {
                host.options.listener().idle(this);
                if ((saver == null || saver.saveAndWait()) && mailbox.isEmpty()) {
                    // a turn of its own, for the finalizers that run when the state is dropped (no store)
                    Turn t = new Turn(Envelope.save());
                    t.thread = L.mainThread;
                    t.start = System.nanoTime();
                    turn = t;
                    try {
                        unload();
                    } finally {
                        turn = null;
                        if (t.detached) host.drainers.unblocked();   // finalizers ran past a slice (see onWork)
                    }
                    unloaded = true;
                } else {
                    lastActive = System.nanoTime();   // not again before another idle period
                }
            }
        } catch (RuntimeException x) {
            host.internalError(this, x);
        } finally {
            if (h != null) h.releaseTurn();
        }
        if (unloaded) {
            forwardLeftovers();
            host.options.listener().stopped(this);
        } else {
            startDrainer();   // still with the drainer role
        }
    }

    /** With the turn and the drainer role (kept for good): the state goes, deliveries now forward. */
    private void unload() {
        status = STOPPING;
        try {
            host.options.listener().stopping(this, L);
        } catch (RuntimeException x) {
            host.internalError(this, x);
        }
        closeState();   // without a store the state ends here
        gone = true;
        status = STOPPED;
        host.passivated(this);
        L = null;
        stoppedFuture.complete(null);
    }

    /** host.stop(): the session stops once this turn ends. */
    void requestStop() { stopRequested = true; }

    /** Stops now (on the turn): listener, timers, bus, registry, then fails what is left in the mailbox. */
    private void finishStop(CompletableFuture<Object[]> reply) {
        if (status == STOPPED) {
            if (reply != null) reply.complete(null);
            return;
        }
        boolean wasRunning = status == RUNNING;
        status = STOPPING;
        if (wasRunning && L != null) {
            try {
                host.options.listener().stopping(this, L);
            } catch (RuntimeException x) {
                host.internalError(this, x);
            }
            if (saver != null) saver.saveAndWait();   // a failure was reported; the previous snapshot stays
            else closeState();
        }
        if (timers != null) {
            for (TimerHandle h : new ArrayList<>(timers.keySet())) {
                h.cancelled = true;
                host.vertx.cancelTimer(h.vertxId);
            }
            timers = null;
            liveTimers = 0;
        }
        host.unregister(this);
        status = STOPPED;
        Envelope e;
        while ((e = mailbox.poll()) != null) {
            received.decrementAndGet();
            e.fail(stoppedError());
        }
        L = null;
        if (reply != null) reply.complete(null);
        stoppedFuture.complete(null);
        if (!startedFuture.isDone()) startedFuture.completeExceptionally(stoppedError());
        host.options.listener().stopped(this);
    }

    // ================================================================ Session

    @Override
    public String id() { return id; }

    @Override
    public Future<Object[]> call(String fname, Object... args) { return host.call(this, fname, args); }

    @Override
    public void send(Object... message) { host.send(this, null, message); }

    @Override
    public Future<Void> stop() { return host.stop(this); }

    @Override
    public SessionStats stats() {
        return new SessionStats(id, handled, errors, cpuNanos, memoryEstimate, Math.max(0, received.get()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActive));
    }

    @Override
    public SessionOptions options() { return new SessionOptions(options); }

    @Override
    public String address() { return host.options.addressPrefix() + id; }

    boolean isIdle() { return scheduled.get() == 0 && mailbox.isEmpty(); }
}
