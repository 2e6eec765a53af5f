package org.luahost.scheduler.impl;

import org.luahost.coroutines.Hosting;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.lib.BaseLib;
import org.luahost.vm.runtime.Traceback;

/**
 * A session's Lua state, and the one place that runs Lua on it for a turn:
 * creating the state, choosing the Lua thread a turn runs on and making it
 * the state's current thread, the protected call of a handler with its
 * traceback, the kind of function a gateway may call, and the collection and
 * close that run finalizers.
 *
 * <p>Everything the scheduler does with the VM beyond its plain API (the
 * current-thread switch {@code L.current}, {@link BaseLib#protectedCall},
 * {@link Traceback}, the {@code LuaClosure} check, a thread's work allowance)
 * is here, so that a change of that API is a change of this class.
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
    /** Saves the traceback of the error a handler raised (the message handler of the protected call). */
    private LuaFunction tracer;
    /** Guarded by the turn. */
    private String lastTraceback;
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
        L = LuaState.create(session.options.profile(), host.output, host.output, java.io.InputStream.nullInputStream());
        L.setExtension(SessionImpl.class, session);
        Hosting h = Hosting.of(L);
        h.threads(host.threads).waitPolicy(session.waits);
        h.acquireTurn();   // uncontended: nobody else knows the state yet; releaseTurn gives it back
        hosting = h;
        L.mainThread.workLeft = 0;
        L.meter = session.budget;
        HostLibrary.install(L, session.saver != null);
        tracer = JavaFunction.of("traceback", (th, a) -> {
            lastTraceback = Traceback.of(th, null, 1);
            return a;
        });
        mainThreadBusy = true;
        t.thread = L.mainThread;
        L.current = t.thread;
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
            L.current = t.thread;
        }
    }

    /** A turn ends: its thread is free again. */
    void leave(Turn t) {
        if (t.thread != null && L != null && t.thread == L.mainThread) mainThreadBusy = false;
    }

    /** A turn of no envelope (passivation) runs on the main thread. */
    void onMainThread(Turn t) { t.thread = L.mainThread; }

    /** A turn is about to wait: remembers the current thread (another turn may run meanwhile). */
    void suspend(Turn t) { t.waitCurrent = L.current; }

    /** A turn took the state's turn back after a wait: its thread is current again. */
    void resume(Turn t) { L.current = t.waitCurrent; }

    /**
     * The global function name, or null if there is none; luaOnly: only a
     * function written in Lua (a call from outside may not reach library
     * functions such as {@code load}).
     */
    LuaFunction global(String name, boolean luaOnly) {
        Object fn = L.globals.rawget(name);
        if (!(fn instanceof LuaFunction f) || (luaOnly && !(fn instanceof org.luahost.vm.runtime.LuaClosure))) return null;
        return f;
    }

    /** Runs fn protected on the turn's thread; a Lua error becomes a SessionException with the traceback. */
    Object[] invoke(Turn t, LuaFunction fn, Object[] args) {
        LuaThread th = t.thread;
        lastTraceback = null;
        Object[] r = BaseLib.protectedCall(th, fn, args, tracer);
        L.current = th;
        if (r[0] == Boolean.TRUE) return java.util.Arrays.copyOfRange(r, 1, r.length);
        Object v = r.length > 1 ? r[1] : null;
        String tb = lastTraceback;
        lastTraceback = null;
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
        L.current = t.thread;
        L.gc().collectIfDue(t.thread);
    }

    /** Closes the state (as lua_close: pending finalizers run on t's thread). */
    void close(Turn t) {
        L.current = t.thread;
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
            th.workLeft = workLeft;
        }
    }
}
