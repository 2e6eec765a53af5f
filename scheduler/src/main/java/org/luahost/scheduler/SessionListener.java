package org.luahost.scheduler;

import org.luahost.vm.LuaState;

/**
 * Hears about the lifecycle of every session of a host: the hooks for
 * persistence (restore in {@link #created}, save in {@link #stopping}) and
 * for monitoring. All methods have empty defaults.
 *
 * <p>{@link #created} and {@link #stopping} run on the session's own Lua
 * thread while it holds its turn (no message is being handled), so they may
 * read and change the state, and may block (the thread is virtual). The
 * others run on whatever thread noticed the event and must not block.
 */
public interface SessionListener {
    /** The state exists and has its libraries and the {@code host} table; the script has not run yet. */
    default void created(Session session, LuaState state) {}

    /** The script's main chunk ran; the session now handles messages. */
    default void started(Session session) {}

    /** The session had no message for the host's idle timeout and will be stopped. */
    default void idle(Session session) {}

    /** The session handled its last message and is about to release its state. */
    default void stopping(Session session, LuaState state) {}

    /** The session is gone; messages to it now fail (or start a new session). */
    default void stopped(Session session) {}
}
