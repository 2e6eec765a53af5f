/**
 * How sessions work. The root package's documentation walks one message
 * through these classes; this is the map of who does what.
 *
 * <h2>The host</h2>
 * {@link org.luahost.scheduler.impl.HostImpl} is the {@code LuaHost}: the
 * registry of live sessions, the event-loop verticles they live on
 * ({@link org.luahost.scheduler.impl.HomeContext}, the only class that uses
 * Vert.x internals), the event-bus protocol, the idle sweep, and the
 * {@link org.luahost.scheduler.impl.Drainers}, the worker virtual threads
 * that run sessions' turns.
 *
 * <p>Host-wide limits and the end of the host:
 * {@link org.luahost.scheduler.impl.Admission} decides whether a new session
 * may start (maximum of live sessions, heap ceiling);
 * {@link org.luahost.scheduler.impl.Shutdown} is {@code close(bound)}: stop,
 * then kill, then report what could not be saved, with the drainers moved to
 * platform threads so that no stuck turn holds up the others' saves.
 *
 * <h2>A session, by concern</h2>
 * {@link org.luahost.scheduler.impl.SessionImpl} is the facade the host sees;
 * its parts:
 * <ul>
 * <li>{@link org.luahost.scheduler.impl.Envelope}: the message kinds, a
 *     sealed set of records;</li>
 * <li>{@link org.luahost.scheduler.impl.Mailbox}: the MPSC queue and the
 *     drainer role;</li>
 * <li>{@link org.luahost.scheduler.impl.TurnRunner}: the drain loop, one
 *     {@link org.luahost.scheduler.impl.Turn} per envelope, and the
 *     handlers of the kinds;</li>
 * <li>{@link org.luahost.scheduler.impl.LuaRunner}: the Lua state and the
 *     one place that runs Lua on it (the VM-facing calls);</li>
 * <li>{@link org.luahost.scheduler.impl.Waits}: a turn waiting on a future;</li>
 * <li>{@link org.luahost.scheduler.impl.Budget}: the work meter (time
 *     slices, CPU budget; the memory limit is the state's own, see
 *     {@link org.luahost.vm.Gc});</li>
 * <li>{@link org.luahost.scheduler.impl.Timers}
 *     (with {@link org.luahost.scheduler.impl.TimerHandle});</li>
 * <li>{@link org.luahost.scheduler.impl.Lifecycle}: start, between-turn
 *     work, stop, passivation, with
 *     {@link org.luahost.scheduler.impl.SessionSaver} for the store;</li>
 * <li>{@link org.luahost.scheduler.impl.Subscribers}: {@code host.push};</li>
 * <li>{@link org.luahost.scheduler.impl.Metrics}: the host's meters (when
 *     {@link org.luahost.scheduler.HostOptions#metrics} names a registry).</li>
 * </ul>
 * Lua reaches its session through
 * {@link org.luahost.scheduler.impl.HostLibrary} (the {@code host} table),
 * and values cross between sessions through
 * {@link org.luahost.scheduler.impl.ValueCopy}.
 *
 * <h2>Threads</h2>
 * Three roles, each documented on its class:
 * <ul>
 * <li><em>producers</em>, any thread: deliver envelopes
 *     ({@link org.luahost.scheduler.impl.SessionImpl#deliver});</li>
 * <li>the <em>drainer</em>, the one thread holding a session's drainer role
 *     ({@link org.luahost.scheduler.impl.Mailbox}): takes envelopes out;</li>
 * <li>the <em>turn holder</em>, the one thread holding the state's turn
 *     ({@link org.luahost.scheduler.impl.TurnRunner}): runs Lua and touches
 *     every field marked "guarded by the turn". It is the drainer, except
 *     with interleaving, where a turn that resumes after a wait takes the
 *     state's turn while another thread may be the drainer.</li>
 * </ul>
 * Fields that other threads read (status, counters, how many turns and
 * timers are live) are volatile and written only by the turn holder.
 *
 * <h2>Where things are</h2>
 * The mailbox bound is {@code Mailbox.admit}; charges and limits of the
 * running turn are in {@code Budget} (the CPU budget, the memory limit, a
 * kill seen at the next work check); what escapes a turn is caught in
 * {@code TurnRunner.run} (an {@code os.exit} arrives there as a
 * {@link org.luahost.scheduler.impl.SessionExit}); restarts and activation
 * leases in {@code Lifecycle}; durable timers in {@code Timers}; a change of
 * the VM's host API in {@code LuaRunner}. Clustered hosts (issue 17): the
 * owner directory, placement and routing in {@code ClusterRouter}, the
 * node-to-node protocol in {@code ClusterWire} (its local side in
 * {@code ClusterLocal}), the node's lease and its quarantine after a pause
 * or during a split brain's merge in {@code LeaseWatch} (Hazelcast's events
 * through {@code HazelcastEvents}), the store's
 * claim and fenced saves in {@code SessionFence} and {@code SessionSaver}.
 */
package org.luahost.scheduler.impl;
