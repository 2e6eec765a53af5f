package org.luahost.scheduler;

import io.vertx.core.Future;

/**
 * A running session: one Lua state fed by a mailbox. Obtained from
 * {@link LuaHost#session}; the same operations are on {@link LuaHost} by id.
 */
public interface Session {
    String id();

    /** Calls the global function fname with args (copied in); the future gets the results (copied out). */
    Future<Object[]> call(String fname, Object... args);

    /** Delivers a message to the session's {@code on_message(nil, ...)}. */
    void send(Object... message);

    /**
     * Stops the session after the messages already in its mailbox. With a
     * store, fails (kind {@code PERSISTENCE}) if its last changes could not
     * be saved as it stopped (the previous snapshot stays).
     */
    Future<Void> stop();

    SessionStats stats();

    /** The options it runs with (a copy; changing it has no effect). */
    SessionOptions options();

    /** The event-bus address of this session. */
    String address();
}
