package org.luahost.scheduler.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's loggers (SLF4J; no binding is forced on embedders, the CLI
 * ships {@code ConsoleLogging}). What goes where, so that an operator can
 * tell from the log alone why a session stopped:
 * <ul>
 * <li>{@link #SESSION} ({@code org.luahost.session}): a failed turn whose
 *     error nobody else receives (the main chunk, {@code on_message}, timer
 *     callbacks) at WARN with the session id, the handler and the Lua
 *     traceback; a failed call (its caller gets the error) at DEBUG; restarts,
 *     stops after failures, start-up failures at WARN; starts and stops at
 *     DEBUG.
 * <li>{@link #STORE} ({@code org.luahost.store}): saves that fail, restores
 *     that fail, at WARN.
 * <li>{@link #HOST} ({@code org.luahost.host}): host-wide warnings
 *     (shutdown, ceilings) at WARN, internal errors (a Java exception that
 *     escaped session code, with its stack trace) at ERROR.
 * <li>{@link #SCRIPT} ({@code org.luahost.script}): what scripts write with
 *     {@code host.log(level, ...)}, prefixed by the session id.
 * </ul>
 * Loggers are thread-safe; messages are built only when their level is on.
 */
final class Log {
    private Log() {}

    static final Logger SESSION = LoggerFactory.getLogger("org.luahost.session");
    static final Logger STORE = LoggerFactory.getLogger("org.luahost.store");
    static final Logger HOST = LoggerFactory.getLogger("org.luahost.host");
    static final Logger SCRIPT = LoggerFactory.getLogger("org.luahost.script");
}
