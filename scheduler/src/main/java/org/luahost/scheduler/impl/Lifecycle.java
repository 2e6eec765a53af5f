package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;

import org.luahost.coroutines.Hosting;
import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.scheduler.impl.SessionImpl.Status;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;

/**
 * A session's life: start (a new state, restored, then the script), what
 * happens between turns (a Lua collection when due, the save, the restart
 * policy), stop, and passivation (saved and unloaded while idle, a gone
 * shell forwarding to its successor).
 *
 * <p>States: {@code STARTING} until the START envelope's turn ran the
 * script, {@code RUNNING}, then {@code STOPPING} while the listener and the
 * last save run, and {@code STOPPED} for good (after a stop, a failed start,
 * or passivation, which also sets {@link SessionImpl#gone}).
 *
 * <h2>Persistence and passivation</h2>
 * With a store, {@link SessionSaver} restores the state before the script
 * runs and saves it between turns ({@link #saveAfter}). An idle session is
 * <em>passivated</em> ({@link #passivate}): a thread takes the drainer role,
 * saves, and if no message came meanwhile, unloads the state and marks the
 * session gone; deliveries to it are then forwarded (see {@link SessionImpl}).
 *
 * <h2>Threads</h2>
 * Everything runs with the state's turn (called from {@link TurnRunner}'s
 * turns), except {@link #passivationDue} and {@link #passivate} (any thread:
 * the idle sweep), which take the drainer role and then the turn before they
 * touch anything, and {@link #requestStop} and {@link #persist}, which Lua
 * code of the session calls (with the turn). The fields are guarded by the turn.
 */
final class Lifecycle {
    private final SessionImpl session;
    /** host.stop() was called: the session stops when the turn ends. */
    private boolean stopRequested;
    /** Turns in a row that failed with a Lua error (for the restart policy). */
    private int consecutiveErrors;

    Lifecycle(SessionImpl session) { this.session = session; }

    // ================================================================ start

    /** The START envelope's turn: the state is loaded and the script ran, or the session stops. */
    void start(Turn t) {
        SessionImpl s = session;
        try {
            loadState(t);
        } catch (LuaError x) {   // a syntax error
            failStart(new SessionException(Kind.LUA_ERROR, x.getMessage(), x.value(), null));
            return;
        } catch (SessionException x) {
            failStart(x);
            return;
        } catch (SessionExit x) {
            failStart(new SessionException(Kind.STOPPED, "session '" + s.id + "' ended itself with os.exit(" + x.status
                    + ") in its main chunk"));
            return;
        }
        s.status = Status.RUNNING;
        s.budget.measureAtStart();
        s.host.registerOnBus(s);
        s.startedFuture.complete(null);
        s.host.options.listener().started(s);
    }

    /** A new state: libraries, host table, restore (with a store), then the script. Takes the new state's turn. */
    private void loadState(Turn t) {
        SessionImpl s = session;
        LuaState L = s.lua.create(t);
        s.host.options.listener().created(s, L);
        if (s.saver != null) s.saver.attachAndRestore(L);
        LuaFunction main = s.lua.load(s.script);
        // the budget is the script's: creating the state and compiling do not count
        s.budget.startClock(t);
        s.lua.invoke(t, main, LuaFunction.NONE);
    }

    /** "\n" and the Lua traceback of x, or "" (for log messages). */
    static String traceback(SessionException x) {
        String tb = LuaJson.brief(x.luaTraceback());
        return tb == null || tb.isEmpty() ? "" : "\n" + tb;
    }

    private void failStart(SessionException x) {
        if (session.killReason != null && x.kind() == Kind.LUA_ERROR) {
            // killed while its main chunk ran: the session was stopped, its script did not fail (the gateway's
            // 503, as for a session killed later; before, the calls that started it got 500)
            x = new SessionException(Kind.STOPPED, x.getMessage(), x.luaValue(), x.luaTraceback());
        }
        session.errors++;
        session.startFailure = x;   // what later messages to this session are told (not only "is stopped")
        session.host.recentErrors.add(session.id, "the main chunk", x);
        if (session.host.metrics != null) session.host.metrics.failed(x.kind(), x.getMessage());
        Log.SESSION.warn("session '{}' could not start: {}{}", session.id, LuaJson.brief(x.getMessage()), Lifecycle.traceback(x));
        session.host.unregister(session);
        session.startedFuture.completeExceptionally(x);
        stopRequested = false;
        finishStop(null);
    }

    // ================================================================ between turns

    /** A turn's handler ran without error. */
    void turnSucceeded() { consecutiveErrors = 0; }

    /** A turn's handler failed with a Lua error. */
    void turnFailedInLua() { consecutiveErrors++; }

    /**
     * Between turns (still holding the turn): a Lua-level collection (__gc
     * finalizers, weak tables) when enough finalizable objects accumulated.
     * It is safe only where no Lua code is half-way through an expression, so
     * not while another (interleaved) turn waits. Finalizers run as part of
     * this turn (metered, errors become warnings), before the save.
     */
    void collectIfDue(Turn t) {
        SessionImpl s = session;
        if (s.lua.L == null || s.status != Status.RUNNING || s.turns.inProgress != 1 || t.thread == null) return;
        org.luahost.vm.Gc gc = s.lua.L.gc();
        // a failed turn may have left much garbage (a loop ended by its budget): the estimate counts it until a
        // collection, and with a memory limit the session's next allocations would be refused for it
        if (t.failed && gc.limit() > 0 && gc.inUse() > gc.limit() / 2) gc.wantCollection();
        if (s.lua.pendingFinalizers() < 1000 && !gc.collectionWanted()) return;   // collectIfDue's own first tests, without the clock reset
        try {
            s.budget.renew(t);
            s.lua.collect(t);
        } catch (LuaError x) {
            s.errors++;   // a budget error raised while finalizers ran; the finalizers left are run next time
        } catch (RuntimeException x) {
            s.host.internalError(s, x);
        }
    }

    /** Between turns (still holding the turn): the save the turn calls for. */
    void saveAfter(Turn t) {
        SessionSaver saver = session.saver;
        if (saver == null || session.status != Status.RUNNING || session.lua.L == null) return;
        switch (t.env) {
            case Envelope.Save _ -> saver.onSaveMessage();
            case Envelope.Stop _, Envelope.Inspect _ -> { }
            default -> {
                if (t.failed) saver.markDirty();   // a failed turn is saved with the next good one (or at stop)
                else saver.afterTurn();
            }
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
    void restartIfBroken(Turn t) {
        SessionImpl s = session;
        int n = s.options.restartAfterErrors();
        if (n <= 0 || consecutiveErrors < n || s.status != Status.RUNNING || s.turns.inProgress != 1 || t.thread == null) return;
        consecutiveErrors = 0;
        Log.SESSION.warn("session '{}' restarts after {} failed turns in a row{}", s.id, n,
                s.saver != null ? " (from its last save)" : " (with a fresh state)");
        closeState();
        s.timers.cancelAll();
        Hosting old = s.lua.hosting();
        if (s.saver != null) s.saver.awaitSaves();
        try {
            loadState(t);
        } catch (LuaError | SessionException x) {
            Log.SESSION.warn("session '{}' could not restart: {}; it stops", s.id, LuaJson.brief(x.getMessage()));
            stopRequested = true;
        } finally {
            if (old != null && old != s.lua.hosting()) old.releaseTurn();
        }
    }

    /**
     * The end of the state's life when it is not saved (no store): as
     * lua_close, the pending finalizers run (in the stopping turn, with a
     * fresh budget; errors are warnings).
     */
    private void closeState() {
        SessionImpl s = session;
        Turn t = s.turns.active;
        if (s.saver != null || s.lua.L == null || t == null || t.thread == null) return;
        try {
            s.budget.renew(t);
            s.lua.close(t);
        } catch (RuntimeException x) {
            s.host.internalError(s, x);
        }
    }

    /**
     * host.persist(): captures now and returns the future of the save that
     * makes the state durable (a failure is the reason it could not be saved).
     */
    CompletableFuture<Long> persist() {
        if (session.saver == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "sessions of this host are not saved (it has no session store; luahost serve saves them unless --no-data)"));
        }
        return session.saver.save();
    }

    // ================================================================ stop

    /** host.stop(): the session stops once this turn ends. */
    void requestStop() { stopRequested = true; }

    /** At the end of a turn: the stop that host.stop() asked for. */
    void stopIfRequested() {
        if (stopRequested && session.status == Status.RUNNING) finishStop(null);
    }

    /** Stops now (on the turn): listener, timers, bus, registry, then fails what is left in the mailbox. */
    void finishStop(CompletableFuture<Object[]> reply) {
        SessionImpl s = session;
        if (s.status == Status.STOPPED) {
            if (reply != null) reply.complete(null);
            return;
        }
        boolean wasRunning = s.status == Status.RUNNING;
        s.status = Status.STOPPING;
        String unsaved = null;
        if (wasRunning && s.lua.L != null) {
            try {
                s.host.options.listener().stopping(s, s.lua.L);
            } catch (RuntimeException x) {
                s.host.internalError(s, x);
            }
            if (s.saver != null) {
                // a failure was reported; the previous snapshot stays (and the close report names the session)
                unsaved = s.saver.saveAndWait();
                s.unsavedReason = unsaved == null ? null : "its last save failed: " + unsaved;
            } else {
                closeState();
            }
        }
        s.timers.cancelAll();
        s.host.unregister(s);
        s.status = Status.STOPPED;
        s.mailbox.drainTo(e -> e.fail(s.stoppedError()));
        s.lua.drop();
        if (reply != null) {
            // whoever waits for the stop learns that the last changes were lost
            if (unsaved == null) reply.complete(null);
            else reply.completeExceptionally(new SessionException(Kind.PERSISTENCE, "session '" + s.id
                    + "' stopped without saving its last changes: " + unsaved + " (its previous snapshot is kept)"));
        }
        s.stoppedFuture.complete(null);
        if (!s.startedFuture.isDone()) s.startedFuture.completeExceptionally(s.stoppedError());
        s.host.options.listener().stopped(s);
    }

    // ================================================================ passivation

    /**
     * Whether the session has been idle (no envelope, turn or subscriber, and
     * no live timer unless its timers are saved: see {@link Timers#passivable})
     * for idleMs by now.
     */
    boolean passivationDue(long now, long idleMs) {
        SessionImpl s = session;
        return s.status == Status.RUNNING && !s.gone && s.mailbox.isIdle() && s.turns.inProgress == 0
                && s.timers.passivable() && !s.subscribers.any() && (now - s.lastActive) / 1_000_000 >= idleMs;
    }

    /**
     * Passivates the session if it is idle (called by the idle sweep, on any
     * thread): takes the drainer role so that no turn starts, then a virtual
     * thread saves and unloads (see {@link #passivateRun}).
     */
    void passivate() {
        if (!session.mailbox.tryTakeRole()) return;
        if (!session.mailbox.isEmpty()) {
            session.startDrainer();   // we hold the drainer role, so we start the drainer
            return;
        }
        session.host.threads.newThread(this::passivateRun).start();
    }

    /**
     * With the drainer role: takes the state's turn, saves and waits until the
     * save is durable; if the mailbox is still empty, unloads the state and
     * becomes a gone shell (forwarding whatever raced in). Otherwise (a
     * message came, a turn or timer is pending, the save failed) it goes on
     * as the drainer and the session stays loaded.
     */
    private void passivateRun() {
        SessionImpl s = session;
        Hosting h = s.lua.hosting();
        boolean unloaded = false;
        if (h != null) h.acquireTurn();
        try {
            if (s.status == Status.RUNNING && s.lua.L != null && s.turns.inProgress == 0 && s.timers.passivable()
                    && !s.subscribers.any()) {
                s.host.options.listener().idle(s);
                if ((s.saver == null || s.saver.saveAndWait() == null) && s.mailbox.isEmpty()) {
                    // a turn of its own, for the finalizers that run when the state is dropped (no store)
                    Turn t = new Turn(Envelope.Save.INSTANCE);
                    s.lua.onMainThread(t);
                    t.start = System.nanoTime();
                    s.turns.active = t;
                    try {
                        unload();
                    } finally {
                        s.turns.active = null;
                        s.turns.releaseLane(t);
                        if (t.detached) s.host.drainers.unblocked();   // finalizers ran past a slice (see Budget.onWork)
                    }
                    unloaded = true;
                } else {
                    s.lastActive = System.nanoTime();   // not again before another idle period
                }
            }
        } catch (RuntimeException x) {
            s.host.internalError(s, x);
        } finally {
            if (h != null) h.releaseTurn();
        }
        if (unloaded) {
            s.forwardLeftovers();
            s.host.options.listener().stopped(s);
        } else {
            s.startDrainer();   // still with the drainer role
        }
    }

    /** With the turn and the drainer role (kept for good): the state goes, deliveries now forward. */
    private void unload() {
        SessionImpl s = session;
        s.status = Status.STOPPING;
        try {
            s.host.options.listener().stopping(s, s.lua.L);
        } catch (RuntimeException x) {
            s.host.internalError(s, x);
        }
        closeState();   // without a store the state ends here
        long wake = s.timers.nextDueInMs();   // durable timers (saved just now): the host restores the session when one is due
        s.timers.cancelAll();
        s.gone = true;
        s.status = Status.STOPPED;
        s.host.passivated(s);
        if (wake >= 0) s.host.wakeLater(s, wake);
        s.lua.drop();
        s.stoppedFuture.complete(null);
    }
}
