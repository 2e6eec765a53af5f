package org.luahost.scheduler.impl;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionStats;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The node-to-node protocol of a clustered host, at
 * {@code luahost.node.<nodeId>}: JSON objects with {@code op} and
 * {@code id}:
 * <ul>
 * <li>{@code call}: {@code fn}, {@code args} (Lua values as JSON, see
 *     {@link LuaJson}), {@code from} (or null), {@code exported} (the
 *     gateway's calls: exported functions only); answers the results array;
 * <li>{@code send}: {@code args}, {@code from}; answers null once queued;
 * <li>{@code start}: activates the session; {@code stop}, {@code kill} ({@code reason});
 * <li>{@code sub}: {@code addr}: the session's pushes go to that address
 *     (a WebSocket on another node) until {@code unsub} with the same addr.
 * <li>{@code stats} (no id): answers the node's live sessions' counters;
 *     {@code live}: answers whether session id is live on the node. Neither
 *     checks or claims the directory.
 * </ul>
 * Failures: {@link ClusterRouter#MISDIRECTED} with the owner's node id when
 * another node owns the session; {@code 1000 + Kind.ordinal()} with the
 * message for a {@link SessionException}.
 *
 * <p>The receiving side claims the session in the directory before it
 * runs anything (so it may start it), also when the session is live here
 * (a request may be older than the session's move to another node: one
 * queued while this node was paused), then hands the operation to the
 * host's local path; a session live here whose entry names another live
 * node is dropped here and the request answered MISDIRECTED. Threads: any.
 */
final class ClusterWire {
    private final ClusterRouter router;
    private final HostImpl host;
    /** Subscriptions of other nodes' WebSockets to sessions here, by their push address. */
    private final ConcurrentHashMap<String, Sub> subs = new ConcurrentHashMap<>();

    /** A subscription of a WebSocket on node to a session here. */
    private record Sub(String node, AutoCloseable subscription) {}
    private volatile MessageConsumer<JsonObject> consumer;
    /** Per session id, a subscription of this node on its way to the session's node (see {@link #afterSubscription}). */
    private final ConcurrentHashMap<String, Future<?>> pendingSubs = new ConcurrentHashMap<>();
    /** Per session id, the last request from another node still waiting for its directory check (keeps their order). */
    private final ConcurrentHashMap<String, Future<Void>> inOrder = new ConcurrentHashMap<>();

    ClusterWire(ClusterRouter router) {
        this.router = router;
        this.host = router.host;
        this.consumer = host.vertx.eventBus().consumer(ClusterRouter.NODE_PREFIX + router.self, this::onMessage);
    }

    Future<Void> registered() { return consumer.completion(); }

    /** The node rejoined under a new id: its address follows. */
    void rebind() {
        MessageConsumer<JsonObject> old = consumer;
        consumer = host.vertx.eventBus().consumer(ClusterRouter.NODE_PREFIX + router.self, this::onMessage);
        old.unregister();
    }

    void close() {
        consumer.unregister();
        subs.values().forEach(x -> closeQuietly(x.subscription()));
        subs.clear();
    }

    /** Ends the subscriptions of nodes that are no longer members (their WebSockets went with them). */
    void pruneSubscriptions(java.util.List<String> members) {
        subs.forEach((addr, sub) -> {
            if (!members.contains(sub.node()) && subs.remove(addr, sub)) closeQuietly(sub.subscription());
        });
    }

    // ---------------------------------------------------------------- sending side

    /** op once this node's subscription to id (if one is on its way) has reached the session's node, or failed. */
    private <T> Future<T> afterSubscription(String id, java.util.function.Supplier<Future<T>> op) {
        Future<?> sub = pendingSubs.get(id);
        return sub == null ? op.get() : sub.transform(x -> op.get());
    }

    /** A call of Lua values (results are Lua values), wherever id lives. */
    Future<Object[]> callLua(String id, String from, String fname, Object[] lua, boolean exported) {
        return afterSubscription(id, () -> callRouted(id, from, null, fname, lua, exported));
    }

    /** chain: for a call from a session's turn, the sessions waiting on it, the caller last (see HostImpl.checkCycle); else null. */
    private Future<Object[]> callRouted(String id, String from, String[] chain, String fname, Object[] lua, boolean exported) {
        return router.route(id, () -> ClusterLocal.call(host, id, from, chain, fname, lua, exported), node -> {
            JsonObject body = new JsonObject().put("op", "call").put("id", id).put("fn", LuaJson.toJson(fname))
                    .put("args", ClusterRouter.toWire(lua)).put("exported", exported).put("from", wireFrom(from));
            if (chain != null) {
                JsonArray c = new JsonArray();
                for (String waiting : chain) c.add(LuaJson.toJson(waiting));
                body.put("chain", c);
            }
            return router.request(node, body).map(m -> LuaJson.fromJsonArray((JsonArray) m.body()));
        });
    }

    private static String[] chainFromWire(JsonArray c) {
        if (c == null) return null;
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) out[i] = (String) LuaJson.fromJson(c.getValue(i));
        return out;
    }

    /** A call from the Java API (Java values: converted and copied here; results as Java sees them), wherever id lives. */
    Future<Object[]> callJava(String id, String from, String fname, Object[] args) {
        Object[] lua;
        try {
            lua = ValueCopy.copyAll(JavaValues.arguments(args), "argument");
        } catch (SessionException e) {
            return Future.failedFuture(e);
        }
        return callLua(id, from, org.luahost.coroutines.Utf8Text.luaString(fname), lua, false).map(JavaValues::results);
    }

    /** A message from the Java API (Java values, converted and copied here), wherever id lives. */
    Future<Void> sendJava(String id, String from, Object[] message) {
        try {
            return sendLua(id, from, ValueCopy.copyAll(JavaValues.arguments(message), "argument"));
        } catch (SessionException e) {
            return Future.failedFuture(e);
        }
    }

    /** Lua's host.call to a session not live here; chain: the waiting sessions, the caller last (cycles are found where target lives). */
    java.util.concurrent.CompletableFuture<Object[]> callFromLua(String[] chain, String target, String fname, Object[] copied) {
        String from = chain[chain.length - 1];
        return afterSubscription(target, () -> callRouted(target, from, chain, fname, copied, false))
                .toCompletionStage().toCompletableFuture();
    }

    /** Lua's host.send to a session not live here: a failure is logged (host.send does not wait). */
    void sendFromLua(String from, String target, Object[] copied) {
        sendLua(target, from, copied).onFailure(x -> Log.SESSION.warn("a message from '{}' to '{}' was lost: {}",
                from, target, x.getMessage()));
    }

    /** LuaHost.session(id, script, opts) on a clustered host: claims id here, or fails when another node owns it. */
    Future<Void> claimForJava(String id) {
        return router.claimHere(id).compose(other -> other == null ? Future.succeededFuture()
                : Future.failedFuture(new SessionException(Kind.BAD_VALUE, "session '" + id + "' is live on node " + other)));
    }

    /** A message of Lua values, wherever id lives. */
    Future<Void> sendLua(String id, String from, Object[] lua) {
        return afterSubscription(id, () -> sendRouted(id, from, lua));
    }

    private Future<Void> sendRouted(String id, String from, Object[] lua) {
        return router.route(id, () -> ClusterLocal.send(host, id, from, lua), node -> router.request(node,
                new JsonObject().put("op", "send").put("id", id).put("args", ClusterRouter.toWire(lua)).put("from", wireFrom(from)))
                .mapEmpty());
    }

    /** Activates id wherever it lives (or is placed). */
    Future<Void> start(String id) {
        return router.route(id, () -> ClusterLocal.start(host, id), node -> router.request(node,
                new JsonObject().put("op", "start").put("id", id)).mapEmpty());
    }

    Future<Void> stop(String id) {
        return router.route(id, () -> ClusterLocal.stop(host, id), node -> router.request(node,
                new JsonObject().put("op", "stop").put("id", id)).mapEmpty());
    }

    Future<Void> kill(String id, String reason) {
        return router.route(id, () -> ClusterLocal.kill(host, id, reason), node -> router.request(node,
                new JsonObject().put("op", "kill").put("id", id).put("reason", reason)).mapEmpty());
    }

    /** Subscribes receiver to id's pushes: here if it is live here, else through a push address of this node. */
    AutoCloseable subscribe(String id, Consumer<Object[]> receiver) {
        if (ClusterLocal.isLiveHere(host, id)) return ClusterLocal.subscribe(host, id, receiver);
        String addr = "luahost.push." + UUID.randomUUID();
        MessageConsumer<JsonArray> c = host.vertx.eventBus().consumer(addr, m -> receiver.accept(LuaJson.fromJsonArray(m.body())));
        Future<String> owner = c.completion().compose(v -> router.ownerOf(id));
        Future<?> subscribed = owner.compose(node -> router.request(node, new JsonObject().put("op", "sub").put("id", id)
                .put("addr", addr).put("node", router.self)));
        // this node's next calls and messages to id wait for it (a WebSocket's first message must not overtake it)
        pendingSubs.put(id, subscribed);
        subscribed.onComplete(x -> pendingSubs.remove(id, subscribed));
        return () -> {
            c.unregister();
            owner.onSuccess(node -> router.request(node, new JsonObject().put("op", "unsub").put("addr", addr)));
        };
    }

    /**
     * A message sent to the address of a session that is not live here (the
     * event-bus protocol of the README): run where the session lives, and
     * the answer given to the message's reply handler here.
     */
    void relay(DeliveryContext<Object> dc, String id) {
        Message<Object> msg = dc.message();
        Future<?> f;
        try {
            if (!(dc.body() instanceof JsonObject body)) {   // (message().body() is null for an outgoing clustered message)
                f = null;
            } else if (body.getValue("call") instanceof String fname) {
                f = callLua(id, null, LuaJson.luaString(fname), LuaJson.fromJsonArray(body.getJsonArray("args", new JsonArray())), false)
                        .map(ClusterRouter::toWire);
            } else if (body.getValue("send") instanceof JsonArray a) {
                Object from = body.getValue("from");
                f = sendLua(id, from == null ? null : LuaJson.luaString(from.toString()), LuaJson.fromJsonArray(a));
            } else {
                f = null;
            }
        } catch (SessionException | IllegalArgumentException | ClassCastException e) {
            f = Future.failedFuture(new SessionException(Kind.BAD_VALUE, e.getMessage()));
        }
        if (f == null) {
            dc.next();   // not the protocol: as before (NO_HANDLERS, or the session's 400 when it is live here)
            return;
        }
        f.onComplete(ar -> {
            if (msg.replyAddress() == null) return;
            if (ar.succeeded()) msg.reply(ar.result());
            else msg.fail(ar.cause() instanceof SessionException se && se.kind() == Kind.NO_SUCH_FUNCTION ? 404 : 500,
                    ar.cause().getMessage());
        });
    }

    private static Object wireFrom(String from) { return from == null ? null : LuaJson.toJson(from); }

    private static String fromWire(Object from) { return from == null ? null : (String) LuaJson.fromJson(from); }

    /** The live sessions of every member that answers within a few seconds, by node id. */
    Future<java.util.Map<String, java.util.Collection<SessionStats>>> statsByNode() {
        java.util.Map<String, java.util.Collection<SessionStats>> out = new ConcurrentHashMap<>();
        java.util.List<Future<?>> asks = new java.util.ArrayList<>();
        String me = router.self;
        out.put(me, host.stats());
        for (String node : router.members()) {
            if (node.equals(me)) continue;
            asks.add(router.request(node, new JsonObject().put("op", "stats"), ASK_MS).onSuccess(r -> {
                if (r.body() instanceof JsonArray a) out.put(node, statsFromWire(a));
            }));
        }
        return Future.join(asks).transform(x -> Future.succeededFuture(java.util.Map.copyOf(out)));
    }

    /** Whether id is live here or on the live node the directory names (asked; nothing claimed). */
    Future<Boolean> isLive(String id) {
        if (ClusterLocal.isLiveHere(host, id)) return Future.succeededFuture(true);
        return router.directoryOwner(id).compose(node -> node == null || node.equals(router.self) ? Future.succeededFuture(false)
                : router.request(node, new JsonObject().put("op", "live").put("id", id), ASK_MS)
                        .map(r -> Boolean.TRUE.equals(r.body())));
    }

    /** How long statsByNode and isLive wait for another node. */
    private static final long ASK_MS = 5_000;

    private static JsonArray statsToWire(java.util.Collection<SessionStats> stats) {
        JsonArray a = new JsonArray();
        for (SessionStats s : stats) {
            a.add(new JsonArray().add(s.id()).add(s.handled()).add(s.errors()).add(s.cpuNanos()).add(s.memoryEstimate())
                    .add(s.mailbox()).add(s.idleMillis()));
        }
        return a;
    }

    private static java.util.List<SessionStats> statsFromWire(JsonArray a) {
        java.util.List<SessionStats> out = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonArray r = a.getJsonArray(i);
            out.add(new SessionStats(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)));
        }
        return out;
    }

    // ---------------------------------------------------------------- receiving side

    private void onMessage(Message<JsonObject> m) {
        JsonObject b = m.body();
        String op = b.getString("op", "");
        if (op.equals("unsub")) {
            Sub gone = subs.remove(b.getString("addr", ""));
            if (gone != null) closeQuietly(gone.subscription());
            m.reply(null);
            return;
        }
        if (op.equals("stats")) {
            m.reply(statsToWire(host.stats()));
            return;
        }
        String id = b.getString("id");
        if (op.equals("live") && id != null) {
            m.reply(ClusterLocal.isLiveHere(host, id));
            return;
        }
        if (id == null) {
            m.fail(400, "no session id");
            return;
        }
        // even for a session live here: the request may be older than a move (queued while this node was paused);
        // the checks run at once, the operations in the order the requests came (a subscription before a message)
        Future<String> check = router.claimHere(id);
        Promise<Void> ran = Promise.promise();
        Future<Void> before = inOrder.put(id, ran.future());
        (before == null ? Future.<Void>succeededFuture() : before).onComplete(x -> check.onComplete(ar -> {
            try {
                handle(ar, op, id, b, m);
            } finally {
                inOrder.remove(id, ran.future());
                ran.complete();
            }
        }));
    }

    /** A request whose directory check (ar: null, or the owner's node id) is done. */
    private void handle(io.vertx.core.AsyncResult<String> ar, String op, String id, JsonObject b, Message<JsonObject> m) {
        if (ar.failed()) {
            if (ar.cause() instanceof SessionException se) m.fail(1000 + se.kind().ordinal(), se.getMessage());
            else m.fail(1000 + Kind.PERSISTENCE.ordinal(), "the session directory failed: " + ar.cause().getMessage());
        } else if (ar.result() != null) {
            dropStale(id, ar.result());
            m.fail(ClusterRouter.MISDIRECTED, ar.result());
        } else {
            run(op, id, b, m);
        }
    }

    /** id is live here but the directory names another live node: this activation is stale and goes (not saved). */
    private void dropStale(String id, String owner) {
        if (!(host.find(id) instanceof SessionImpl s)) return;
        String why = "the directory names node " + owner;
        if (s.saver != null) s.saver.lose(why);
        else s.killNow(why);
    }

    private void run(String op, String id, JsonObject b, Message<JsonObject> m) {
        Future<?> f;
        try {
            f = switch (op) {
                case "call" -> ClusterLocal.call(host, id, fromWire(b.getValue("from")), chainFromWire(b.getJsonArray("chain")),
                        (String) LuaJson.fromJson(b.getValue("fn")),
                        LuaJson.fromJsonArray(b.getJsonArray("args", new JsonArray())), b.getBoolean("exported", false))
                        .map(ClusterRouter::toWire);
                case "send" -> ClusterLocal.send(host, id, fromWire(b.getValue("from")), LuaJson.fromJsonArray(b.getJsonArray("args", new JsonArray())));
                case "start" -> ClusterLocal.start(host, id);
                case "stop" -> ClusterLocal.stop(host, id);
                case "kill" -> ClusterLocal.kill(host, id, b.getString("reason"));
                case "sub" -> {
                    String addr = b.getString("addr");
                    AutoCloseable sub = ClusterLocal.subscribe(host, id, vals -> host.vertx.eventBus().send(addr, ClusterRouter.toWire(vals)));
                    Sub old = subs.put(addr, new Sub(b.getString("node", ""), sub));
                    if (old != null) closeQuietly(old.subscription());
                    yield Future.succeededFuture();
                }
                default -> Future.failedFuture(new SessionException(Kind.BAD_VALUE, "unknown operation '" + op + "'"));
            };
        } catch (SessionException e) {
            f = Future.failedFuture(e);
        } catch (RuntimeException e) {
            f = Future.failedFuture(new SessionException(Kind.BAD_VALUE, String.valueOf(e.getMessage())));
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) m.reply(ar.result());
            else if (ar.cause() instanceof SessionException se) m.fail(1000 + se.kind().ordinal(), se.getMessage());
            else m.fail(1000 + Kind.LUA_ERROR.ordinal(), String.valueOf(ar.cause().getMessage()));
        });
    }

    /** What a failed request means to the caller. */
    static Throwable toSessionException(Throwable x) {
        if (!(x instanceof ReplyException re)) return x;
        if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE && re.failureCode() >= 1000
                && re.failureCode() < 1000 + Kind.values().length) {
            return new SessionException(Kind.values()[re.failureCode() - 1000], re.getMessage());
        }
        if (re.failureType() == ReplyFailure.TIMEOUT) {
            return new SessionException(Kind.TIMEOUT, "the session's node did not answer: " + re.getMessage());
        }
        if (re.failureType() == ReplyFailure.NO_HANDLERS) {
            return new SessionException(Kind.OVERLOADED, "the session's node is gone (retry: it moves to a live node): " + re.getMessage());
        }
        return new SessionException(Kind.BAD_VALUE, String.valueOf(re.getMessage()));
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a subscription does not fail
        }
    }
}
