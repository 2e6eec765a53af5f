package org.luahost.scheduler.impl;

import java.util.function.Consumer;

import io.vertx.core.Future;

import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionOptions;
import org.luahost.scheduler.SessionStats;

/**
 * The local side of a clustered host's operations: what {@link ClusterWire}
 * runs once the session is known to live (or be placed) on this node, as
 * the unclustered host would run it. Also {@link Remote}, the
 * {@link Session} a clustered host hands out for a session on another node.
 * Stateless; any thread.
 */
final class ClusterLocal {
    private ClusterLocal() {}

    static boolean isLiveHere(HostImpl h, String id) { return h.find(id) != null; }

    /**
     * A call of Lua values (not copied again: they are the caller's copies or
     * fresh from the wire); chain: the sessions waiting on it (a call from
     * a session's turn, the caller last), checked for a cycle here, or null.
     */
    static Future<Object[]> call(HostImpl h, String id, String from, String[] chain, String fname, Object[] lua, boolean exported) {
        return h.ready().compose(v -> {
            SessionImpl s = h.byId(id);
            HostImpl.checkCycle(s, chain);
            HostImpl.PromiseReply reply = new HostImpl.PromiseReply();
            s.deliver(new Envelope.Call(fname, lua, reply, chain, exported, from));
            return reply.promise.future();
        });
    }

    static Future<Void> send(HostImpl h, String id, String from, Object[] lua) {
        return h.ready().compose(v -> {
            h.byId(id).deliver(new Envelope.Send(from, lua));
            return Future.succeededFuture();
        });
    }

    static Future<Void> start(HostImpl h, String id) {
        return h.ready().compose(v -> HostImpl.future(h.byId(id).startedFuture)).mapEmpty();
    }

    static Future<Void> stop(HostImpl h, String id) {
        Session s = h.find(id);
        return s == null ? Future.succeededFuture() : h.stop((SessionImpl) s);
    }

    static Future<Void> kill(HostImpl h, String id, String reason) {
        Session s = h.find(id);
        return s == null ? Future.succeededFuture() : HostImpl.future(((SessionImpl) s).killNow(reason)).mapEmpty();
    }

    static AutoCloseable subscribe(HostImpl h, String id, Consumer<Object[]> receiver) {
        return h.byId(id).subscribe(receiver);
    }

    /** A session on another node, as {@link org.luahost.scheduler.LuaHost#session} gives it: every operation routed by id. */
    record Remote(HostImpl host, String id) implements Session {
        @Override public Future<Object[]> call(String fname, Object... args) { return host.call(id, fname, args); }

        @Override public void send(Object... message) { host.send(id, message); }

        @Override public Future<Void> stop() { return host.stop(id); }

        @Override public Future<Void> kill(String reason) { return host.kill(id, reason); }

        /** null: not known here (the session runs on another node). */
        @Override public SessionStats stats() { return null; }

        @Override public SessionOptions options() { return new SessionOptions(host.options.sessionDefaults()); }

        @Override public String address() { return host.options.addressPrefix() + id; }
    }
}
