package org.luahost.scheduler;

/**
 * One failed turn of a session, as the host keeps the last few of each
 * ({@link LuaHost#recentErrors}, {@link HostOptions}: the console's "recent
 * errors"): when it failed, what ran ({@code "on_message"}, {@code "call f"},
 * {@code "the main chunk"}, {@code "a host.after callback"}...), the error
 * message, its kind and the Lua traceback (null when there is none).
 *
 * @param epochMillis when the turn failed (wall clock, milliseconds since the epoch)
 * @param handler     what the turn ran
 * @param kind        the error's kind
 * @param message     the error message
 * @param traceback   the Lua traceback, or null
 */
public record TurnError(long epochMillis, String handler, SessionException.Kind kind, String message, String traceback) {}
