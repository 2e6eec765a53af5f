package org.luahost.scheduler.impl;

import org.luahost.coroutines.Hosting;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.CallResult;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.spi.Threads;

/**
 * A session's Lua state, and the one place that runs Lua on it for a turn:
 * creating the state, choosing the Lua thread a turn runs on and making it
 * the state's current thread, the protected call of a handler with its
 * traceback, the kind of function a gateway may call, and the collection and
 * close that run finalizers.
 *
 * <p>Everything the scheduler does with the VM beyond its plain API (the
 * current-thread switch {@link Threads#switchTo}, the traced protected call
 * {@link LuaThread#tracedCall}, a thread's work allowance
 * {@link Threads#setWorkLeft}) is here, so that a change of that API is a
 * change of this class.
 *
 * <p>Threads: every method but {@link #lockState} runs on the thread that
 * holds the state's turn ({@link TurnRunner}); {@link #create} takes it.
 * {@link #hosting()} may be read by any thread.
 */
final class LuaRunner {
    private final SessionImpl session;
    /** The state; null before the first START and once it is stopped or unloaded. Guarded by the turn. */
    LuaState L;
    /** The state's turn (the coroutines module's Hosting turn, so Async.call on the state queues behind turns); set with the state. */
    private volatile Hosting hosting;
    /** Whether a turn runs on the state's main thread (then a concurrent, interleaved turn gets a thread of its own). Guarded by the turn. */
    private boolean mainThreadBusy;

    LuaRunner(SessionImpl session) { this.session = session; }

    /**
     * A new state with the libraries and the {@code host} table, on whose
     * main thread t runs. Takes the new state's turn (released by the turn's
     * end, or by a restart that replaces the state).
     */
    LuaState create(Turn t) {
        HostImpl host = session.host;
        java.io.PrintStream out = session.output.stream(host.output);   // the session's output budget
        L = LuaState.builder().profile(session.options.profile()).stdout(out).stderr(out)
                .stdin(java.io.InputStream.nullInputStream()).meter(session.budget).threadFactory(host.threads)
                .memoryLimit(session.options.memoryLimit())   // charged as allocated: see Budget
                .exitHandler((state, status, close) -> {
                    throw new SessionExit(status);   // os.exit ends this session, not the process
                }).build();
        L.setExtension(SessionImpl.class, session);
        Hosting h = Hosting.of(L);
        h.waitPolicy(session.waits);
        h.acquireTurn();   // uncontended: nobody else knows the state yet; releaseTurn gives it back
        hosting = h;
        HostLibrary.install(L, session.saver != null);
        mainThreadBusy = true;
        t.thread = L.mainThread;
        Threads.switchTo(L, t.thread);
        return L;
    }

    /** The script's main chunk (a syntax error is a LuaError). */
    LuaFunction load(Script script) {
        return L.load(script.source(), script.chunkName(), "t", null);
    }

    /** The state's turn, or null before the state exists. */
    Hosting hosting() { return hosting; }

    /** Takes the state's turn (parked, in arrival order), if the state exists. */
    void lockState() {
        Hosting h = hosting;
        if (h != null) h.acquireTurn();
    }

    /** Gives the state's turn back, if the state exists. */
    void unlockState() {
        Hosting h = hosting;
        if (h != null) h.releaseTurn();
    }

    /** A turn begins: the Lua thread it runs on (the main thread if free) becomes the state's current thread. */
    void enter(Turn t) {
        if (L != null) {
            if (!mainThreadBusy) {
                mainThreadBusy = true;
                t.thread = L.mainThread;
            } else {
                t.thread = new LuaThread(L);
            }
            Threads.switchTo(L, t.thread);
        }
    }

    /** A turn ends: its thread is free again. */
    void leave(Turn t) {
        if (t.thread != null && L != null && t.thread == L.mainThread) mainThreadBusy = false;
    }

    /** A turn of no envelope (passivation) runs on the main thread. */
    void onMainThread(Turn t) { t.thread = L.mainThread; }

    /** A turn is about to wait: remembers the current thread (another turn may run meanwhile). */
    void suspend(Turn t) { t.waitCurrent = L.current(); }

    /** A turn took the state's turn back after a wait: its thread is current again. */
    void resume(Turn t) { Threads.switchTo(L, t.waitCurrent); }

    /**
     * The global function name, or null if there is none; exportedOnly: a
     * call from outside (the gateway), which may reach only the functions the
     * script exported ({@code host.export}, see {@link HostLibrary#exported}),
     * never other globals, library functions or {@code on_message}.
     */
    LuaFunction global(String name, boolean exportedOnly) {
        if (exportedOnly) return HostLibrary.exported(L, name);
        Object fn = L.globals.rawget(name);
        return fn instanceof LuaFunction f ? f : null;
    }

    /**
     * Charges the bytes that a call's or message's values hold
     * ({@link Envelope#bytes}) to the state's memory, as if the turn had
     * allocated them, before its handler runs: past the memory limit (after
     * a collection, if the estimate says so) the turn fails with
     * {@code not enough memory} and the handler does not run. Without it,
     * values that came from outside counted only at the state's next
     * collection: a session whose {@code on_message} kept what it was sent
     * held 488 MB under a 64 MB limit (ten 50 MB strings from another session).
     */
    void chargeArrival(Turn t, long bytes) {
        if (bytes <= 0 || L == null) return;
        org.luahost.vm.Gc gc = L.gc();
        long limit = gc.limit();
        if (limit > 0 && gc.inUse() + bytes > limit) {
            gc.step(t.thread);
            if (gc.inUse() + bytes > limit) {
                gc.wantCollection();
                throw new SessionException(Kind.LUA_ERROR, "not enough memory");
            }
        }
        try {
            gc.charge(bytes);
        } catch (org.luahost.vm.LuaError x) {
            throw new SessionException(Kind.LUA_ERROR, "not enough memory");
        }
    }

    /** Runs fn protected on the turn's thread; a Lua error becomes a SessionException with the traceback. */
    Object[] invoke(Turn t, LuaFunction fn, Object[] args) {
        LuaThread th = t.thread;
        int depth = th.depth, ccalls = th.ccalls, protectedCount = th.protectedCount();
        CallResult r;
        try {
            r = th.tracedCall(fn, args);
        } catch (Throwable x) {
            // a Java exception or error (os.exit, OutOfMemoryError...) went through the protected call: put the
            // thread back as it was before the call, so that the next turn starts on a clean stack
            th.unwindTo(depth);
            th.endProtected(protectedCount);
            Threads.setCcalls(th, ccalls);
            Threads.switchTo(L, th);
            throw x;
        }
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

    /** Objects registered for finalization that the state's collector has not yet found unreachable. */
    long pendingFinalizers() { return L.gc().pendingFinalizers(); }

    /** A Lua-level collection if one is due (finalizers run on t's thread; errors become warnings). */
    void collect(Turn t) {
        Threads.switchTo(L, t.thread);
        L.gc().collectIfDue(t.thread);
    }

    /** Closes the state (as lua_close: pending finalizers run on t's thread). */
    void close(Turn t) {
        Threads.switchTo(L, t.thread);
        L.close();
    }

    /** The state is dropped (stopped or unloaded). */
    void drop() { L = null; }

    /**
     * Raises msg as a Lua error at th's current point (the caller throws the
     * result); th then gets workLeft units of work before its meter is asked
     * again.
     */
    static LuaError raise(LuaThread th, String msg, int workLeft) {
        try {
            return th.raise(msg);
        } finally {
            Threads.setWorkLeft(th, workLeft);
        }
    }
}
