package org.luahost.scheduler.impl;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.ClusterManager;

import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;

/**
 * A clustered host's routing (issue 17): which node a session lives on, and
 * how a call or message on any node reaches it.
 *
 * <p><b>The directory.</b> The cluster-wide map {@code luahost.owners}
 * (Hazelcast, through Vert.x's shared data) maps a session id to the node
 * that owns it. An entry is valid while its node is a live cluster member
 * (the node-level lease: Hazelcast removes a member that missed its
 * heartbeats for {@code ClusterOptions.lease}). A node activates a session
 * only after claiming it here ({@link #claimHere}: put if absent, or
 * replace an entry of a node that left); it removes its entry when the
 * session passivates or stops ({@link #release}), so a node that joins
 * takes its share as sessions come back. Two nodes that disagree for a
 * moment (a member list that changes) are kept apart by the store's
 * fencing: the activation claims the store too (see {@link SessionSaver}).
 * A node claims nothing while {@link LeaseWatch} keeps it in quarantine
 * (after a pause, or while it merges back after a split brain), and every
 * request from another node, however old, is checked against the
 * directory before it runs, even for a session live here
 * ({@link ClusterWire}): an activation whose entry names another live node
 * is dropped, so the order is always claim the directory, claim the store
 * (fencing), load.
 *
 * <p><b>Placement.</b> A session that is live nowhere goes to the node that
 * rendezvous hashing over the live members picks for its id.
 *
 * <p><b>Routing.</b> Each node consumes at {@code luahost.node.<nodeId>}
 * ({@link ClusterWire} has the protocol). A call for a session that is not
 * live here asks the directory (cached per id), then goes to the owner's
 * node address; a node that is not the owner answers MISDIRECTED with the
 * owner, and the call is sent there once more.
 *
 * <p>Threads: any; the directory's futures complete on Vert.x threads.
 */
final class ClusterRouter {
    static final String NODE_PREFIX = "luahost.node.";
    /** A node that does not own the session: the failure message is the owner's node id. */
    static final int MISDIRECTED = 421;

    final HostImpl host;
    final ClusterManager cm;
    /** This node's id in the cluster (it changes when the node rejoins after it was dropped: see {@link LeaseWatch}). */
    volatile String self;
    final long leaseMs;
    private final Future<AsyncMap<String, String>> owners;
    /** Owners learnt from the directory or from MISDIRECTED answers (checked against the members at use). */
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();
    final ClusterWire wire;
    private final LeaseWatch lease;

    ClusterRouter(HostImpl host, long leaseMs) {
        this.host = host;
        this.leaseMs = leaseMs;
        if (!(host.vertx instanceof VertxInternal vi) || vi.clusterManager() == null) {
            throw new IllegalArgumentException("HostOptions.cluster needs a clustered Vertx (Clusters.start)");
        }
        this.cm = vi.clusterManager();
        this.self = cm.getNodeId();
        this.owners = host.vertx.sharedData().getAsyncMap("luahost.owners");
        this.wire = new ClusterWire(this);
        this.lease = new LeaseWatch(this, leaseMs);
    }

    /** The cached owners go (after this node lost its lease: the directory has changed meanwhile). */
    void forgetOwners() { cache.clear(); }

    /** The host closes: no more routing from here. */
    void close() {
        lease.close();
        wire.close();
    }

    /** The live cluster members now. */
    List<String> members() { return cm.getNodes(); }

    boolean alive(String node) { return node.equals(self) || members().contains(node); }

    /** The node that rendezvous hashing picks for id among the live members. */
    String place(String id) {
        String best = self;
        long bestScore = Long.MIN_VALUE;
        for (String n : members()) {
            long h = mix(n.hashCode() * 0x9E3779B97F4A7C15L ^ id.hashCode());
            if (h > bestScore || (h == bestScore && n.compareTo(best) < 0)) {
                bestScore = h;
                best = n;
            }
        }
        return best;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Where id lives (or should be activated): its valid directory entry, else the placement. */
    Future<String> ownerOf(String id) {
        String c = cache.get(id);
        if (c != null && alive(c)) return Future.succeededFuture(c);
        return owners.compose(m -> m.get(id)).map(o -> {
            if (o != null && alive(o)) {
                cache.put(id, o);
                return o;
            }
            return place(id);
        });
    }

    /**
     * Claims id for this node in the directory: completes with null when
     * this node owns it now, or with the live node that does.
     */
    Future<String> claimHere(String id) {
        if (!lease.mayClaim()) {
            return Future.failedFuture(new SessionException(Kind.OVERLOADED, "session '" + id
                    + "' cannot move to this node now: it is rejoining the cluster after it lost its lease (retry)"));
        }
        return owners.compose(m -> m.putIfAbsent(id, self).compose(prev -> {
            if (prev == null || prev.equals(self)) {
                cache.put(id, self);
                return Future.succeededFuture((String) null);
            }
            if (alive(prev)) {
                cache.put(id, prev);
                return Future.succeededFuture(prev);
            }
            return m.replaceIfPresent(id, prev, self).compose(ok -> {
                if (ok) {
                    cache.put(id, self);
                    return Future.succeededFuture((String) null);
                }
                return m.get(id).map(now -> now == null || now.equals(self) ? null : now);
            });
        }));
    }

    /** The session passivated or stopped here: its directory entry goes (if still ours). */
    void release(String id) {
        cache.remove(id, self);
        owners.onSuccess(m -> m.removeIfPresent(id, self));
    }

    /**
     * Runs an operation where id lives: here (local) when it is live here or
     * this node owns it or wins its claim, else on the owner's node (remote,
     * given the node id), once more on the node a MISDIRECTED answer names.
     */
    <T> Future<T> route(String id, Supplier<Future<T>> local, Function<String, Future<T>> remote) {
        if (ClusterLocal.isLiveHere(host, id)) return local.get();
        return ownerOf(id).compose(node -> node.equals(self) ? claimHere(id).compose(other ->
                other == null ? local.get() : retryOnMisdirect(id, other, local, remote))
                : retryOnMisdirect(id, node, local, remote));
    }

    private <T> Future<T> retryOnMisdirect(String id, String node, Supplier<Future<T>> local, Function<String, Future<T>> remote) {
        return remote.apply(node).recover(x -> {
            if (x instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
                    && re.failureCode() == MISDIRECTED && re.getMessage() != null) {
                String owner = re.getMessage();
                cache.put(id, owner);
                return owner.equals(self) ? local.get() : remote.apply(owner);
            }
            if (x instanceof ReplyException re && re.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
                cache.remove(id, node);   // no such node any more (or it did not answer): ask the directory next time
            }
            return Future.failedFuture(ClusterWire.toSessionException(x));
        });
    }

    /** A request to node's address. */
    Future<Message<Object>> request(String node, JsonObject body) {
        return request(node, body, Math.max(30_000, host.options.awaitTimeout().toMillis()));
    }

    /** A request to node's address that fails after timeoutMs without an answer. */
    Future<Message<Object>> request(String node, JsonObject body, long timeoutMs) {
        return host.vertx.eventBus().request(NODE_PREFIX + node, body, new DeliveryOptions().setSendTimeout(timeoutMs));
    }

    /** The live node the directory names for id, or null (nothing claimed, no placement). */
    Future<String> directoryOwner(String id) {
        return owners.compose(m -> m.get(id)).map(o -> o != null && alive(o) ? o : null);
    }

    /** Lua values as they travel (JSON, see {@link LuaJson}). */
    static JsonArray toWire(Object[] lua) {
        try {
            return LuaJson.toJsonArray(lua);
        } catch (RuntimeException e) {
            throw new SessionException(Kind.BAD_VALUE, "cannot send to another node: " + e.getMessage());
        }
    }
}
