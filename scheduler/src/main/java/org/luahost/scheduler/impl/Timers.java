package org.luahost.scheduler.impl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;

/**
 * A session's timers: {@code host.after} and {@code host.every}, whose
 * firings are {@link Envelope.Timer} envelopes in the mailbox (the callback
 * runs as a turn of its own), and {@code host.sleep}. The Vert.x timers run
 * on the session's {@link HomeContext} and only deliver.
 *
 * <p>A periodic timer never queues more than one tick: its next Vert.x
 * timer is armed when a tick's turn begins ({@link #fire}), so a callback
 * that runs longer than the period (or a mailbox that is slow to reach the
 * tick) makes the timer skip the ticks it missed instead of queueing them
 * (see {@link TimerHandle}). A session has at most
 * {@code SessionOptions.maxTimers} live timers.
 *
 * <p>Timers live as long as the process: a restored session has none (its
 * saved handles come back cancelled, see {@link SessionSaver.TimerCodec}),
 * and its script re-arms what it needs.
 *
 * <h2>Threads</h2>
 * Every method runs with the state's turn, except the Vert.x handlers (on
 * the home context), which only deliver, and {@link #live}, which anyone may
 * read (the idle sweep: a session with live timers is not passivated).
 */
final class Timers {
    private static final String TIMER_FUNCTIONS = "luahost.timer_functions";

    private final SessionImpl session;
    /** Timers not yet fired or cancelled. Guarded by the turn. */
    private Map<TimerHandle, Boolean> timers;
    /** The last key given to a timer in the registry table of callbacks. Guarded by the turn. */
    private long seq;
    /** How many timers are live. Written with the turn, read by anyone. */
    volatile int live;

    Timers(SessionImpl session) { this.session = session; }

    /** Starts a timer that delivers fn's call to the mailbox after ms (and every ms, if periodic). */
    TimerHandle add(long ms, LuaFunction fn, boolean periodic) {
        long delay = Math.max(1, ms);
        TimerHandle h = new TimerHandle(fn, periodic, TimeUnit.MILLISECONDS.toNanos(delay));
        if (timers == null) timers = new IdentityHashMap<>();
        timers.put(h, Boolean.TRUE);
        live = timers.size();
        h.key = ++seq;
        functions().rawset(h.key, fn);
        h.due = System.nanoTime() + h.periodNanos;
        arm(h, delay);
        return h;
    }

    /** Sets the Vert.x timer that delivers h's next tick after ms. */
    private void arm(TimerHandle h, long ms) {
        h.vertxId = session.home.setTimer(ms, x -> {
            if (!h.cancelled) session.deliver(new Envelope.Timer(h));
        });
    }

    /** Live timers (any thread: a snapshot). */
    int live() { return live; }

    /** {@code timer:cancel()}: false if it had fired (one-shot) or was cancelled already. */
    boolean cancel(TimerHandle h) {
        if (h.cancelled) return false;
        h.cancelled = true;
        forget(h);
        session.host.vertx.cancelTimer(h.vertxId);   // a tick already in the mailbox is dropped by fire
        return true;
    }

    /**
     * A tick's turn: whether its callback should run (not if cancelled
     * since); a one-shot timer is over, a periodic one arms its next tick:
     * at its due time if that is still ahead, else one period from now (the
     * ticks missed meanwhile are coalesced into this one).
     */
    boolean fire(TimerHandle h) {
        if (h.cancelled) return false;
        if (!h.periodic) {
            forget(h);
            return true;
        }
        long now = System.nanoTime();
        long next = h.due + h.periodNanos;
        if (next - now <= 0) {
            h.coalesced += (now - h.due) / h.periodNanos;
            next = now + h.periodNanos;
        }
        h.due = next;
        arm(h, Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now)));
        return true;
    }

    private void forget(TimerHandle h) {
        if (timers != null) {
            timers.remove(h);
            live = timers.size();
            if (session.lua.L != null && h.key != 0) functions().rawset(h.key, null);
        }
    }

    /** Cancels every timer (the session stops or restarts; firings already queued are dropped by {@link #fire}). */
    void cancelAll() {
        if (timers != null) {
            for (TimerHandle h : new ArrayList<>(timers.keySet())) {
                h.cancelled = true;
                session.host.vertx.cancelTimer(h.vertxId);
            }
            timers = null;
            live = 0;
        }
    }

    /** Adds the callbacks of live timers to roots (for the memory estimate). */
    void addRoots(List<Object> roots) {
        if (timers != null) for (TimerHandle h : timers.keySet()) roots.add(h.fn);
    }

    /**
     * The callbacks of live timers, in a registry table: the Lua collector
     * marks from the registry, so what a pending callback reaches is neither
     * finalized nor cleared from weak tables. The registry is not saved.
     */
    private LuaTable functions() {
        LuaTable registry = session.lua.L.registry;
        if (registry.rawget(TIMER_FUNCTIONS) instanceof LuaTable t) return t;
        LuaTable t = new LuaTable();
        registry.rawset(TIMER_FUNCTIONS, t);
        return t;
    }

    /** {@code host.sleep(ms)}: a future completed on the home context after ms. */
    CompletableFuture<Object[]> sleep(long ms) {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        if (ms <= 0) {
            f.complete(LuaFunction.NONE);
        } else {
            session.home.setTimer(ms, x -> f.complete(LuaFunction.NONE));
        }
        return f;
    }
}
