package org.luahost.coroutines;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

import org.luahost.vm.Gc;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.spi.Threads;

/**
 * A coroutine's Lua thread: its call stack (as every {@link LuaThread}), the
 * function it runs, its status, and its Java virtual thread, started (or
 * taken from the state's idle threads, see {@link Worker}) at the first resume. The frames of a suspended coroutine stay here while its
 * virtual thread is parked inside {@code coroutine.yield}, so tracebacks of a
 * suspended (or failed) coroutine work as on any thread.
 *
 * <p>Ownership: the fields other than the {@link Baton} are read and written
 * only by the side that holds the turn (see {@link Baton}): by the resumer
 * before it hands over and after it gets the turn back, by the coroutine's
 * thread in between. The hand-off orders those accesses.
 *
 * <p>Reachability: this object, its frames and its virtual thread's stack
 * reference each other but never the {@link Coroutine} handle Lua code holds
 * ({@link #handle} is weak), so an unreachable handle can be cleaned up (see
 * {@link Reaper}).
 */
final class CoThread extends LuaThread {
    /** Status (resumer side): not started, suspended in a yield, running or normal, dead. */
    static final int NEW = 0, SUSPENDED = 1, ACTIVE = 2, DEAD = 3;

    /** Unwinds the virtual thread of a coroutine nobody can reach any more. */
    static final class Killed extends Error {
        Killed() { super("lost coroutine released", null, false, false); }
    }

    static final Killed KILLED = new Killed();

    final LuaFunction body;
    final Baton baton = new Baton();
    final Reaper reaper;
    private final Hosting hosting;
    private WeakReference<Coroutine> handle;

    Thread vthread;
    Cleaner.Cleanable cleanable;
    int status = NEW;
    /** Died in error and coroutine.close has not yet reported the error. */
    boolean errorPending;
    Object errorValue;
    /** The thread waits inside a to-be-closed variable for coroutine.close to run the closers. */
    boolean waitingAtTbc;
    /** The coroutine has yielded at least once (its thread then has a stack chunk worth reusing, see {@link Worker}). */
    private boolean suspended;
    /** The deepest Lua call depth this coroutine yielded at (its thread's stack chunk grows with it). */
    private int deepestYield;
    /** Threads of coroutines that yielded deeper than this are not reused (about 250 bytes of stack chunk per level). */
    static final int MAX_REUSE_DEPTH = 32;
    /** coroutine.close is running the closers: no yield, protected calls below the floor do not catch. */
    boolean closing;
    /** The error that unwinds a suspended coroutine being closed (its value is nil, as closers see). */
    LuaError closeSignal;

    private CoThread(LuaState state, LuaFunction body, Hosting hosting) {
        super(state);
        this.body = body;
        this.hosting = hosting;
        this.reaper = hosting.reaper;
    }

    /** A new coroutine (status suspended, no thread yet); returns its Lua-visible handle. */
    static Coroutine create(LuaState state, LuaFunction body, Hosting hosting) {
        CoThread c = new CoThread(state, body, hosting);
        Coroutine h = new Coroutine();
        h.co = c;
        c.handle = new WeakReference<>(h);
        return h;
    }

    @Override
    protected void gcRefs(java.util.function.Consumer<Object> mark) {
        mark.accept(body);   // a coroutine that has not started yet holds its body only here
    }

    // ---------------------------------------------------------------- resumer side

    /**
     * Hands the turn to this coroutine with the given command and args, and
     * waits (parked) until it hands back; returns the outcome. from is the
     * Lua thread calling; h the handle, kept reachable until the hand-back.
     */
    int transfer(LuaThread from, Coroutine h, int command, Object[] args) {
        LuaState L = state;
        Baton b = baton;
        b.values = args;
        b.waiter = Thread.currentThread();
        resumer = from;
        Threads.switchTo(L, this);   // back to from below, on every path
        Thread t = vthread;
        if (t == null) {
            try {
                Worker w = hosting.takeIdle();
                if (w != null) {             // the thread of a finished coroutine runs this one
                    t = w.thread;
                    b.turn = command;
                    w.assign(this);
                } else {
                    w = new Worker(hosting, this);
                    t = hosting.threads().newThread(w);
                    if (t == null) throw new java.util.concurrent.RejectedExecutionException("the state's thread factory gave no thread");
                    w.thread = t;
                    b.turn = command;
                    t.start();
                }
            } catch (Throwable e) {   // no thread (out of memory): nothing was handed over; the coroutine is dead
                status = DEAD;
                b.done = true;
                b.turn = Baton.BACK;
                b.values = null;
                b.waiter = null;
                Threads.switchTo(L, from);
                if (cleanable != null) cleanable.clean();
                cleanable = null;
                throw e;
            }
            vthread = t;
            reaper.started.incrementAndGet();
        } else {
            b.setTurn(command);
            java.util.concurrent.locks.LockSupport.unpark(t);
        }
        b.awaitBack();
        b.waiter = null;
        resumer = null;
        Threads.switchTo(L, from);
        if (b.done) {
            vthread = null;
            Cleaner.Cleanable c = cleanable;
            cleanable = null;
            if (c != null) c.clean();   // unregisters; the action sees done and does nothing
        } else if (cleanable == null) {
            // The thread is parked in a yield (or at a to-be-closed variable) for the first time: only
            // from now on can the handle be lost while the thread waits, so only now is it watched.
            // A coroutine that ends without ever suspending costs no cleaner registration.
            cleanable = reaper.watch(h, b, t);
        }
        java.lang.ref.Reference.reachabilityFence(h);
        return b.outcome;
    }

    /** Takes the values the coroutine handed back. */
    Object[] takeValues() {
        Object[] v = baton.values;
        baton.values = null;
        return v;
    }

    Object takeValue() {
        Object v = baton.value;
        baton.value = null;
        return v;
    }

    Throwable takeThrown() {
        Throwable t = baton.thrown;
        baton.thrown = null;
        return t;
    }

    Coroutine handle() { return handle.get(); }

    @Override
    public Object value() {
        Coroutine h = handle.get();
        return h != null ? h : this;
    }

    // ---------------------------------------------------------------- coroutine side

    /**
     * Runs the coroutine's body on worker w's thread until it ends, then gives
     * the turn back; returns whether w went to the idle pool (to run a later
     * coroutine) before that hand-back. Nothing of this coroutine is touched
     * after the hand-back.
     */
    boolean runBody(Worker w) {
        Baton b = baton;
        Object[] args = b.values;
        b.values = null;
        int outcome;
        try {
            if (b.turn == Baton.DIE) throw KILLED;
            Object[] r = Threads.call(this, body, args);
            b.values = r;
            outcome = Baton.RETURNED;
        } catch (LuaError e) {
            if (closing) {
                if (e == closeSignal) {
                    outcome = Baton.CLOSED;
                } else {
                    b.value = e.value();
                    outcome = Baton.CLOSE_FAILED;
                }
                unwindTo(0);
            } else {
                // the frames stay, for a traceback of the dead coroutine, until it is closed
                b.value = e.value();
                outcome = Baton.ERROR;
            }
        } catch (StackOverflowError e) {
            b.value = where(0) + "stack overflow";
            outcome = closing ? Baton.CLOSE_FAILED : Baton.ERROR;
            if (closing) unwindTo(0);
        } catch (OutOfMemoryError e) {
            b.value = "not enough memory";   // a Lua error of the coroutine, as the reference's LUA_ERRMEM
            outcome = closing ? Baton.CLOSE_FAILED : Baton.ERROR;
            if (closing) unwindTo(0);
        } catch (Killed e) {
            outcome = Baton.KILLED;
        } catch (Throwable e) {
            b.thrown = e;
            outcome = Baton.THROWN;
        }
        closeSignal = null;
        reaper.finished.incrementAndGet();
        // a thread whose coroutine ended normally or in a Lua error is reusable (not one being killed, nor after a Java error)
        // Only after a coroutine that yielded: a thread that has parked once has a stack chunk to reuse, which
        // is what reuse saves; for bodies that never yield, a new thread is cheaper than an idle park and a wake-up.
        // Nor after one that yielded deep in Lua calls: the chunk is as large as the deepest stack it held,
        // and an idle thread would keep it.
        boolean pooled = suspended && deepestYield <= MAX_REUSE_DEPTH
                && outcome != Baton.KILLED && outcome != Baton.THROWN && w.offerIdle();
        b.done = true;
        b.handBack(outcome);
        return pooled;
    }

    /** coroutine.yield on this coroutine's thread: hands the values back, waits to be resumed. */
    Object[] yield(Object[] values) {
        if (closing || noYield > 0) throw raise("attempt to yield across a C-call boundary");
        Baton b = baton;
        b.values = values;
        suspended = true;
        if (depth > deepestYield) deepestYield = depth;
        // the frozen stack counts against the memory limit: charged at each deep yield (the next collection
        // counts it again while it is reachable, and forgets the charges); a charge of its growth only would
        // let coroutines that went deep once, came back and were collected shallow go deep again uncharged
        long parked = Gc.parkedStackBytes(depth);
        if (parked > 0) state.gc().charge(parked);
        b.handBack(Baton.YIELDED);
        int cmd = b.awaitTurn();
        if (cmd == Baton.RUN) {
            Object[] a = b.values;
            b.values = null;
            return a;
        }
        if (cmd == Baton.CLOSE) throw closeSignal;
        throw KILLED;
    }

    /**
     * An error reached a to-be-closed variable of this coroutine. If no
     * protected call of the coroutine will catch it, the coroutine dies now
     * (resume returns the error) and its variables are closed only when
     * coroutine.close (or the wrap function) asks: the thread waits here,
     * with its frames, until then.
     */
    @Override
    public void errorAtTbc(LuaError e) {
        if (closing || waitingAtTbc) return;
        if (protectedCount() > Threads.protectedFloor(this)) return;
        Baton b = baton;
        b.value = e.value();
        b.handBack(Baton.ERROR_AT_TBC);
        int cmd = b.awaitTurn();
        if (cmd != Baton.CLOSE) throw KILLED;
        // closing, protectedFloor and waitingAtTbc were set by coroutine.close; the Tbc now closes
    }
}
