package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.luahost.coroutines.Async;
import org.luahost.coroutines.WaitPolicy;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.scheduler.SessionOptions;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaThread;

/**
 * What a session's turn does while it waits ({@code host.call},
 * {@code host.sleep}, {@code host.persist}, a Java future): the Lua thread
 * parks (its virtual thread, through the coroutines module's
 * {@link Async#await}), and this {@link WaitPolicy} of the state stops the
 * turn's clock and tells {@link Drainers} the worker is blocked, so another
 * worker serves the other sessions. Without interleaving the turn keeps the
 * state's turn: the mailbox waits. With interleaving
 * ({@code SessionOptions.interleave}) it gives the state's turn and the
 * drainer role away (a new drainer starts if envelopes wait) and takes the
 * turn back, in arrival order, before it goes on.
 *
 * <h2>Threads</h2>
 * {@link #beforeWait} and {@link #afterWait} run on the waiting Lua thread's
 * own (virtual) thread, once each per wait, in that order (the contract of
 * {@link WaitPolicy}): the first while it still holds the state's turn, the
 * second before any Lua code of that thread goes on (it takes the turn back
 * first, with interleaving). {@link #await} and {@link #chainForCall} run
 * with the turn. Which turn a thread waits in is kept in a thread-local
 * between the two.
 */
final class Waits implements WaitPolicy {
    /** The turn a thread waits in, between beforeWait and afterWait. */
    private static final ThreadLocal<Turn> WAITING = new ThreadLocal<>();

    private final SessionImpl session;
    /** Whether waits give the turn away (SessionOptions.interleave). */
    private final boolean interleave;
    private final long callTimeoutNanos;
    /** The timeout of waits that give none (SessionOptions.awaitTimeout, else HostOptions.awaitTimeout); 0: none. */
    private final long defaultTimeoutNanos;

    Waits(SessionImpl session, SessionOptions options) {
        this.session = session;
        this.interleave = options.interleave();
        this.callTimeoutNanos = options.callTimeout().toNanos();
        java.time.Duration d = options.awaitTimeout() != null ? options.awaitTimeout() : session.host.options.awaitTimeout();
        this.defaultTimeoutNanos = d == null ? 0 : Math.max(0, d.toNanos());
    }

    /** {@link WaitPolicy}: a wait with no timeout of its own gets the session's await timeout. */
    @Override
    public long defaultTimeoutNanos(LuaThread th) { return defaultTimeoutNanos; }

    /**
     * Waits for f on the calling Lua thread (parked, through {@link Async#await},
     * which calls {@link #beforeWait} and {@link #afterWait}); what names the
     * wait for the timeout message. Returns the values, or raises the failure
     * as a Lua error: a Lua error of another session keeps its value.
     */
    Object[] await(LuaThread th, CompletableFuture<Object[]> f, long timeoutNanos, String what) {
        CompletableFuture<Object[]> g = timeoutNanos > 0 ? f.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS) : f;
        g = g.exceptionallyCompose(x -> {
            Throwable c = x instanceof CompletionException && x.getCause() != null ? x.getCause() : x;
            if (c instanceof TimeoutException) {
                c = new SessionException(Kind.TIMEOUT, what + " timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            } else if (c instanceof SessionException se && se.kind() == Kind.LUA_ERROR) {
                c = new LuaError(se.luaValue());
            }
            return CompletableFuture.failedFuture(c);
        });
        // a wait with a timeout of its own (host.call, host.sleep) is not cut short by the default one: its own
        // timeout (orTimeout above) fails it first, with its own message
        try {
            return timeoutNanos > 0 ? Async.await(th, g, java.time.Duration.ofNanos(timeoutNanos).plusSeconds(1)) : Async.await(th, g);
        } catch (LuaError e) {
            // a kill interrupts the wait: the turn ends with "session killed (reason)", not with "interrupted"
            if (session.killReason != null) session.budget.onWork(th);
            throw e;
        }
    }

    /** {@link WaitPolicy}: a turn is about to wait; stop its clock, and with interleaving give the turn away. */
    @Override
    public void beforeWait(LuaThread th) {
        TurnRunner turns = session.turns;
        Turn t = turns.active;
        if (t == null) return;   // not inside a turn (cannot happen for session code)
        WAITING.set(t);
        turns.releaseLane(t);   // a wait holds no carrier, so no permit of the heavy lane either
        t.waiter = Thread.currentThread();
        t.waitStart = System.nanoTime();
        session.lua.suspend(t);
        if (!t.detached) session.host.drainers.blocked();   // the worker waits: another one serves the other sessions
        if (!interleave) return;
        turns.active = null;
        if (t.drainer) {
            // hand the drainer role over: the mailbox goes on while this turn waits
            t.drainer = false;
            if (session.mailbox.releaseRole()) session.startDrainer();
        }
        session.lua.hosting().releaseTurn();
    }

    /** {@link WaitPolicy}: the wait ended; with interleaving take the turn back (in arrival order), restart the clock. */
    @Override
    public void afterWait(LuaThread th) {
        Turn t = WAITING.get();
        if (t == null) return;
        WAITING.remove();
        t.waiter = null;
        if (interleave) {
            session.lua.hosting().acquireTurn();
            session.turns.active = t;
            session.lua.resume(t);
        }
        if (!t.detached) session.host.drainers.unblocked();
        session.budget.resumed(t);
    }

    /** Ids whose turns wait on the running turn (for a call it makes), this session last. */
    String[] chainForCall() {
        Turn t = session.turns.active;
        String[] c = t == null || t.chain == null ? new String[0] : t.chain;
        String[] out = java.util.Arrays.copyOf(c, c.length + 1);
        out[c.length] = session.id;
        return out;
    }

    long callTimeoutNanos() { return callTimeoutNanos; }

    boolean interleaves() { return interleave; }
}
