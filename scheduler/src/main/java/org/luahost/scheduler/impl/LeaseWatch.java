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
 * <p><b>Quarantine.</b> A node that was paused or dropped is, for a while,
 * a cluster of its own (Hazelcast's split brain: it removes the others
 * that "stopped" sending heartbeats, and its copy of the directory still
 * names it, or names nobody): were it to claim sessions then, it would
 * activate sessions that live on the other side (a request queued for it
 * during the pause is enough). So after such a check, and while this node
 * merges into another part of the cluster (Hazelcast's MERGING), the node
 * claims nothing ({@link #mayClaim} is false; also when the check itself has
 * not run for longer than the lease, before it can notice the pause):
 * requests for sessions that
 * are not live here fail (retry) until the parts are one cluster again
 * (MERGED here, or another member joined this node's part) or, when the
 * other side never comes back, for {@link #quarantineMs}. A node that
 * merges into another part also drops every live session first: its part
 * of the directory loses to the other part's, which may name other owners.
 *
 * <p>Threads: the check runs on a Vert.x event loop; the Hazelcast events
 * on Hazelcast's threads; both only read the member list, set volatile
 * fields and kill sessions (thread-safe).
 */
final class LeaseWatch {
    private final ClusterRouter router;
    private final long leaseMs;
    private volatile long lastTick = System.nanoTime();
    private final long timer;
    /** How long a quarantine lasts at most (when the other part of the cluster never comes back). */
    final long quarantineMs;
    /** System.nanoTime() when the quarantine ends, while {@link #quarantined}. */
    private volatile long quarantineEnd;
    private volatile boolean quarantined;
    /** Hazelcast says this node merges into another part of the cluster (MERGING, until MERGED or MERGE_FAILED). */
    private volatile boolean merging;

    LeaseWatch(ClusterRouter router, long leaseMs) {
        this.router = router;
        this.leaseMs = Math.max(100, leaseMs);
        this.quarantineMs = Math.max(10_000, 5 * this.leaseMs);
        this.timer = router.host.vertx.setPeriodic(Math.max(25, this.leaseMs / 4), id -> check());
        HazelcastEvents.listen(router.cm, this::onLifecycle, this::onMemberAdded);
    }

    /** Whether this node may claim sessions in the directory now (not quarantined, not merging). */
    boolean mayClaim() {
        // the check has not run for longer than the lease: a pause that it has not seen yet (requests queued
        // during it may come first after a SIGCONT)
        if (merging || System.nanoTime() - lastTick > leaseMs * 1_000_000) return false;
        if (quarantined && System.nanoTime() - quarantineEnd >= 0) {
            quarantined = false;
            Log.HOST.info("the quarantine ran out without a merge: this node claims sessions again");
        }
        return !quarantined;
    }

    private void quarantine(String why) {
        quarantineEnd = System.nanoTime() + quarantineMs * 1_000_000;
        if (!quarantined) {
            quarantined = true;
            Log.HOST.warn("{}: this node claims no session until it is one cluster with the others again (at most {} ms)",
                    why, quarantineMs);
        }
    }

    private void settle(String why) {
        if (quarantined) Log.HOST.info("{}: this node claims sessions again", why);
        quarantined = false;
    }

    /** Hazelcast's lifecycle: MERGING drops everything here (the other part's directory wins); MERGED settles. */
    private void onLifecycle(String state) {
        switch (state) {
            case "MERGING" -> {
                merging = true;
                quarantine("this node merges into another part of the cluster");
                dropAll("this node merges into another part of the cluster");
            }
            case "MERGED" -> {
                merging = false;
                router.forgetOwners();
                settle("this node merged into the cluster");
            }
            case "MERGE_FAILED" -> merging = false;
            default -> { }
        }
    }

    /** A member joined this node's part of the cluster (another part merged into it): the parts are one again. */
    private void onMemberAdded() {
        if (quarantined && !merging) {
            router.forgetOwners();
            settle("another member joined this node's part of the cluster");
        }
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
            String why = "this node did not run for " + gapMs + " ms, longer than its lease of " + leaseMs + " ms";
            quarantine(why);
            dropAll(why);
        } else if (!isMember()) {
            quarantine("this node is no longer a member of the cluster");
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
