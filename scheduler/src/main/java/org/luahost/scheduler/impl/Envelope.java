package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;

import org.luahost.scheduler.SessionException;

/**
 * One message in a session's {@link Mailbox}: what to do, with values already
 * copied for the session, and where the answer goes. The kinds are a closed
 * set of records, and {@link TurnRunner} handles each in one arm of a
 * {@code switch}: adding a kind without a handler does not compile.
 *
 * <p>Immutable once offered (the argument arrays are not copied again and
 * nobody writes them), except the reply future, which the session completes
 * exactly once.
 */
sealed interface Envelope {
    /** Where the answer goes (the results, or null), or null when nobody waits for one. */
    default CompletableFuture<Object[]> reply() { return null; }

    /**
     * Whether the envelope counts against the mailbox bound
     * ({@code HostOptions.mailboxLimit}): calls and messages do; the host's own
     * envelopes (start, stop, timer ticks, which are coalesced, deferred saves) do not.
     */
    default boolean bounded() { return false; }

    /**
     * The bytes its values hold ({@link ValueWeight}): counted against the
     * mailbox's byte bound while it waits, and charged to the receiving
     * state's memory when its turn begins. 0 for the host's own envelopes.
     */
    default long bytes() { return 0; }

    /** What the envelope runs, for logs and reports ("on_message", "call f"...). */
    String handler();

    /** Fails the reply, if there is one. */
    default void fail(SessionException e) {
        CompletableFuture<Object[]> r = reply();
        if (r != null) r.completeExceptionally(e);
    }

    /** The first message of every session: create the state, restore it, run the script; reply once it ran. */
    record Start(CompletableFuture<Object[]> reply) implements Envelope {
        @Override public String handler() { return "the main chunk"; }
    }

    /**
     * Calls the global function name with args. chain: for a call from a
     * session, the ids of the sessions whose turns wait on this call, the
     * caller last (cycle detection); else null. exportedOnly: a call from
     * outside (the gateway), where only the functions the script exported
     * ({@code host.export}) may be called.
     */
    record Call(String name, Object[] args, CompletableFuture<Object[]> reply, String[] chain, boolean exportedOnly,
                String from, long bytes) implements Envelope {
        /** bytes: the weight of args ({@link ValueWeight#of}), measured here. */
        Call(String name, Object[] args, CompletableFuture<Object[]> reply, String[] chain, boolean exportedOnly, String from) {
            this(name, args, reply, chain, exportedOnly, from, ValueWeight.of(args));
        }

        /** A call from Java or from another session (chain non-null: its last id is the caller, see host.caller). */
        Call(String name, Object[] args, CompletableFuture<Object[]> reply, String[] chain) {
            this(name, args, reply, chain, false, chain == null || chain.length == 0 ? null : chain[chain.length - 1]);
        }

        @Override public boolean bounded() { return true; }

        @Override public String handler() { return "call " + org.luahost.vm.LuaString.toJava(name); }
    }

    /** Delivers args to {@code on_message(from, ...)}; from is the sender's id (null from Java). */
    record Send(String from, Object[] args, long bytes) implements Envelope {
        /** bytes: the weight of args ({@link ValueWeight#of}), measured here. */
        Send(String from, Object[] args) { this(from, args, ValueWeight.of(args)); }

        @Override public boolean bounded() { return true; }

        @Override public String handler() { return "on_message"; }
    }

    /** A firing of a timer ({@code host.after}, {@code host.every}): runs its callback unless it was cancelled. */
    record Timer(TimerHandle timer) implements Envelope {
        @Override public String handler() { return timer.periodic ? "a host.every callback" : "a host.after callback"; }
    }

    /** Stops the session (host.stop, close); reply once it is stopped. */
    record Stop(CompletableFuture<Object[]> reply) implements Envelope {
        @Override public String handler() { return "stop"; }
    }

    /**
     * Runs source (Lua text) as a chunk in the session's globals, as one turn
     * with the session's budget (the console's eval, admins only); reply with
     * its results (Lua values, copies). Counted as a call in the metrics.
     */
    record Eval(String source, CompletableFuture<Object[]> reply) implements Envelope {
        @Override public boolean bounded() { return true; }

        @Override public String handler() { return "eval"; }
    }

    /**
     * Runs a Java reader on the session's state while holding its turn (no
     * Lua runs unless the reader runs some); reply with what it returns as
     * the only element. Not counted as a turn in the metrics or the stats.
     */
    record Inspect(java.util.function.Function<org.luahost.vm.LuaState, Object> reader,
                   CompletableFuture<Object[]> reply) implements Envelope {
        @Override public String handler() { return "inspect"; }
    }

    /** A save that was put off until the save interval is over. No Lua runs; the session's activity clock is not reset. */
    record Save() implements Envelope {
        static final Save INSTANCE = new Save();

        @Override public String handler() { return "save"; }
    }
}
