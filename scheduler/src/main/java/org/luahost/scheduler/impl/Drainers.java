package org.luahost.scheduler.impl;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's drainer threads: virtual threads that take sessions with
 * messages waiting from one ready queue and run their turns
 * ({@link TurnRunner#drain}), so that a busy host does not start a thread
 * for every burst of messages.
 *
 * <p>A session is in the ready queue at most once (it is queued by whoever
 * took its drainer role, see {@link Mailbox#offer}). A worker runs a
 * session's turns for a bounded number of messages and queues it
 * again at the back if more wait, so that a session fed without pause does
 * not keep a worker from the others.
 *
 * <p>At most {@link #target} workers are <em>active</em>. A worker whose turn
 * blocks (a wait: host.call, host.sleep, a Java future) or runs longer than
 * one time slice stops counting as active until the wait or the turn ends
 * ({@link #blocked}/{@link #unblocked}), and another worker starts if
 * sessions wait. So a turn waiting on another session's answer never keeps
 * that session from running, and long turns share the carriers with the
 * other sessions' turns as they did with a thread per session (the time
 * slice yields, the throttle parks). A worker that finds the queue empty, or
 * that comes back to more active workers than the target, ends (the next
 * delivery starts one again): an idle host holds no thread.
 *
 * <p>Lost wake-ups: a producer queues and then reads the active count; a
 * worker that is about to end lowers the count and then re-checks the queue.
 * Both are sequentially consistent, so one of them sees the other.
 */
final class Drainers {
    /** How long a worker that found nothing to do waits for more before it ends. */
    private static final long LINGER_NANOS = 50_000;
    /** Where workers come from: the host's virtual threads, or platform threads once rescued. */
    private volatile ThreadFactory threads;
    /** Workers that may be active at once (raised by {@link #rescue}). */
    private volatile int target;
    private final ConcurrentLinkedQueue<SessionImpl> ready = new ConcurrentLinkedQueue<>();
    /** Workers that exist and are not blocked. */
    private final AtomicInteger active = new AtomicInteger();

    Drainers(ThreadFactory threads, int target) {
        this.threads = threads;
        this.target = Math.max(1, target);
    }

    /**
     * The host is closing and some sessions did not stop in time (see
     * {@link Shutdown}): from now on workers are platform threads (daemons),
     * and more of them may be active, so the sessions' STOPs run even when
     * every virtual-thread carrier is held by a turn stuck in Java code
     * (busy Lua code yields its carrier; a Java loop that never reaches a
     * work check does not). Any thread; idempotent.
     */
    void rescue() {
        if (!(threads instanceof Rescue)) {
            threads = new Rescue();
            target = target + RESCUE_WORKERS;
        }
        while (!ready.isEmpty() && active.get() < target) tryStartWorker();
    }

    /** Extra workers a rescue allows. */
    private static final int RESCUE_WORKERS = 4;

    /** The platform threads of a rescue. */
    private static final class Rescue implements ThreadFactory {
        private final ThreadFactory f = Thread.ofPlatform().daemon().name("luahost-close-drainer-", 0).factory();

        @Override public Thread newThread(Runnable r) { return f.newThread(r); }
    }

    /** Queues a session whose drainer role the caller holds; a worker will drain it. */
    void schedule(SessionImpl s) {
        ready.offer(s);
        if (active.get() < target) tryStartWorker();
    }

    private void tryStartWorker() {
        for (;;) {
            int a = active.get();
            if (a >= target) return;
            if (active.compareAndSet(a, a + 1)) break;
        }
        threads.newThread(this::work).start();
    }

    private void work() {
        for (;;) {
            SessionImpl s = ready.poll();
            if (s == null) {
                // linger a moment before ending: a host fed steadily but drained faster than fed would otherwise
                // end and start a worker for almost every message (still counted active meanwhile, so producers
                // leave the next session to this worker)
                java.util.concurrent.locks.LockSupport.parkNanos(LINGER_NANOS);
                s = ready.poll();
            }
            if (s == null) {
                active.decrementAndGet();
                // a producer may have queued after the poll and seen the count at the target
                if (ready.isEmpty()) return;
                for (;;) {
                    int a = active.get();
                    if (a >= target) return;   // another worker is there to take it
                    if (active.compareAndSet(a, a + 1)) break;
                }
                continue;
            }
            try {
                s.drain();
            } catch (Throwable x) {
                // a bug in the drain loop (turns catch what their code throws): the session keeps its drainer
                // role, so it goes back to the queue rather than being wedged, and this worker goes on
                s.host.internalError(s, "drain loop", x);
                ready.offer(s);
            }
            Thread.interrupted();   // an interrupt meant for one session's turn does not reach the next session's
            for (;;) {   // more active workers than the target (blocked ones came back): this one retires
                int a = active.get();
                if (a <= target) break;
                if (active.compareAndSet(a, a - 1)) return;
            }
        }
    }

    /** The calling worker's turn blocks: it stops counting, and another worker starts if sessions wait. */
    void blocked() {
        active.decrementAndGet();
        if (!ready.isEmpty()) tryStartWorker();
    }

    /** The calling worker's turn goes on after blocked(). */
    void unblocked() {
        active.incrementAndGet();
    }
}
