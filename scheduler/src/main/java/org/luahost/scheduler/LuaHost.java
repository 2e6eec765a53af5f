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
    /**
     * A host on vertx; its verticles are deployed now (sessions started
     * meanwhile wait for them). Created inside a verticle (in its start, or
     * any code on its context), the host belongs to that deployment: its own
     * verticles are separate deployments, and undeploying the verticle closes
     * the host (after the verticle's stop, which may close it itself) and
     * waits for the close, so the sessions are saved and nothing is left deployed.
     */
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

    /**
     * Calls the global function fname of session id (started from the
     * default script if needed). The arguments are Java values converted as
     * {@code Values.toLua} documents (text as UTF-8, maps, lists, arrays,
     * records, {@code JsonObject}/{@code JsonArray}); strings in the results
     * are Java text, tables stay Lua tables (copies; {@code Values.toJavaDeep}
     * converts them).
     */
    Future<Object[]> call(String id, String fname, Object... args);

    /** Sends a message (Java values, converted as for {@link #call}) to session id's {@code on_message(nil, ...)} (started from the default script if needed). */
    Future<Void> send(String id, Object... message);

    /**
     * As {@link #send}, with from naming the sender: delivered to session
     * id's {@code on_message(from, ...)}, so that the Lua code can answer a
     * Java component (for example with {@code host.send(from, ...)} when from
     * is itself a session id, or through a subscriber). from is Java text.
     */
    Future<Void> sendFrom(String id, String from, Object... message);

    /**
     * A call from outside the host's Java code (the {@link Gateway}): calls
     * the function the script of session id exported as fname
     * ({@code host.export{fname = fn}}; the session is started from the
     * default script if needed); any other name, a global the script did not
     * export, a library function or {@code on_message} fails as if there were
     * none ({@link SessionException.Kind#NO_SUCH_FUNCTION}). fname and the
     * arguments must be Lua values already (for example from {@link LuaJson});
     * they are handed to the session as they are, not copied, so the caller
     * must not keep or change them. The results are Lua values (copies).
     */
    Future<Object[]> callExported(String id, String fname, Object... luaArgs);

    /**
     * As {@link #callExported}, from the caller named from (a Lua string, or
     * null): what {@code host.caller()} returns in the called function (the
     * gateway passes its request's sender, {@code "http"} or {@code "http:NAME"}).
     */
    Future<Object[]> callExportedAs(String id, String from, String fname, Object... luaArgs);

    /**
     * As {@link #call}, from a caller the session can tell apart:
     * {@code host.caller()} returns from in the called function (as
     * {@link #sendFrom} gives on_message its sender), so it can answer with
     * {@code host.send} or act on whose call it is.
     */
    Future<Object[]> callFrom(String id, String from, String fname, Object... args);

    /**
     * A message from outside the host's Java code (the {@link Gateway}, with
     * from naming the client, see {@link GatewayOptions}): delivered to
     * session id's {@code on_message(from, ...)} (started from the default
     * script if needed). As for {@link #callExported}, the values must be Lua
     * values and are not copied.
     */
    Future<Void> sendAs(String id, String from, Object... luaValues);

    /**
     * Stops session id after the messages in its mailbox; succeeds too when
     * there was no such session. With a store, fails (kind {@code PERSISTENCE})
     * if its last changes could not be saved as it stopped.
     */
    Future<Void> stop(String id);

    /**
     * Kills session id now, even while a turn runs: the running turn fails
     * with the Lua error {@code session killed (reason)} at its next work
     * check (a wait on a future is interrupted), the messages in its mailbox
     * fail with {@link SessionException.Kind#STOPPED}, and the session stops
     * (saved as at any stop; its next message starts it again, from its last
     * save when the host has a store). The future completes once it stopped;
     * succeeds too when there was no such session. A turn stuck in Java code
     * that never reaches a work check is not stopped by this (see
     * {@link #close(java.time.Duration)}).
     */
    Future<Void> kill(String id, String reason);

    /**
     * Runs source (Lua text) as a chunk in session id's globals, as one turn
     * under the session's budget (started from the default script if
     * needed): the console's eval, for administrators. The results are Lua
     * values (copies); a syntax or run-time error fails the future with a
     * {@link SessionException} of kind {@code LUA_ERROR}, like a failed call.
     */
    default Future<Object[]> eval(String id, String source) {
        return Future.failedFuture(new UnsupportedOperationException("eval is not supported by this host"));
    }

    /**
     * Runs reader on the state of the live session id while holding its turn
     * (between two turns; it must not keep the state or its values), and
     * completes with what it returns; fails with {@code NO_SUCH_SESSION} when
     * no such session runs (nothing is started). Not counted as a turn. The
     * console reads a live session's globals with it.
     */
    default <T> Future<T> inspect(String id, java.util.function.Function<org.luahost.vm.LuaState, T> reader) {
        return Future.failedFuture(new UnsupportedOperationException("inspect is not supported by this host"));
    }

    /**
     * The last failed turns of session id (at most 20, oldest first; also of
     * a session that stopped or could not start), with handler, message and
     * traceback: what the console shows as its recent errors.
     */
    default java.util.List<TurnError> recentErrors(String id) { return java.util.List.of(); }

    /** The live sessions' counters (on this node). */
    Collection<SessionStats> stats();

    /**
     * The live sessions' counters of every node, by node id: in a cluster
     * ({@link HostOptions#cluster}) each member is asked for its
     * {@link #stats()} (a member that does not answer within a few seconds
     * is left out); otherwise this host's, under the key {@code "local"}.
     * {@code GET /sessions} of the gateway answers with it.
     */
    default Future<java.util.Map<String, Collection<SessionStats>>> statsByNode() {
        return Future.succeededFuture(java.util.Map.of("local", stats()));
    }

    /**
     * Whether session id is live: here, or in a cluster on the node the
     * session directory names. Nothing is started or claimed.
     */
    default Future<Boolean> isLive(String id) { return Future.succeededFuture(find(id) != null); }

    /**
     * The host's health checks: the group {@code live} (its event loops
     * and its store answer) for liveness, all of them (also
     * {@code ready/admission}: new sessions are accepted) for readiness; the gateway serves them at {@code GET /health} and
     * {@code GET /ready}.
     */
    io.vertx.ext.healthchecks.HealthChecks health();

    /**
     * Receives what session id pushes ({@code host.push(...)}; the values are
     * copies) until the returned handle is closed. Used by the gateway's
     * WebSocket route; a session with subscribers is never idle-stopped.
     */
    AutoCloseable subscribe(String id, Consumer<Object[]> receiver);

    /**
     * Stops every session and undeploys the host's verticles, within
     * {@link HostOptions#closeTimeout()}; as {@link #close(java.time.Duration)},
     * with the sessions it could not save logged as warnings. With a store,
     * fails (once everything stopped) if some session's last changes could
     * not be saved, with a {@link SessionException} of kind
     * {@code PERSISTENCE} naming each such session and why. Idempotent:
     * later calls return the first call's future.
     */
    Future<Void> close();

    /**
     * Stops every session, saving each (with a store), and undeploys the
     * host's verticles; the future completes within bound (plus a few
     * milliseconds), whatever the sessions do. In the first half of bound each
     * session handles what is in its mailbox and stops; then the sessions
     * still running are killed ({@link #kill}). Saves run on threads of their
     * own, so a turn stuck in Java code delays only its own session; the
     * report names the sessions not saved by the end, with the reason.
     * New sessions are refused from the start.
     */
    Future<CloseReport> close(java.time.Duration bound);
}
