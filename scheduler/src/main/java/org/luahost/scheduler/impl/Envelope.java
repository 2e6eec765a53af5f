package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;

import org.luahost.scheduler.SessionException;

/**
 * One message in a session's mailbox: what to do (start, call a function,
 * deliver to on_message, run a timer callback, stop, save) with values already
 * copied for the session, and where the answer goes.
 *
 * <p>Immutable once offered, except the reply future, which the session
 * completes exactly once.
 */
final class Envelope {
    static final int START = 0, CALL = 1, SEND = 2, TIMER = 3, STOP = 4, SAVE = 5;

    final int kind;
    /** CALL: the global function's name. */
    final String name;
    /** SEND: the sender's id (null from Java). */
    final String from;
    final Object[] args;
    /** CALL, START, STOP: the answer (results, or null); null for SEND and TIMER. */
    final CompletableFuture<Object[]> reply;
    /** TIMER: the timer. */
    final TimerHandle timer;
    /** CALL from a session: the ids of the sessions whose turns wait on this call, the caller last (cycle detection). */
    final String[] chain;
    /** CALL from outside (the gateway): only functions written in Lua may be called, not library functions. */
    final boolean luaOnly;

    private Envelope(int kind, String name, String from, Object[] args, CompletableFuture<Object[]> reply,
                     TimerHandle timer, String[] chain, boolean luaOnly) {
        this.kind = kind; this.name = name; this.from = from; this.args = args;
        this.reply = reply; this.timer = timer; this.chain = chain; this.luaOnly = luaOnly;
    }

    private Envelope(int kind, String name, String from, Object[] args, CompletableFuture<Object[]> reply,
                     TimerHandle timer, String[] chain) {
        this(kind, name, from, args, reply, timer, chain, false);
    }

    static Envelope callLuaFunction(String fname, Object[] args, CompletableFuture<Object[]> reply) {
        return new Envelope(CALL, fname, null, args, reply, null, null, true);
    }

    static Envelope start(CompletableFuture<Object[]> reply) { return new Envelope(START, null, null, null, reply, null, null); }

    static Envelope call(String fname, Object[] args, CompletableFuture<Object[]> reply, String[] chain) {
        return new Envelope(CALL, fname, null, args, reply, null, chain);
    }

    static Envelope send(String from, Object[] args) { return new Envelope(SEND, null, from, args, null, null, null); }

    static Envelope timer(TimerHandle t) { return new Envelope(TIMER, null, null, null, null, t, null); }

    static Envelope stop(CompletableFuture<Object[]> reply) { return new Envelope(STOP, null, null, null, reply, null, null); }

    /** A save that was put off until the save interval is over (no Lua runs). */
    static Envelope save() { return new Envelope(SAVE, null, null, null, null, null, null); }

    void fail(SessionException e) {
        if (reply != null) reply.completeExceptionally(e);
    }
}
