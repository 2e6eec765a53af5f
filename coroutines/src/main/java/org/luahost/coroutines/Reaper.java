package org.luahost.coroutines;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-state bookkeeping of coroutine threads, and the release of suspended
 * coroutines that Lua code can no longer reach.
 *
 * <h2>How a lost coroutine lets go of its thread</h2>
 * Lua code holds a {@link Coroutine} handle; the coroutine's virtual thread
 * (its stack, its {@link CoThread}) never references that handle strongly.
 * When the handle becomes unreachable, a {@link Cleaner} action runs:
 * <ul>
 * <li>If the virtual thread is unreachable too, the JVM collects the thread
 *     with its stack; nothing is left to do (counted as {@link #collected}).
 *     This is the case when the JVM runs with {@code -Djdk.trackAllThreads=false}:
 *     then a parked virtual thread is referenced only by its coroutine.</li>
 * <li>Otherwise (by default the JDK keeps every virtual thread in a global
 *     set for thread dumps), the thread is queued here. The next time this
 *     state creates or resumes a coroutine, the running Lua thread hands the
 *     turn to each queued thread with the command {@link Baton#DIE}; the
 *     thread unwinds with a private {@link Error} (no Lua code, no
 *     {@code __close} runs: a collected coroutine does not close its
 *     variables in the reference either) and ends. This keeps "one thread of
 *     a state runs at a time" even while dying.</li>
 * </ul>
 *
 * <p>The queue and counters are touched by the state's running thread and by
 * the cleaner thread, hence the concurrent types. A Reaper must not reference
 * its {@code LuaState}: pending cleaner actions reference the Reaper.
 */
final class Reaper {
    /** One cleaner thread for all states, started with the first coroutine thread; its actions only enqueue. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon()
                .name("luahost-coroutine-cleaner").stackSize(256 << 10).factory());
    }

    private final ConcurrentLinkedQueue<Grave> graves = new ConcurrentLinkedQueue<>();

    final AtomicLong started = new AtomicLong();
    final AtomicLong finished = new AtomicLong();
    final AtomicLong killed = new AtomicLong();
    final AtomicLong collected = new AtomicLong();

    record Grave(Baton baton, Thread thread) {}

    /** The cleaner action of one coroutine handle. Holds no strong reference to the thread or the handle. */
    static final class Reap implements Runnable {
        private final Baton baton;
        private final WeakReference<Thread> thread;
        private final Reaper reaper;

        Reap(Baton baton, Thread thread, Reaper reaper) {
            this.baton = baton;
            this.thread = new WeakReference<>(thread);
            this.reaper = reaper;
        }

        @Override
        public void run() {
            if (baton.done) return;
            Thread t = thread.get();
            if (t == null) {
                reaper.collected.incrementAndGet();
                return;
            }
            reaper.graves.offer(new Grave(baton, t));
        }
    }

    Cleaner.Cleanable watch(Coroutine handle, Baton baton, Thread thread) {
        return Holder.CLEANER.register(handle, new Reap(baton, thread, this));
    }

    /** True when lost coroutines wait to be released. */
    boolean pending() { return !graves.isEmpty(); }

    /** Releases every queued lost coroutine; runs on the state's current thread, which waits for each. */
    void drain() {
        Grave g;
        while ((g = graves.poll()) != null) {
            Baton b = g.baton();
            if (b.done) continue;
            b.waiter = Thread.currentThread();
            b.turn = Baton.DIE;
            java.util.concurrent.locks.LockSupport.unpark(g.thread());
            b.awaitBack();
            b.waiter = null;
            b.values = null;
            b.value = null;
            b.thrown = null;
            killed.incrementAndGet();
        }
    }

    /** Coroutine threads started and neither ended nor collected. */
    long live() { return started.get() - finished.get() - collected.get(); }
}
