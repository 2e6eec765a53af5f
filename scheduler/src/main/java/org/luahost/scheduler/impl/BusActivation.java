package org.luahost.scheduler.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;

/**
 * A host's sessions on the Vert.x event bus: each live session's consumer at
 * its address (prefix + id) speaking the JSON protocol of
 * {@link #onBusMessage}, and the outbound interceptor that starts or
 * restores a session on the first message sent to its address (in a
 * cluster: relays it to the node the session lives on).
 *
 * <p>Threads: the interceptor runs on the sender's thread; the consumer on
 * the session's home context. State is the host's (its session map).
 */
final class BusActivation {
    private final HostImpl host;

    BusActivation(HostImpl host) {
        this.host = host;
    }

    /** The outbound interceptor that starts or restores a session on its first event-bus message. */
    final Handler<DeliveryContext<Object>> activator = this::activateOnMessage;

    /**
     * A message sent to a session's address (prefix + id) whose consumer is
     * not registered yet: the session is started (from the default script) or
     * restored (passivated), as a call from Java would, and the message goes
     * on once its consumer is registered, so it is the session's first
     * message instead of a NO_HANDLERS failure. An id that names no session
     * (no default script, never passivated) goes on at once (NO_HANDLERS, as
     * before); a session that cannot start now (shutting down, over a limit)
     * fails a request with code 503 and the reason, and drops a plain send
     * (logged at WARN). Runs on the sender's
     * thread; the message goes on on the sender's context when it had one.
     */
    private void activateOnMessage(DeliveryContext<Object> dc) {
        String address = dc.message().address();
        String prefix = host.options.addressPrefix();
        if (host.closing || host.homes.isEmpty() || address == null || address.length() <= prefix.length() || !address.startsWith(prefix)) {
            dc.next();
            return;
        }
        String id = address.substring(prefix.length());
        if (host.cluster != null && host.find(id) == null) {
            host.cluster.wire.relay(dc, id);   // to the node it lives on
            return;
        }
        SessionImpl s = host.sessions.get(id);
        if (s != null && !s.isGone() && s.busBound.isDone()) {
            dc.next();
            return;
        }
        SessionImpl started;
        try {
            started = host.byId(id);
        } catch (SessionException e) {
            if (e.kind() == Kind.NO_SUCH_SESSION) {
                dc.next();
            } else if (dc.message().replyAddress() != null) {
                dc.message().fail(503, e.getMessage());   // the request's reply fails; the message goes no further
            } else {
                Log.SESSION.warn("a message to {} was dropped: {}", address, e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            dc.next();
            return;
        }
        Context ctx = Vertx.currentContext();
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable resume = () -> {
            if (!once.compareAndSet(false, true)) return;
            if (ctx != null) ctx.runOnContext(v -> dc.next());
            else dc.next();
        };
        started.busBound.whenComplete((r, x) -> resume.run());
        started.startedFuture.whenComplete((r, x) -> {
            if (x != null) resume.run();   // it did not start: no consumer will come
        });
    }

    void register(SessionImpl s) {
        if (!host.options.eventBus()) return;
        s.bindBus(m -> onBusMessage(s, m));
    }

    /**
     * The event-bus protocol: {@code {"call": fname, "args": [...]}} answers
     * with a JSON array of the results (or fails with code 500 and the
     * message); {@code {"send": [...], "from": id}} delivers to on_message.
     */
    private void onBusMessage(SessionImpl s, Message<Object> m) {
        if (!(m.body() instanceof JsonObject body)) {
            m.fail(400, "expected a JSON object {\"call\": name, \"args\": [...]} or {\"send\": [...]}");
            return;
        }
        try {
            if (body.getValue("call") instanceof String fname) {
                JsonArray a = body.getJsonArray("args", new JsonArray());
                host.callLua(s, LuaJson.luaString(fname), LuaJson.fromJsonArray(a)).onComplete(ar -> {
                    if (ar.succeeded()) m.reply(LuaJson.toJsonArray(ar.result()));
                    else m.fail(ar.cause() instanceof SessionException se && se.kind() == Kind.NO_SUCH_FUNCTION ? 404 : 500,
                            ar.cause().getMessage());
                });
            } else if (body.getValue("send") instanceof JsonArray a) {
                Object from = body.getValue("from");
                s.deliver(new Envelope.Send(from == null ? null : LuaJson.luaString(from.toString()), LuaJson.fromJsonArray(a)));
                m.reply(null);
            } else {
                m.fail(400, "expected a JSON object {\"call\": name, \"args\": [...]} or {\"send\": [...]}");
            }
        } catch (SessionException | IllegalArgumentException e) {
            m.fail(400, e.getMessage());
        }
    }
}
