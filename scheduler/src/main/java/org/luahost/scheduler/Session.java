package org.luahost.scheduler;

import io.vertx.core.Future;

/**
 * A running session: one Lua state fed by a mailbox. Obtained from
 * {@link LuaHost#session}; the same operations are on {@link LuaHost} by id.
 */
public interface Session {
    String id();

    /**
     * Calls the global function fname with args (Java values converted as
     * {@code Values.toLua} documents: text as UTF-8, maps, lists, arrays,
     * records, JSON values; Lua values copied in); the future gets the
     * results (copied out; strings as Java text, tables as Lua tables).
     */
    Future<Object[]> call(String fname, Object... args);

    /** Delivers a message (Java values, converted as for {@link #call}) to the session's {@code on_message(nil, ...)}. */
    void send(Object... message);

    /**
     * Stops the session after the messages already in its mailbox. With a
     * store, fails (kind {@code PERSISTENCE}) if its last changes could not
     * be saved as it stopped (the previous snapshot stays).
     */
    Future<Void> stop();

    /** Kills the session now, even while a turn runs (see {@link LuaHost#kill}). */
    Future<Void> kill(String reason);

    SessionStats stats();

    /** The options it runs with (a copy; changing it has no effect). */
    SessionOptions options();

    /** The event-bus address of this session. */
    String address();
}
