package org.luahost.scheduler.impl;

/**
 * The node-level lease of a clustered host: the cluster drops a member that
 * misses its heartbeats for the lease (Hazelcast's heartbeat timeout is set
 * to it), and other nodes then take over its sessions. This watch is the
 * node's own side: a periodic check (every quarter lease) that finds it did
 * not run for longer than the lease (the process was paused: SIGSTOP, a
 * long GC, a suspended VM) or that the node is no longer among the members
 * drops every live session here without saving ({@link SessionSaver#lose}),
 * because another node may own them now. The same check ends the push
 * subscriptions of WebSockets on nodes that left. The store's fencing covers what
 * runs before the check notices (a save already queued fails there).
 *
 * <p>Threads: the check runs on a Vert.x event loop; it only reads the
 * member list and kills sessions (both thread-safe).
 */
final class LeaseWatch {
    private final ClusterRouter router;
    private final long leaseMs;
    private volatile long lastTick = System.nanoTime();
    private final long timer;

    LeaseWatch(ClusterRouter router, long leaseMs) {
        this.router = router;
        this.leaseMs = Math.max(100, leaseMs);
        this.timer = router.host.vertx.setPeriodic(Math.max(25, this.leaseMs / 4), id -> check());
    }

    private void check() {
        long now = System.nanoTime();
        long gapMs = (now - lastTick) / 1_000_000;
        lastTick = now;
        String id;
        try {
            id = router.cm.getNodeId();
        } catch (RuntimeException e) {
            id = null;
        }
        if (id != null && !id.equals(router.self)) {   // dropped by the others, then merged back as a new member
            dropAll("this node rejoined the cluster as a new member");
            router.self = id;
            router.wire.rebind();
        } else if (gapMs > leaseMs) {
            dropAll("this node did not run for " + gapMs + " ms, longer than its lease of " + leaseMs + " ms");
        } else if (!isMember()) {
            dropAll("this node is no longer a member of the cluster");
        }
    }

    private boolean isMember() {
        try {
            var members = router.members();
            router.wire.pruneSubscriptions(members);
            return members.contains(router.self);
        } catch (RuntimeException e) {   // the cluster manager stopped (Hazelcast is not active)
            return false;
        }
    }

    private void dropAll(String why) {
        var live = router.host.liveSessions();
        if (live.isEmpty()) return;
        Log.HOST.warn("{}: its {} live sessions may be owned by other nodes now; they are dropped here without saving", why, live.size());
        router.forgetOwners();
        for (SessionImpl s : live) {
            if (s.saver != null) s.saver.lose("the node's lease ran out");
            else s.killNow("the node's lease ran out");
        }
    }

    void close() { router.host.vertx.cancelTimer(timer); }
}
