package org.luahost.scheduler;

import java.util.Collection;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.luahost.scheduler.impl.HostImpl;

/**
 * Many Lua sessions in one Vert.x instance: each session owns one Lua
 * state, lives on one of the host's event-loop verticles, is fed through a
 * mailbox, and runs its Lua code on virtual threads, one message at a time
 * (see the package documentation for the model).
 *
 * <pre>{@code
 * LuaHost host = LuaHost.create(vertx, new HostOptions());
 * host.session("room", Script.file(Path.of("room.lua")), new SessionOptions())
 *     .compose(s -> s.call("join", "ann"))
 *     .onSuccess(results -> ...);
 * }</pre>
 *
 * <p>Every method may be called from any thread. Futures complete on the
 * caller's Vert.x context when there is one.
 */
public interface LuaHost {
    /** A host on vertx; its verticles are deployed now (sessions started meanwhile wait for them). */
    static LuaHost create(Vertx vertx, HostOptions options) {
        return HostImpl.create(vertx, options);
    }

    Vertx vertx();

    HostOptions options();

    /** Completes when the host's verticles are deployed. */
    Future<Void> ready();

    /**
     * The session with this id: the running one, or a new one that runs
     * script with options (the future completes once its main chunk ran).
     */
    Future<Session> session(String id, Script script, SessionOptions options);

    /** The session with this id, started from the host's default script with the default options if needed. */
    Future<Session> session(String id);

    /** The running session with this id, or null. */
    Session find(String id);

    /** Calls the global function fname of session id (started from the default script if needed). */
    Future<Object[]> call(String id, String fname, Object... args);

    /** Sends a message to session id's {@code on_message(nil, ...)} (started from the default script if needed). */
    Future<Void> send(String id, Object... message);

    /**
     * A call from outside the host's Java code (the {@link Gateway}): calls the
     * global function fname of session id (started from the default script
     * if needed) only if the script wrote it in Lua; a library function such
     * as {@code load} or {@code os.execute} fails as if there were none
     * ({@link SessionException.Kind#NO_SUCH_FUNCTION}). The arguments must be
     * Lua values already (for example from {@link LuaJson}); they are handed
     * to the session as they are, not copied, so the caller must not keep or
     * change them.
     */
    Future<Object[]> callLuaFunction(String id, String fname, Object... luaArgs);

    /**
     * A message from outside the host's Java code (the {@link Gateway}, with
     * from {@code "http"} or {@code "ws"}): delivered to session id's
     * {@code on_message(from, ...)} (started from the default script if
     * needed). As for {@link #callLuaFunction}, the values must be Lua values
     * and are not copied.
     */
    Future<Void> sendAs(String id, String from, Object... luaValues);

    /**
     * Stops session id after the messages in its mailbox; succeeds too when
     * there was no such session. With a store, fails (kind {@code PERSISTENCE})
     * if its last changes could not be saved as it stopped.
     */
    Future<Void> stop(String id);

    /** The live sessions' counters. */
    Collection<SessionStats> stats();

    /**
     * Receives what session id pushes ({@code host.push(...)}; the values are
     * copies) until the returned handle is closed. Used by the gateway's
     * WebSocket route; a session with subscribers is never idle-stopped.
     */
    AutoCloseable subscribe(String id, Consumer<Object[]> receiver);

    /**
     * Stops every session and undeploys the host's verticles. With a store,
     * fails (once everything stopped) if some session's last changes could
     * not be saved, with a {@link SessionException} of kind
     * {@code PERSISTENCE} naming each such session and why.
     */
    Future<Void> close();
}
