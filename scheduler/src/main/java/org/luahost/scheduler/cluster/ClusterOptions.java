package org.luahost.scheduler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cluster node listens and whom it joins: the Hazelcast member
 * address ({@link #host}, {@link #port}; port 0 picks a free one from 5701
 * up), the members to join ({@link #join}, "host:port" each; empty: this
 * node starts a cluster of its own), and the lease: a node that cannot
 * reach the cluster for longer than it (a pause, a partition) is removed
 * by the others, which take over its sessions, and drops its own sessions
 * when it notices (see the README's Cluster section). Mutable, fluent.
 */
public final class ClusterOptions {
    private String host = "127.0.0.1";
    private int port = 5701;
    private List<String> join = new ArrayList<>();
    private Duration lease = Duration.ofSeconds(5);

    public String host() { return host; }
    /** The address this node binds and announces (Hazelcast and the event bus): default 127.0.0.1. */
    public ClusterOptions host(String h) { this.host = h; return this; }

    public int port() { return port; }
    /** Hazelcast's member port (default 5701; taken: the next free one). */
    public ClusterOptions port(int p) { this.port = p; return this; }

    public List<String> join() { return join; }
    /** The members to join, "host:port" each (TCP-IP join). */
    public ClusterOptions join(List<String> members) { this.join = new ArrayList<>(members); return this; }

    public Duration lease() { return lease; }
    /**
     * How long a silent node stays a member (Hazelcast's heartbeat timeout,
     * at least 2 s): default 5 s. A node also drops its sessions when it
     * finds it was not running for longer than this (it was paused).
     */
    public ClusterOptions lease(Duration d) { this.lease = d; return this; }
}
