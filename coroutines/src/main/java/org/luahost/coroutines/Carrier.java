package org.luahost.coroutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * One platform thread that carries virtual threads: the scheduler of a Lua
 * state's threads when the host wants all of them on one carrier.
 *
 * <h2>Why</h2>
 * A coroutine switch is an unpark of one virtual thread and a park of
 * another. On the JDK's shared scheduler the woken thread may be stolen by
 * another carrier (another core), which costs a cross-core wake-up per
 * switch; on one carrier the switch is a queue insertion and a continuation
 * yield/run on the same core, with no system call. The carrier's own stack
 * size (not {@code -Xss}) also bounds how deep Lua may recurse inside the
 * virtual threads it carries, since a mounted virtual thread runs on its
 * carrier's stack.
 *
 * <h2>Availability</h2>
 * The JDK has no public API to choose a virtual thread's scheduler; this
 * uses the package-private constructor {@code ThreadBuilders.VirtualThreadBuilder(Executor)}
 * (present in JDK 21 to 25), which needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}.
 * Without it, {@link #supported()} is false and {@link #virtualThreads} falls
 * back to ordinary virtual threads, so code using a carrier still works, only
 * with slower switches.
 *
 * <h2>Threads</h2>
 * {@link #execute} may be called from any thread (an unpark from a carried
 * virtual thread, a completion on an event loop, a timer). Tasks run one at a
 * time in arrival order on the carrier thread. A task that blocks the carrier
 * (a virtual thread pinned in a blocking system call) stops the others.
 * The carrier thread is a daemon and lives until {@link #close}.
 */
public final class Carrier implements Executor, AutoCloseable {
    private static final MethodHandle BUILDER = builderConstructor();
    /** Thread.currentCarrierThread(): the platform thread under the running (virtual) thread, or null if not accessible. */
    private static final MethodHandle CURRENT_CARRIER = currentCarrier();

    /** Tasks submitted from other threads (completions on event loops, timers, the cleaner). */
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /**
     * Tasks submitted by code running on the carrier itself (a carried virtual
     * thread unparking another: every coroutine switch); touched only by the
     * carrier thread, so no synchronization.
     */
    private final java.util.ArrayDeque<Runnable> local = new java.util.ArrayDeque<>();
    /**
     * The first task submitted on the carrier since the loop last looked, kept
     * out of {@link #local}: a coroutine switch submits exactly one (the
     * woken thread) before the running thread parks, so the common case is a
     * field write and a read instead of a deque's insertion and removal.
     * Carrier thread only; tasks run in arrival order ({@code next} first).
     */
    private Runnable next;
    private final Thread thread;
    /** Set by the carrier before it parks on an empty queue; producers that see it unpark the carrier. */
    private volatile boolean sleeping;
    private volatile boolean closed;

    private Carrier(String name, long stackSize) {
        thread = Thread.ofPlatform().name(name).daemon().stackSize(stackSize).unstarted(this::loop);
        thread.start();
    }

    /**
     * Starts a carrier thread; stackSize bounds the Java stack of the virtual
     * threads it carries (Lua recursion reaches the VM's own "stack
     * overflow" limit with about 1 GB; only what is used is committed).
     */
    public static Carrier start(String name, long stackSize) { return new Carrier(name, stackSize); }

    /** Whether this JDK lets virtual threads run on a chosen carrier (see the class comment). */
    public static boolean supported() { return BUILDER != null; }

    /**
     * A factory of virtual threads scheduled on this carrier, all with the
     * given name (one shared string: a per-thread name would cost every
     * suspended coroutine about 56 bytes); ordinary virtual threads if
     * {@link #supported()} is false.
     */
    public ThreadFactory virtualThreads(String name) { return virtualThreads(this, name); }

    /**
     * A factory of virtual threads scheduled by the given executor (each
     * continuation step of a thread is one task; the executor must run tasks
     * on platform threads, one at a time per virtual thread, and never drop
     * them), all named name; ordinary virtual threads if {@link #supported()}
     * is false. This is how a host supplies its own carriers for a state's
     * Lua threads: {@code Hosting.of(L).threads(Carrier.virtualThreads(executor, "lua"))}.
     */
    public static ThreadFactory virtualThreads(Executor scheduler, String name) {
        Thread.Builder.OfVirtual b = null;
        if (BUILDER != null) {
            try {
                b = (Thread.Builder.OfVirtual) BUILDER.invoke(scheduler);
            } catch (Throwable e) {
                b = null;
            }
        }
        if (b == null) b = Thread.ofVirtual();
        return b.name(name).inheritInheritableThreadLocals(false).factory();
    }

    @Override
    public void execute(Runnable task) {
        if (closed) throw new RejectedExecutionException("carrier " + thread.getName() + " is closed");
        if (onCarrier()) {
            if (next == null && local.isEmpty()) next = task;
            else local.addLast(task);
            return;
        }
        tasks.offer(task);
        if (sleeping) LockSupport.unpark(thread);
    }

    private boolean onCarrier() {
        if (CURRENT_CARRIER == null) return false;
        try {
            return (Thread) CURRENT_CARRIER.invokeExact() == thread;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The carrier's platform thread (for diagnostics). */
    public Thread thread() { return thread; }

    /** Stops the carrier once the tasks queued now have run; later {@link #execute} calls are refused. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void loop() {
        for (;;) {
            Runnable t = next;
            if (t != null) next = null;
            else if ((t = local.pollFirst()) == null) t = tasks.poll();
            if (t == null) {
                sleeping = true;
                t = tasks.poll();           // a producer may have offered before it saw the flag
                if (t == null) {
                    if (closed) return;
                    LockSupport.park(this);
                    sleeping = false;
                    continue;
                }
                sleeping = false;
            }
            try {
                t.run();
            } catch (Throwable e) {
                // a virtual thread's continuation handles its own exceptions; anything here is a JDK or host bug
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h != null) h.uncaughtException(thread, e);
                else e.printStackTrace();
            }
        }
    }

    private static MethodHandle currentCarrier() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            MethodHandle h = lookup.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            if ((Thread) h.invokeExact() != Thread.currentThread()) return null;   // on a platform thread they agree
            return h;
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle builderConstructor() {
        try {
            Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
            MethodHandle h = lookup.findConstructor(c, MethodType.methodType(void.class, Executor.class));
            Object probe = h.invoke((Executor) Runnable::run);
            if (!(probe instanceof Thread.Builder.OfVirtual)) return null;
            return h;
        } catch (Throwable e) {
            return null;   // not opened (no --add-opens java.base/java.lang), or a JDK without it
        }
    }
}
