package org.luahost.scheduler;

import java.io.PrintStream;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.luahost.persistence.SessionStore;
import org.luahost.persistence.UnpersistablePolicy;

/**
 * How a {@link LuaHost} runs: how many event-loop verticles carry its
 * sessions, the options new sessions get, the script sessions started by
 * Lua ({@code host.send}/{@code host.call} to an unknown id) or by the
 * gateway run, when idle sessions stop, where sessions are saved, and who
 * hears about session lifecycles. Mutable with fluent setters.
 *
 * <p>Persistence: with a {@link #store}, every session restores its saved
 * globals when it starts (before its script runs), saves after turns (at
 * most once per {@link #saveInterval}, and only when the data changed), on
 * {@code host.persist()}, when it is stopped and when it is passivated
 * (idle: saved and unloaded, restored by its next message). Without a
 * store (the default) sessions are not saved and an idle session's state
 * is dropped.
 */
public final class HostOptions {
    private int verticles = Math.max(1, Runtime.getRuntime().availableProcessors());
    private SessionOptions sessionDefaults = new SessionOptions();
    private Script defaultScript;
    private Duration idleTimeout = Duration.ZERO;
    private SessionListener listener = new SessionListener() {};
    private boolean eventBus = true;
    private String addressPrefix = "luahost.session.";
    private PrintStream output = System.out;
    private SessionStore store;
    private Duration saveInterval = Duration.ofSeconds(1);
    private UnpersistablePolicy unpersistable = UnpersistablePolicy.FAIL;
    private Duration awaitTimeout = Duration.ofSeconds(30);
    private int mailboxLimit = 100_000;
    private long mailboxBytes = -1;
    private int maxSessions;
    private double heapCeiling = 0.85;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private MeterRegistry metrics;
    private org.luahost.scheduler.cluster.ClusterOptions cluster;

    public int verticles() { return verticles; }
    /** Event-loop verticles sessions are spread over (by id); default: one per core. */
    public HostOptions verticles(int n) { this.verticles = n; return this; }

    public SessionOptions sessionDefaults() { return sessionDefaults; }
    public HostOptions sessionDefaults(SessionOptions o) { this.sessionDefaults = o; return this; }

    public Script defaultScript() { return defaultScript; }
    /** The script a session runs when it is first addressed by id alone (Lua, the gateway, the event bus); null: such ids are unknown. */
    public HostOptions defaultScript(Script s) { this.defaultScript = s; return this; }

    public Duration idleTimeout() { return idleTimeout; }
    /**
     * Sessions with no message for this long (and no WebSocket client, no
     * turn waiting, and no pending timer unless the host has a store) are
     * passivated: saved if the host has a store, then unloaded; the next
     * message to one, or its first pending timer falling due, restores it.
     * ZERO (default): never.
     */
    public HostOptions idleTimeout(Duration d) { this.idleTimeout = d; return this; }

    public SessionListener listener() { return listener; }
    public HostOptions listener(SessionListener l) { this.listener = l; return this; }

    public boolean eventBus() { return eventBus; }
    /** Whether each session gets an event-bus consumer at {@link #addressPrefix()} + id (default true). */
    public HostOptions eventBus(boolean on) { this.eventBus = on; return this; }

    public String addressPrefix() { return addressPrefix; }
    public HostOptions addressPrefix(String p) { this.addressPrefix = p; return this; }

    public SessionStore store() { return store; }
    /** Where sessions are saved (the host does not close it); null (default): sessions are not saved. */
    public HostOptions store(SessionStore s) { this.store = s; return this; }

    public Duration saveInterval() { return saveInterval; }
    /**
     * After a turn, a session saves at once if its last save is older than
     * this, else when the interval is over (one save covers all the turns
     * in between). ZERO: after every turn. Default 1 s. A save whose data is
     * the same as the previous one's is skipped.
     */
    public HostOptions saveInterval(Duration d) { this.saveInterval = d; return this; }

    public UnpersistablePolicy unpersistable() { return unpersistable; }
    /** What a save does with a value that cannot be saved (a coroutine...): FAIL (default: the previous snapshot stays) or skip it. */
    public HostOptions unpersistable(UnpersistablePolicy p) { this.unpersistable = p; return this; }

    public PrintStream output() { return output; }
    /** Where the sessions' {@code print} writes (shared by all sessions); default System.out. */
    public HostOptions output(PrintStream out) { this.output = out; return this; }

    public Duration awaitTimeout() { return awaitTimeout; }
    /**
     * How long a session's wait on a Java future may last when neither the
     * wait nor the session's options give a timeout (30 s; ZERO: none): past
     * it the wait fails with a Lua error in the waiting coroutine.
     */
    public HostOptions awaitTimeout(Duration d) { this.awaitTimeout = d; return this; }

    public int mailboxLimit() { return mailboxLimit; }
    /**
     * Calls and messages a session's mailbox holds (100,000; 0: no bound). A
     * call or send to a full mailbox fails at once with
     * {@link SessionException.Kind#OVERLOADED} (in Lua: {@code host.send} and
     * {@code host.call} raise an error); the host's own envelopes (start,
     * stop, timer ticks, deferred saves) are not counted.
     */
    public HostOptions mailboxLimit(int n) { this.mailboxLimit = Math.max(0, n); return this; }

    public long mailboxBytes() { return mailboxBytes; }
    /**
     * Bytes of calls and messages (their values, as the receiving state
     * would count them) that may wait in all the sessions' mailboxes
     * together; -1 (default): an eighth of the maximum heap; 0: no bound.
     * Each session's mailbox holds at most its memory limit
     * ({@link SessionOptions#memoryLimit}) besides. A call or send past
     * either fails at once with {@link SessionException.Kind#OVERLOADED},
     * as for a full mailbox.
     */
    public HostOptions mailboxBytes(long n) { this.mailboxBytes = Math.max(-1, n); return this; }

    public int maxSessions() { return maxSessions; }
    /** Live (loaded) sessions at most; starting one more fails with {@link SessionException.Kind#OVERLOADED}. 0 (default): no maximum. */
    public HostOptions maxSessions(int n) { this.maxSessions = Math.max(0, n); return this; }

    public double heapCeiling() { return heapCeiling; }
    /**
     * The fraction of the maximum heap (-Xmx) above which the host passivates
     * idle sessions early and refuses to start new ones
     * ({@link SessionException.Kind#OVERLOADED}); 0.85 by default (as
     * {@code luahost serve}); 0 (also 1 and more): off. See the README for how
     * the heap is measured.
     */
    public HostOptions heapCeiling(double fraction) { this.heapCeiling = fraction; return this; }

    public Duration closeTimeout() { return closeTimeout; }
    /** The bound of {@link LuaHost#close()} (30 s): see {@link LuaHost#close(Duration)}. */
    public HostOptions closeTimeout(Duration d) { this.closeTimeout = d; return this; }

    public MeterRegistry metrics() { return metrics; }
    /**
     * Where the host records its meters ({@code luahost_*}: sessions, turns
     * and their latency, errors by kind, budget and memory-limit hits,
     * mailbox depth, saves, restores, the store's queue; see the README's
     * Metrics section). null (default): no meters, and no cost. Set it
     * before the host is created.
     */
    public HostOptions metrics(MeterRegistry registry) { this.metrics = registry; return this; }

    public org.luahost.scheduler.cluster.ClusterOptions cluster() { return cluster; }
    /**
     * Clustered mode (null, the default: off). The host's Vertx must be
     * clustered ({@link org.luahost.scheduler.cluster.Clusters#start} with
     * the same options): each session is live on one node of the cluster at
     * a time, calls and messages on any node reach it there, and a session
     * live nowhere is activated on the node the placement picks. With a
     * store, the store must be shared by the nodes and fence (see
     * {@link SessionStore#claim}). See the README's Cluster section.
     */
    public HostOptions cluster(org.luahost.scheduler.cluster.ClusterOptions c) { this.cluster = c; return this; }
}
