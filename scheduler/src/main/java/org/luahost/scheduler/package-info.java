/**
 * Sessions: Lua states as actors on Vert.x (see DESIGN.md, "Sessions", and
 * the README for the Lua API and the gateway).
 *
 * <h2>The public API</h2>
 * {@link org.luahost.scheduler.LuaHost} (create one per Vert.x instance),
 * {@link org.luahost.scheduler.Session}, their options
 * ({@link org.luahost.scheduler.HostOptions},
 * {@link org.luahost.scheduler.SessionOptions}), the
 * {@link org.luahost.scheduler.Script} a session runs, the
 * {@link org.luahost.scheduler.SessionListener} lifecycle hooks, the JSON mapping {@link org.luahost.scheduler.LuaJson}, and
 * the HTTP/WebSocket {@link org.luahost.scheduler.Gateway} with its
 * {@link org.luahost.scheduler.GatewayOptions}, {@link org.luahost.scheduler.GatewayAuth} hook and
 * {@link org.luahost.scheduler.Principal}s (package-private parts: {@code GatewayHttp} for paths,
 * bodies and error answers, {@code GatewaySocket} for one WebSocket client and its back-pressure,
 * {@code JsonText} the bounded JSON writer, {@code SessionRate} the per-client token buckets).
 * Values cross between Java and Lua by one path, {@code org.luahost.coroutines.Values}
 * ({@code impl.JavaValues} for the Java API, {@link org.luahost.scheduler.LuaJson} for JSON). Implementations
 * are in {@code impl}, which the public classes reach only through
 * {@code LuaHost.create} (the gateway, too, needs nothing but {@code LuaHost}).
 *
 * <h2>Data flow: message → mailbox → turn → Lua handler → save</h2>
 * <ol>
 * <li><b>Message.</b> A call or message from Java ({@link org.luahost.scheduler.LuaHost#call},
 *     {@link org.luahost.scheduler.Session#send}), from Lua ({@code host.send}, {@code host.call}:
 *     {@link org.luahost.scheduler.impl.HostLibrary}), from a timer, the event bus, or HTTP and
 *     WebSocket clients ({@link org.luahost.scheduler.Gateway}, through
 *     {@link org.luahost.scheduler.LuaHost#callExported} and
 *     {@link org.luahost.scheduler.LuaHost#sendAs}) becomes an
 *     {@link org.luahost.scheduler.impl.Envelope}, one of a sealed set of records (start, call,
 *     send, timer, stop, save), with its values deep-copied for the receiver
 *     ({@link org.luahost.scheduler.impl.ValueCopy}): sessions share nothing.</li>
 * <li><b>Mailbox.</b> {@link org.luahost.scheduler.impl.SessionImpl#deliver} offers it to the
 *     session's {@link org.luahost.scheduler.impl.Mailbox}. The producer that finds the session
 *     idle takes its drainer role and queues the session with the host's
 *     {@link org.luahost.scheduler.impl.Drainers}: worker virtual threads, about one per
 *     processor, reused from session to session, none while the host is idle.</li>
 * <li><b>Turn.</b> A worker runs {@link org.luahost.scheduler.impl.TurnRunner#drain}: it takes
 *     the envelopes in arrival order, at most 64 before the session queues again behind the
 *     others, and handles each as one {@link org.luahost.scheduler.impl.Turn} while holding
 *     the state's turn.</li>
 * <li><b>Lua handler.</b> {@link org.luahost.scheduler.impl.LuaRunner#invoke} runs the handler
 *     (the named global function, {@code on_message}, a timer's callback, or the script for
 *     a start) protected on the session's Lua state, metered by
 *     {@link org.luahost.scheduler.impl.Budget}; a handler that waits parks
 *     ({@link org.luahost.scheduler.impl.Waits}). Results are copied back into the caller's
 *     future, a Lua error becomes a {@link org.luahost.scheduler.SessionException} with its
 *     traceback.</li>
 * <li><b>Save.</b> Between turns, still holding the turn,
 *     {@link org.luahost.scheduler.impl.Lifecycle} runs a Lua collection when one is due,
 *     has {@link org.luahost.scheduler.impl.SessionSaver} capture the state for the store
 *     (when the host has one), and applies the restart policy.</li>
 * </ol>
 * A session lives on one of the host's event-loop verticles (chosen by id,
 * {@link org.luahost.scheduler.impl.HomeContext}): its timers and event-bus
 * consumer run there and only deliver envelopes; Lua code never runs on an
 * event-loop thread.
 *
 * <h2>Turns</h2>
 * By default a turn runs to its end before the next envelope is taken, even
 * when it waits (on {@code host.call}, {@code host.sleep}, a Java future):
 * the worker's virtual thread parks, the mailbox waits (the worker stops
 * counting as one of the host's active drainers while it waits, and while a
 * turn runs past its time slice, so the other sessions keep being served). With
 * {@code SessionOptions.interleave(true)} a waiting turn lets the next
 * envelopes run meanwhile and takes the turn back (a fair lock) to finish;
 * each concurrent turn then has its own Lua call stack ({@code LuaThread}) on
 * the one state. A {@code host.call} chain that comes back to a session that
 * is waiting in a non-interleaving turn (A → B → A) fails at once with an
 * error naming the cycle; any other call that gets no answer fails after
 * the call timeout.
 *
 * <h2>Persistence</h2>
 * With a {@code SessionStore} in {@code HostOptions.store} (the persistence
 * module), a session restores its newest snapshot when it starts (before the
 * script runs: new code, old data) and saves between turns, on
 * {@code host.persist()}, on stop and when passivated; see
 * {@link org.luahost.scheduler.impl.SessionSaver}. Capture (walk and encode) runs on the session's
 * virtual thread while it holds its turn; the store writes on its own thread.
 * The idle sweep passivates idle sessions: saved, unloaded, and restored by
 * the next message, which a gone session forwards to its successor.
 *
 * <h2>Budgets</h2>
 * Each state's {@code WorkMeter} is its session's
 * {@link org.luahost.scheduler.impl.Budget}: the interpreter counts calls
 * and loop back-edges and every 2,048 units the budget looks at the clock.
 * After the time slice (2 ms) it yields the carrier thread
 * ({@code Thread.yield} on the virtual thread) so other sessions run (a turn
 * that ran 2 slices, or whose session's last turn did, runs in bursts of an
 * eighth of a slice with pauses as long: at most half a carrier); past
 * the per-turn CPU budget (1 s) it raises a Lua error, again at every later
 * unit of work of that turn so {@code pcall} cannot keep it alive; the next
 * turn starts afresh. CPU time is the wall time a turn holds a carrier,
 * waits and yields excluded. Memory: the session's limit is its Lua
 * state's ({@link org.luahost.vm.LuaStateBuilder#memoryLimit}): the state's
 * collector is charged as Lua data is allocated (tables and their growth,
 * closures, strings from concatenation and the libraries, loaded code,
 * coroutines); past the limit a collection runs at the next safe point, and
 * if the live data is still over, the running code gets {@code not enough
 * memory} (catchable by {@code pcall}); see {@link org.luahost.vm.Gc}.
 *
 * <h2>Mailbox</h2>
 * {@link org.luahost.scheduler.impl.Mailbox} holds a JCTools
 * {@code MpscLinkedAtomicUnpaddedQueue}: unbounded, lock-free for
 * many producers and one consumer (the drainer). Chosen for a host with
 * 100,000 mostly idle sessions: an empty one takes 48 bytes. Measured with
 * 100,000 queues (JDK 25, compressed references, after GC):
 * {@code MpscLinkedQueue} 401 B (cache-line padding), the
 * {@code MpscUnboundedXaddArrayQueue} family 1.2 KB (a preallocated chunk),
 * {@code MpscChunkedArrayQueue}/{@code MpscUnboundedArrayQueue} about 600 B,
 * the unpadded linked queue 48 B. Padding only pays off when producers and
 * the consumer hammer one queue from different cores; here most queues are
 * idle, and the cost is one 24-byte node per message. The atomic
 * (field-updater) flavour needs no {@code sun.misc.Unsafe}, so JDK 25 prints
 * no warning.
 */
package org.luahost.scheduler;
