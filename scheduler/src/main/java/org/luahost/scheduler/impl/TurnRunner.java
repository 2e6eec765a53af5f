package org.luahost.scheduler.impl;

import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaString;

/**
 * A session's turns: the drain loop that takes envelopes from the
 * {@link Mailbox} and handles each as one <em>turn</em> on the Lua state,
 * and the handlers of the envelope kinds.
 *
 * <h2>The drain loop</h2>
 * The first delivery to an idle session takes the drainer role and queues
 * the session with the host's {@link Drainers}: one of its worker virtual
 * threads calls {@link #drain}, which takes envelopes one by one until the
 * mailbox is empty (the role is given up) or a batch is done (the session
 * queues again, behind the others). So an idle session holds no thread, and
 * a busy host does not start one per burst.
 *
 * <h2>The state's turn</h2>
 * At most one Java thread runs the state's Lua code: the one holding the
 * state's turn (the coroutines module's {@code Hosting} turn, a fair
 * semaphore, so that {@code Async.call} on the state queues behind turns).
 * A turn takes it in {@link #begin} and gives it back in {@link #end}. Without
 * interleaving the drainer keeps it for the whole turn; with interleaving a
 * turn that waits gives it (and the drainer role) away, and takes it back
 * before it goes on ({@link Waits}). Every field marked "guarded by the turn"
 * in the session's parts is read and written only by the thread holding it;
 * before the state exists (the START envelope), the drainer role guards them.
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>{@link #drain}: a worker of {@link Drainers} that holds the session's
 *     drainer role.</li>
 * <li>{@link #active}: guarded by the turn.</li>
 * <li>{@link #inProgress}: written with the turn (by the drainer, or by an
 *     interleaved turn that resumed after handing the role over), read by
 *     any thread (the idle sweep, which only uses it as a hint; passivation
 *     reads it again with the turn).</li>
 * </ul>
 */
final class TurnRunner {
    /** Envelopes a worker handles for one session before it gives the others a turn (the session queues again). */
    private static final int BATCH = 64;

    private final SessionImpl session;
    /** The turn that holds the state's turn now, or null between turns and while it waits with interleaving. Guarded by the turn. */
    Turn active;
    /** Turns begun and not finished (more than one only with interleaving). */
    volatile int inProgress;
    /** The turn the drainer runs now (also while it waits), or null; written by the drainer, read by anyone (kill, reports). */
    volatile Turn running;

    TurnRunner(SessionImpl session) { this.session = session; }

    /**
     * Runs turns with the drainer role: until the mailbox is empty (then the
     * role is given up), or {@link #BATCH} envelopes (then the session is
     * queued again, still with the role), or a turn gave the role away while
     * it waited (interleaving).
     */
    void drain() {
        Lane lane = session.host.lane;
        boolean held = false;   // this drain holds a permit of the heavy lane (since heldSince)
        long heldSince = 0;
        try {
            for (int n = 0;; n++) {
                if (n == BATCH) {
                    session.startDrainer();   // with the role: back of the ready queue
                    return;
                }
                Envelope e = session.mailbox.poll();
                if (e == null) {
                    // a producer may have offered after the poll and seen the role taken
                    if (!session.mailbox.releaseRole()) return;
                    continue;
                }
                if (held && System.nanoTime() - heldSince >= session.budget.burstNanos()) {
                    // a burst's worth of turns: the permit goes to the next heavy session in line
                    lane.release();
                    held = false;
                }
                if (!held && session.killReason == null && session.budget.heavy()) {
                    held = awaitLane(lane);
                    heldSince = System.nanoTime();
                }
                if (session.status == SessionImpl.Status.STOPPED
                        || (session.killReason != null && !(e instanceof Envelope.Stop))) {
                    // stopped, or killed: only the STOP the kill queued runs
                    session.mailbox.taken(e);
                    e.fail(session.stoppedError());
                    continue;
                }
                Turn t = new Turn(e);
                if (held) {
                    // a heavy session's turn runs with the lane's permit, not as one of the active workers
                    t.lane = true;
                    t.detached = true;
                    session.host.drainers.blocked();
                }
                begin(t);
                boolean drainer;
                inProgress++;
                try {
                    run(t);
                    betweenTurns(t);
                } finally {
                    inProgress--;
                    drainer = t.drainer;
                    end(t);
                    // the turn may have given the permit back (a wait) or taken one (a long runner: then heldSince is
                    // older than its burst, and the permit goes to the next in line before the next envelope)
                    held = t.lane;
                    if (t.detached) session.host.drainers.unblocked();
                }
                if (!drainer) return;
            }
        } finally {
            if (held) lane.release();
        }
    }

    /**
     * The drain of a heavy session waits for a permit of the heavy lane
     * (parked, not counted as an active worker): whether it got one (not
     * when the lane is open or the session was killed meanwhile).
     */
    private boolean awaitLane(Lane lane) {
        Drainers drainers = session.host.drainers;
        drainers.blocked();
        try {
            boolean got = lane.acquire(() -> session.killReason != null);
            if (!got) Thread.interrupted();   // a kill's interrupt, if any, was for this wait
            return got;
        } finally {
            drainers.unblocked();
        }
    }

    /** t gives back its permit of the heavy lane, if it holds one. With the turn. */
    void releaseLane(Turn t) {
        if (t.lane) {
            t.lane = false;
            session.host.lane.release();
        }
    }

    /**
     * The work between turns (a collection, the save, the restart policy):
     * whatever escapes it is logged and does not end the drain loop, so the
     * session serves its next message.
     */
    private void betweenTurns(Turn t) {
        Lifecycle lifecycle = session.lifecycle;
        try {
            lifecycle.collectIfDue(t);
            lifecycle.saveAfter(t);
            lifecycle.restartIfBroken(t);
        } catch (OutOfMemoryError x) {
            Log.SESSION.warn("session '{}': out of memory after {} (the collection or save after it did not complete)",
                    session.id, t.env.handler());
        } catch (Throwable x) {
            session.host.internalError(session, "after " + t.env.handler(), x);
        }
    }

    /** Takes the state's turn for t, gives t a Lua thread and starts its clock. */
    private void begin(Turn t) {
        session.lua.lockState();
        session.mailbox.taken(t.env);
        session.lua.enter(t);
        session.budget.startClock(t);
        t.worker = Thread.currentThread();
        t.began = t.start;
        running = t;   // publishes worker and began
        active = t;
    }

    /** Ends t: a stop it asked for, its CPU time, and the state's turn goes back. */
    private void end(Turn t) {
        try {
            session.lifecycle.stopIfRequested();   // still with the turn (its finalizers are metered)
        } catch (Throwable x) {
            session.host.internalError(session, "stopping after " + t.env.handler(), x);
        }
        long now = System.nanoTime();
        session.budget.endTurn(t, now);
        Metrics m = session.host.metrics;
        if (m != null) m.turnEnded(t, now);
        if (!t.isSave()) session.lastActive = now;
        session.lua.leave(t);
        active = null;
        running = null;
        session.lua.unlockState();
    }

    /** Handles t's envelope; a failure fails its reply and is counted. */
    private void run(Turn t) {
        Envelope e = t.env;
        // counted before the turn runs, so whoever got the reply sees it in the stats (the reply completes inside)
        if (!t.isSave()) session.handled++;
        try {
            switch (e) {
                case Envelope.Call c -> call(t, c);
                case Envelope.Send m -> send(t, m);
                case Envelope.Timer m -> timer(t, m);
                case Envelope.Start _ -> session.lifecycle.start(t);
                case Envelope.Stop s -> session.lifecycle.finishStop(s.reply());
                case Envelope.Save _ -> { }
                case Envelope.Eval v -> eval(t, v);
                case Envelope.Inspect i -> i.reply().complete(new Object[] {i.reader().apply(session.lua.L)});
            }
            if (!t.isSave()) session.lifecycle.turnSucceeded();
        } catch (SessionException x) {
            failed(t, x);
        } catch (SessionExit x) {
            // os.exit: this session ends (saved as at any stop), not the process
            session.lifecycle.requestStop();
            failed(t, new SessionException(Kind.STOPPED, "session '" + session.id + "' ended itself with os.exit("
                    + x.status + ")"));
        } catch (OutOfMemoryError x) {
            // what the VM's protected calls did not turn into "not enough memory" ends the turn here
            Log.SESSION.warn("session '{}': out of memory in {}; the turn ended", session.id, e.handler());
            failed(t, new SessionException(Kind.LUA_ERROR, "not enough memory"));
        } catch (Throwable x) {
            // a Java exception, a StackOverflowError, any other Error: the turn ends, the session goes on
            session.errors++;
            t.failed = true;
            if (session.host.metrics != null) session.host.metrics.failed(Kind.INTERNAL, null);
            e.fail(new SessionException(Kind.INTERNAL, "internal error in session '" + session.id + "' ("
                    + e.handler() + "): " + x));
            session.host.internalError(session, e.handler(), x);
        }
    }

    /** t failed with x: counted, its reply failed; a Lua error counts for the restart policy. */
    private void failed(Turn t, SessionException x) {
        session.errors++;
        t.failed = true;
        logFailure(t.env, x);
        session.host.recentErrors.add(session.id, t.env.handler(), x);
        if (session.host.metrics != null) session.host.metrics.failed(x.kind(), x.getMessage());
        if (x.kind() == Kind.LUA_ERROR) session.lifecycle.turnFailedInLua();
        t.env.fail(x);
    }

    /**
     * Logs a failed turn (see {@link Log#SESSION}): at WARN when nobody else
     * hears of it (on_message, timers; the main chunk is logged by its
     * lifecycle), at DEBUG when the error goes back to a caller.
     */
    private void logFailure(Envelope e, SessionException x) {
        if (e instanceof Envelope.Start || e instanceof Envelope.Stop || e instanceof Envelope.Save) return;
        boolean caller = e instanceof Envelope.Call || e instanceof Envelope.Eval;
        if (caller ? !Log.SESSION.isDebugEnabled() : !Log.SESSION.isWarnEnabled()) return;
        String msg = "session '" + session.id + "': " + e.handler() + " failed: " + LuaJson.brief(x.getMessage()) + Lifecycle.traceback(x);
        if (caller) Log.SESSION.debug(msg);
        else Log.SESSION.warn(msg);
    }

    private void call(Turn t, Envelope.Call c) {
        LuaFunction f = session.lua.global(c.name(), c.exportedOnly());
        if (f == null) {
            throw new SessionException(Kind.NO_SUCH_FUNCTION, "session '" + session.id + "' has no "
                    + (c.exportedOnly() ? "exported " : "") + "function '" + LuaString.toJava(c.name()) + "'");
        }
        t.chain = c.chain();
        session.lua.chargeArrival(t, c.bytes());
        Object[] r = session.lua.invoke(t, f, c.args());
        c.reply().complete(ValueCopy.copyAll(r, "result", resultPurpose(c)));
    }

    /** What the results of c are for, in the error of a result that cannot be copied (see ValueCopy.copyAll). */
    private static String resultPurpose(Envelope.Call c) {
        String fn = LuaString.toJava(c.name()), from = c.from();
        if (c.chain() != null && c.chain().length > 0) {
            return "return a %s from '" + fn + "' to session '" + c.chain()[c.chain().length - 1] + "' (host.call)";
        }
        if (from != null && (from.equals("http") || from.startsWith("http:"))) {
            return "return a %s as the result of the gateway call of '" + fn + "'";
        }
        return "return a %s from '" + fn + "' to its Java caller";
    }

    /** The console's eval: source as a chunk in the globals (a syntax error fails the turn as a Lua error). */
    private void eval(Turn t, Envelope.Eval v) {
        LuaFunction f;
        try {
            f = session.lua.L.load(v.source(), "=eval", "t", null);
        } catch (org.luahost.vm.LuaError x) {
            throw new SessionException(Kind.LUA_ERROR, x.getMessage(), x.value(), null);
        }
        Object[] r = session.lua.invoke(t, f, LuaFunction.NONE);
        v.reply().complete(ValueCopy.copyAll(r, "result"));
    }

    private void send(Turn t, Envelope.Send m) {
        LuaFunction f = session.lua.global("on_message", false);
        if (f == null) {
            throw new SessionException(Kind.NO_SUCH_FUNCTION, "session '" + session.id + "' has no function 'on_message'");
        }
        session.lua.chargeArrival(t, m.bytes());
        Object[] args = m.args();
        Object[] a = new Object[args.length + 1];
        a[0] = m.from();
        System.arraycopy(args, 0, a, 1, args.length);
        session.lua.invoke(t, f, a);
    }

    private void timer(Turn t, Envelope.Timer m) {
        TimerHandle h = m.timer();
        if (session.timers.fire(h)) session.lua.invoke(t, h.fn, LuaFunction.NONE);
    }
}
