package org.luahost.coroutines;

import java.util.concurrent.locks.LockSupport;

/**
 * The body of a coroutine's virtual thread: runs the coroutine it was started
 * for and, when that coroutine has finished, may wait in its state's pool of
 * idle threads ({@link Hosting#takeIdle}) to run the body of a later
 * coroutine instead of ending. A thread serves one coroutine at a time: it is
 * put back only once its coroutine's body has returned or failed, and taken
 * only by a coroutine that has not started yet. Reuse saves what a new
 * thread costs: the thread and continuation objects, and the stack chunk the
 * JDK allocates at a new thread's first yield.
 *
 * <h2>Memory</h2>
 * An idle worker references its {@link Hosting} (for the pool) and nothing
 * of the coroutines it served: the one it ran is dropped before it parks.
 * Hosting references neither the state nor its coroutines, so idle workers
 * keep no Lua state alive; they are parked virtual threads referenced only by
 * the pool, collected with it when the JVM does not track all virtual threads
 * (pooling is off otherwise, see {@link Hosting}).
 *
 * <p>Threads: {@link #next} is written by the state's running thread (which
 * holds the turn) and read by this worker; the write is volatile and is
 * followed by an unpark.
 */
final class Worker implements Runnable {
    private final Hosting hosting;
    /** The coroutine to run next; null while there is none. */
    private volatile CoThread next;
    private volatile boolean stop;
    Thread thread;

    Worker(Hosting hosting, CoThread first) {
        this.hosting = hosting;
        this.next = first;
    }

    @Override
    public void run() {
        CoThread co = take();
        while (co != null) {
            boolean pooled = co.runBody(this);
            co = null;              // an idle worker must not keep the coroutine it ran alive
            if (!pooled) return;
            co = take();
        }
    }

    /** Hands this idle worker the (not yet started) coroutine co and wakes it. */
    void assign(CoThread co) {
        next = co;
        LockSupport.unpark(thread);
    }

    /** Makes this idle worker end. */
    void stop() {
        stop = true;
        LockSupport.unpark(thread);
    }

    /** Puts this worker in the pool if there is room (called on it, while it holds the turn). */
    boolean offerIdle() {
        return hosting.offerIdle(this);
    }

    /** Waits for the next coroutine; null when told to stop. */
    private CoThread take() {
        Thread.interrupted();       // an interrupt meant for the last coroutine is not the next one's
        CoThread c;
        while ((c = next) == null) {
            if (stop) return null;
            LockSupport.park(this);
            Thread.interrupted();
        }
        next = null;
        return c;
    }
}
