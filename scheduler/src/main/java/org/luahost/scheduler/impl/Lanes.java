package org.luahost.scheduler.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

import org.luahost.coroutines.Carrier;

/**
 * Where the host's virtual threads run: the JDK's carriers (the fast lane)
 * or, while they run a long turn, one platform thread of their own (the
 * slow lane).
 *
 * <h2>Why</h2>
 * A turn that runs past a couple of time slices (a runaway, a long
 * computation) runs in short bursts with pauses (see
 * {@link SessionImpl#onWork}). On the JDK's carriers those bursts make the
 * carrier threads look CPU-bound to the operating system: on a machine whose
 * cores are all busy (other processes), a carrier that wakes up for a
 * short message then waits behind the other processes for a core, several
 * milliseconds, although the message needs a few microseconds. On the slow
 * lane the long runners' CPU time is charged to a thread of their own, so the
 * carriers stay the light sleepers the OS wakes first, and all long runners
 * together hold at most one core.
 *
 * <h2>How</h2>
 * Every thread from {@link #threads} gets its own {@link Lane}: the
 * executor that schedules its continuation (the JDK runs each step of a
 * virtual thread as a task of its scheduler). A lane sends the steps to the
 * JDK's default scheduler, or to the slow carrier while {@link Lane#slow} is
 * set. A thread that sets its lane's flag moves at its next park (see
 * {@link #toSlow}); one that clears it moves back at its next yield
 * ({@link #toFast}).
 *
 * <h2>Availability</h2>
 * Choosing a virtual thread's scheduler and reaching the JDK's default one
 * need {@code --add-opens java.base/java.lang=ALL-UNNAMED} (as {@link Carrier}
 * does; {@code ./luahost} passes it). Without it {@link #threads} makes
 * ordinary virtual threads and long runners stay on the JDK's carriers, as
 * they also do with {@code -Dluahost.lanes=false}.
 */
final class Lanes implements AutoCloseable {
    /** The JDK's virtual-thread scheduler, or null if not accessible. */
    private static final Executor DEFAULT_SCHEDULER = defaultScheduler();
    /** -Dluahost.lanes=false keeps long runners on the JDK's carriers (to compare). */
    private static final boolean ENABLED = !"false".equals(System.getProperty("luahost.lanes"));
    /** The lane of the running thread (bound for the whole run of every thread from {@link #threads}). */
    private static final ScopedValue<Lane> CURRENT = ScopedValue.newInstance();

    private final String name;
    private final ThreadFactory plain;
    /** Started on first use; guarded by this. */
    private volatile Carrier slowCarrier;
    private volatile boolean closed;

    Lanes(String name) {
        this.name = name;
        this.plain = Thread.ofVirtual().name(name).inheritInheritableThreadLocals(false).factory();
    }

    /** Whether long runners can move to the slow lane in this JVM (see the class comment). */
    static boolean supported() {
        return DEFAULT_SCHEDULER != null && Carrier.supported() && ENABLED;
    }

    /** The factory of the host's virtual threads (drainer workers, Lua coroutines, passivation). */
    final ThreadFactory threads = this::newThread;

    private Thread newThread(Runnable r) {
        if (!supported()) return plain.newThread(r);
        Lane lane = new Lane(this);
        return Carrier.virtualThreads(lane, name).newThread(() -> ScopedValue.where(CURRENT, lane).run(r));
    }

    /**
     * The running thread's turn has become a long runner: its lane goes slow,
     * and the thread moves to the slow carrier at its next park (the caller
     * parks right after). Returns the lane (to pass to {@link #toFast}), or
     * null if the thread has none.
     */
    static Lane toSlow() {
        if (!CURRENT.isBound()) return null;
        Lane lane = CURRENT.get();
        if (lane.owner.closed) return null;
        lane.slow = true;
        return lane;
    }

    /**
     * The lane's long turn ended: the lane's thread runs on the JDK's
     * carriers again from its next park; if that is the running thread, it
     * moves now (a yield).
     */
    static void toFast(Lane lane) {
        if (lane == null || !lane.slow) return;
        lane.slow = false;
        if (CURRENT.isBound() && CURRENT.get() == lane) Thread.yield();
    }

    private Carrier slowCarrier() {
        Carrier c = slowCarrier;
        if (c == null) {
            synchronized (this) {
                if (closed) throw new java.util.concurrent.RejectedExecutionException("the host is closed");
                c = slowCarrier;
                if (c == null) {
                    slowCarrier = c = Carrier.start(name + "-long-runners", 1L << 30);
                    c.execute(Lanes::lowerPriority);   // runs on the carrier thread first
                }
            }
        }
        return c;
    }

    /** Stops the slow carrier (its threads go back to the JDK's carriers). */
    @Override
    public void close() {
        Carrier c;
        synchronized (this) {
            closed = true;
            c = slowCarrier;
            slowCarrier = null;
        }
        if (c != null) c.close();
    }

    /** One thread's scheduler: see the class comment. */
    static final class Lane implements Executor {
        final Lanes owner;
        volatile boolean slow;

        Lane(Lanes owner) { this.owner = owner; }

        @Override
        public void execute(Runnable step) {
            if (slow && !owner.closed) {
                try {
                    owner.slowCarrier().execute(step);
                    return;
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    slow = false;   // the host closed meanwhile: the JDK's carriers take it
                }
            }
            DEFAULT_SCHEDULER.execute(step);
        }
    }

    /** The nice value the slow carrier sets for itself (Linux; see lowerPriority). */
    static final int SLOW_NICE = 10;

    /**
     * Lowers the calling platform thread's scheduling priority (nice
     * {@link #SLOW_NICE}) where the OS allows it without privileges: Linux,
     * where the nice value belongs to each thread. Elsewhere, or if the call
     * fails, nothing changes.
     */
    static void lowerPriority() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) return;
        try {
            var linker = java.lang.foreign.Linker.nativeLinker();
            var libc = linker.defaultLookup();
            var gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT));
            var setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT,
                            java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT,
                            java.lang.foreign.ValueLayout.JAVA_INT));
            int tid = (int) gettid.invokeExact();
            int rc = (int) setpriority.invokeExact(0 /* PRIO_PROCESS: with a thread id, that thread */, tid, SLOW_NICE);
            if (Boolean.getBoolean("luahost.lanes.debug")) System.err.println("luahost: slow lane thread " + tid + " nice " + SLOW_NICE + " rc " + rc);
        } catch (Throwable e) {
            // no native access (--enable-native-access), or no such functions: the priority stays
        }
    }

    private static Executor defaultScheduler() {
        try {
            Class<?> vt = Class.forName("java.lang.VirtualThread");
            VarHandle h = MethodHandles.privateLookupIn(vt, MethodHandles.lookup())
                    .findStaticVarHandle(vt, "DEFAULT_SCHEDULER", java.util.concurrent.ForkJoinPool.class);
            return (Executor) h.get();
        } catch (Throwable e) {
            return null;   // not opened, or a JDK where the scheduler is elsewhere
        }
    }
}
