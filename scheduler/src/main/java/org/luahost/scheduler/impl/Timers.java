package org.luahost.scheduler.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;

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
 * <p>Durable timers: with a session store, the pending timers are saved
 * with the session ({@link #saveRoot}: handle, callback, due time as
 * wall-clock epoch milliseconds and period, in the snapshot's extra root)
 * and re-armed when it is restored ({@link #restore}) after a restart, a
 * restart after errors or a passivation: a timer still due later fires
 * then; one whose time passed while the session was down fires once, soon
 * (a periodic one then resumes its period from that firing; missed periods
 * are not fired one by one). A saved reference to a handle stays the same
 * handle, so {@code :cancel()} works after the restore. A handle that was
 * no longer pending (fired or cancelled) comes back cancelled.
 *
 * <h2>Threads</h2>
 * Every method runs with the state's turn, except the Vert.x handlers (on
 * the home context), which only deliver, and {@link #live}, which anyone may
 * read (the idle sweep: a session with live timers is not passivated).
 */
final class Timers {
    private static final String TIMER_FUNCTIONS = "luahost.timer_functions";

    private final SessionImpl session;
    /** Timers not yet fired or cancelled, in the order they were set (saved in that order). Guarded by the turn. */
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
        register(h);
        setDue(h, System.nanoTime() + h.periodNanos);
        arm(h, delay);
        return h;
    }

    private void register(TimerHandle h) {
        if (timers == null) timers = new LinkedHashMap<>();
        timers.put(h, Boolean.TRUE);
        live = timers.size();
        h.key = ++seq;
        functions().rawset(h.key, h.fn);
    }

    /** Sets h's next due time, and its wall-clock twin (what is saved; computed once so that unchanged timers save the same bytes). */
    private static void setDue(TimerHandle h, long dueNanos) {
        h.due = dueNanos;
        h.dueEpochMs = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(dueNanos - System.nanoTime());
    }

    /**
     * The pending timers for a snapshot's extra root, or null when there are
     * none (the snapshot then stays format version 2): an array of
     * {@code {handle, callback, due epoch ms, period ms (0: one-shot)}}.
     */
    LuaTable saveRoot() {
        if (timers == null || timers.isEmpty()) return null;
        LuaTable root = new LuaTable();
        long i = 0;
        for (TimerHandle h : timers.keySet()) {
            if (h.userdata == null) continue;
            LuaTable e = new LuaTable();
            e.rawset(1L, h.userdata);
            e.rawset(2L, h.fn);
            e.rawset(3L, (Object) h.dueEpochMs);
            e.rawset(4L, (Object) (h.periodic ? TimeUnit.NANOSECONDS.toMillis(h.periodNanos) : 0L));
            root.rawset(++i, e);
        }
        return i == 0 ? null : root;
    }

    /**
     * Re-arms the timers of a restored snapshot's extra root (see
     * {@link #saveRoot}): due later, at their time; overdue, once in a
     * millisecond (a periodic one's next tick is then one period later).
     * Entries that are not well-formed are skipped.
     */
    void restore(LuaTable root) {
        long nowMs = System.currentTimeMillis();
        long nowNs = System.nanoTime();
        for (long i = 1; root.rawget(i) instanceof LuaTable e; i++) {
            if (!(e.rawget(1L) instanceof LuaUserdata u) || !(u.payload() instanceof TimerHandle h)
                    || !(e.rawget(2L) instanceof LuaFunction fn) || !(e.rawget(3L) instanceof Long dueMs)
                    || !(e.rawget(4L) instanceof Long periodMs) || !h.cancelled || h.fn != null) {
                continue;
            }
            long delay = Math.max(1, dueMs - nowMs);
            h.fn = fn;
            h.periodic = periodMs > 0;
            h.periodNanos = TimeUnit.MILLISECONDS.toNanos(h.periodic ? periodMs : delay);
            h.userdata = u;
            h.cancelled = false;
            register(h);
            setDue(h, nowNs + TimeUnit.MILLISECONDS.toNanos(delay));
            arm(h, delay);
        }
    }

    /** Milliseconds until the earliest live timer is due (0 if overdue), or -1 if there is none. With the turn. */
    long nextDueInMs() {
        if (timers == null || timers.isEmpty()) return -1;
        long now = System.nanoTime();
        long min = Long.MAX_VALUE;
        for (TimerHandle h : timers.keySet()) min = Math.min(min, Math.max(0, h.due - now));
        return TimeUnit.NANOSECONDS.toMillis(min);
    }

    /** Sets the Vert.x timer that delivers h's next tick after ms. */
    private void arm(TimerHandle h, long ms) {
        h.vertxId = session.home.setTimer(ms, x -> {
            if (!h.cancelled) session.deliver(new Envelope.Timer(h));
        });
    }

    /**
     * Whether the session may be passivated as far as its timers go (any
     * thread): it has none, or they are saved with it (a store), in which
     * case the host restores it when the first is due ({@link HostImpl#wakeLater}).
     */
    boolean passivable() { return live == 0 || session.saver != null; }

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
            h.cancelled = true;   // over: a later :cancel() returns false
            forget(h);
            return true;
        }
        long now = System.nanoTime();
        long next = h.due + h.periodNanos;
        if (next - now <= 0) {
            h.coalesced += (now - h.due) / h.periodNanos;
            next = now + h.periodNanos;
        }
        setDue(h, next);
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
