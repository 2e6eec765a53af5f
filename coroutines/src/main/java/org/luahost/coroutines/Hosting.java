package org.luahost.coroutines;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

import org.luahost.vm.LuaState;

/**
 * How a host runs one Lua state's code: the factory of the Java threads its
 * Lua threads run on, its turn, and what it does with the turn while Lua
 * waits on Java ({@link WaitPolicy}). One per state, created with the state
 * (the coroutine library installs it), found with {@link #of}.
 *
 * <h2>Threads</h2>
 * Every coroutine of the state, and every call made through {@link Async#call}
 * or {@link Async#execute}, runs on a new thread of {@link #threads()}. The
 * default makes plain virtual threads (the JDK's scheduler). A host may supply
 * its own factory before the state runs any Lua code, e.g. virtual threads on
 * one carrier per state ({@link Carriers}); it should make virtual threads:
 * {@link Async#await} refuses to block a platform thread.
 *
 * <h2>The turn</h2>
 * At most one Java thread runs a state's Lua code at any time. Inside one
 * call, coroutines keep that rule by handing the turn along (see
 * {@link Baton}); between independent calls from Java, {@link Async#call} and
 * {@link Async#execute} take this state-wide turn (a fair semaphore: callers
 * run in arrival order) and give it back when they finish. A host that runs
 * Lua on its own threads (e.g. {@link LuaState#call} from a session's
 * virtual thread) must hold the turn too, or otherwise ensure one caller at a
 * time. The turn is not owned by a thread: {@link WaitPolicy#INTERLEAVE}
 * releases it on a coroutine's thread that did not take it.
 *
 * <p>Thread-safety: the settings are volatile and may be read from any
 * thread; set them before the state runs Lua code. {@link #of} must be first
 * called before the state is shared between threads (it is, for every state
 * made by {@link LuaState#create}).
 */
public final class Hosting {
    private static final ThreadFactory DEFAULT_THREADS =
            Thread.ofVirtual().name("lua-thread").inheritInheritableThreadLocals(false).factory();

    final Reaper reaper = new Reaper();
    /** Java classes exposed to Lua as userdata on this state ({@link UserdataType#register}), and a lookup cache. */
    final java.util.concurrent.ConcurrentHashMap<Class<?>, UserdataType.Registered> types = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.concurrent.ConcurrentHashMap<Class<?>, UserdataType.Registered> typeCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Semaphore turn = new Semaphore(1, true);
    private volatile ThreadFactory threads;
    private volatile WaitPolicy waitPolicy = WaitPolicy.KEEP_TURN;

    private Hosting(ThreadFactory threads) { this.threads = threads; }

    /**
     * The state's hosting settings; created on the first call, with the
     * thread factory the state was built with
     * ({@link org.luahost.vm.LuaStateBuilder#threadFactory}) or plain virtual threads.
     */
    public static Hosting of(LuaState L) {
        Hosting h = L.extension(Hosting.class);
        if (h == null) {
            ThreadFactory f = L.threadFactory();
            L.setExtension(Hosting.class, h = new Hosting(f != null ? f : DEFAULT_THREADS));
        }
        return h;
    }

    /** The factory of the Java threads the state's Lua threads (coroutines, calls from Java) run on. */
    public ThreadFactory threads() { return threads; }

    /**
     * Sets the thread factory; takes effect for threads started afterwards
     * (idle reusable threads end). Prefer giving it to the state's builder;
     * this is for tests that change it between runs, with the turn held.
     */
    public Hosting threads(ThreadFactory factory) {
        this.threads = Objects.requireNonNull(factory, "factory");
        clearIdle();
        return this;
    }

    // ---------------------------------------------------------------- reuse of finished coroutines' threads

    /**
     * How many threads of finished coroutines may wait to run the next new
     * coroutine ({@link Worker}): 4 when the JVM runs with
     * {@code -Djdk.trackAllThreads=false} (as {@code ./luahost} does), where
     * an idle parked virtual thread that nothing references is collected; 0
     * otherwise, since the JDK would then keep idle threads of a dropped
     * state forever. Small, because a host may run many states (sessions):
     * an idle thread keeps its stack chunk, about 1.5 KB for a coroutine that
     * yielded at a shallow depth (deeper ones are not kept, see {@link CoThread}),
     * and one idle thread already serves coroutines created one after another.
     */
    static final int DEFAULT_MAX_IDLE = "false".equals(System.getProperty("jdk.trackAllThreads")) ? 4 : 0;

    /** Idle workers; touched only by the thread that holds the state's turn (see {@link Baton}). */
    private final java.util.ArrayDeque<Worker> idle = new java.util.ArrayDeque<>();
    private int maxIdle = DEFAULT_MAX_IDLE;

    /** Sets the bound of the idle pool (0: every coroutine gets a new thread); call while no Lua code of the state runs. */
    void maxIdleThreads(int n) {
        maxIdle = Math.max(0, n);
        while (idle.size() > maxIdle) idle.pollLast().stop();
    }

    /** An idle worker to run a new coroutine, or null; on the thread holding the turn. */
    Worker takeIdle() { return idle.pollLast(); }

    /** Puts a worker whose coroutine has finished in the pool if there is room; on the thread holding the turn. */
    boolean offerIdle(Worker w) {
        if (idle.size() >= maxIdle) return false;
        idle.addLast(w);
        return true;
    }

    private void clearIdle() {
        Worker w;
        while ((w = idle.pollLast()) != null) w.stop();
    }

    /** What the state does with its turn while Lua waits on Java. */
    public WaitPolicy waitPolicy() { return waitPolicy; }

    public Hosting waitPolicy(WaitPolicy policy) {
        this.waitPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Takes the state's turn, waiting (parked, in arrival order) until it is free; not interruptible. */
    public void acquireTurn() { turn.acquireUninterruptibly(); }

    /** Takes the turn if it is free now. */
    public boolean tryAcquireTurn() { return turn.tryAcquire(); }

    /** Gives the turn back; any thread may release a turn another thread took. */
    public void releaseTurn() { turn.release(); }
}
