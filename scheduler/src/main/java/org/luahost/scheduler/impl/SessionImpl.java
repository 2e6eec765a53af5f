package org.luahost.scheduler.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import org.luahost.scheduler.Script;
import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.scheduler.SessionOptions;
import org.luahost.scheduler.SessionStats;

/**
 * One session: a Lua state, its mailbox, and the turns that handle the
 * mailbox's envelopes (see the package documentation for the model). This
 * class is the facade the host sees; each concern lives in a part of its own:
 *
 * <ul>
 * <li>{@link Mailbox}: the queue and the drainer role;</li>
 * <li>{@link TurnRunner}: the drain loop, one turn per envelope;</li>
 * <li>{@link LuaRunner}: the Lua state, and the only code that runs Lua on it;</li>
 * <li>{@link Waits}: what a turn does with the state while it waits;</li>
 * <li>{@link Budget}: time slices, the CPU budget and the memory limit;</li>
 * <li>{@link Timers}: {@code host.after}, {@code host.every}, {@code host.sleep};</li>
 * <li>{@link Lifecycle}: start, restart, stop, passivation, and the save
 *     between turns (through {@link SessionSaver});</li>
 * <li>{@link Subscribers}: {@code host.push} to the session's WebSocket clients.</li>
 * </ul>
 * The parts reach each other through this object's final fields; they are
 * made here, and none uses another in its constructor.
 *
 * <h2>Threads</h2>
 * {@link #deliver} may be called from any thread. The Lua state and every
 * field a part marks "guarded by the turn" belong to the thread that holds
 * the state's turn (see {@link TurnRunner}). {@link #status} and {@link #gone}
 * are written with the turn (by {@link Lifecycle}) and read by anyone; the
 * counters are written with the turn and read by anyone ({@link #stats}).
 *
 * <h2>Passivated shells</h2>
 * A passivated session is {@link #gone}: an empty shell whose deliveries are
 * forwarded to its successor (a new session of the same id, which restores
 * the saved state). A producer that offered to the shell re-checks
 * {@code gone} after its offer and forwards what is left itself, so no
 * message stays behind and each sender's order is kept.
 */
final class SessionImpl implements Session {
    enum Status { STARTING, RUNNING, STOPPING, STOPPED }

    final HostImpl host;
    final String id;
    final Script script;
    final SessionOptions options;
    final HomeContext home;

    final Mailbox mailbox;
    final TurnRunner turns;
    final LuaRunner lua;
    final Waits waits;
    final Budget budget;
    /** The output budget of print, io.write, warn and host.log. */
    final SessionOutput output;
    final Timers timers;
    final Lifecycle lifecycle;
    final Subscribers subscribers = new Subscribers();
    /** Saves and restores the state; null when the host has no store. Used with the turn. */
    final SessionSaver saver;

    volatile Status status = Status.STARTING;
    /** Set once by {@link #killNow}: the reason; the running turn fails at its next work check and the session stops. */
    volatile String killReason;
    /** Why the last save at stop failed (null: it did not, or there is no store); written with the turn. */
    volatile String unsavedReason;
    /** Passivated: the state is unloaded and messages go to the successor. Set once, with the drainer role held for good. */
    volatile boolean gone;
    final CompletableFuture<Object[]> startedFuture = new CompletableFuture<>();
    /** Why the session could not start (set once, with the turn, before it stops); null otherwise. */
    volatile SessionException startFailure;
    final CompletableFuture<Object[]> stoppedFuture = new CompletableFuture<>();

    // ---- counters: written by the turn holder, read by anyone
    volatile long handled, errors;
    volatile long lastActive = System.nanoTime();

    /** The event-bus consumer; set and unregistered on the home context. */
    private volatile MessageConsumer<?> consumer;

    SessionImpl(HostImpl host, String id, Script script, SessionOptions options, HomeContext home) {
        this.host = host;
        this.mailbox = new Mailbox(host.mailboxBytes);
        this.id = id;
        this.script = script;
        this.options = new SessionOptions(options);
        this.home = home;
        this.turns = new TurnRunner(this);
        this.lua = new LuaRunner(this);
        this.waits = new Waits(this, options);
        this.budget = new Budget(this, options);
        this.output = new SessionOutput(this, options.outputRate(), options.outputBurst());
        this.timers = new Timers(this);
        this.lifecycle = new Lifecycle(this);
        var store = host.options.store();
        this.saver = store == null ? null
                : new SessionSaver(this, store, host.options.unpersistable(), host.options.saveInterval().toNanos());
    }

    // ================================================================ producers (any thread)

    /**
     * Queues an envelope; returns false (and fails it) when the session is
     * stopped. A gone (passivated) session forwards it to its successor. A
     * full mailbox ({@link Mailbox#admit}) fails e and throws the
     * {@link Kind#OVERLOADED} error.
     */
    boolean deliver(Envelope e) {
        if (gone) return forward(e);
        if (status == Status.STOPPED) {
            e.fail(stoppedError());
            return false;
        }
        if (!mailbox.admit(e, host.options.mailboxLimit())) {
            SessionException x = new SessionException(Kind.OVERLOADED, "the mailbox of session '" + id + "' is full ("
                    + host.options.mailboxLimit() + " messages wait)");
            e.fail(x);
            throw x;
        }
        int bytes = mailbox.admitBytes(e, options.memoryLimit(), host.mailboxBytesLimit);
        if (bytes != Mailbox.ADMITTED) {
            mailbox.unadmit();
            SessionException x = new SessionException(Kind.OVERLOADED, bytes == Mailbox.FULL
                    ? "the mailbox of session '" + id + "' is full (" + Mailbox.size(mailbox.bytes()) + " of messages wait, "
                            + Mailbox.size(e.bytes()) + " more would pass the session's memory limit of "
                            + Mailbox.size(options.memoryLimit()) + ")"
                    : "the host's mailboxes are full (" + Mailbox.size(host.mailboxBytes.get()) + " of messages wait in them, "
                            + Mailbox.size(e.bytes()) + " more would pass the host's bound of "
                            + Mailbox.size(host.mailboxBytesLimit) + "); session '" + id + "' refused the message");
            e.fail(x);
            throw x;
        }
        if (mailbox.offer(e)) {
            startDrainer();
        } else if (gone) {
            // passivated after our offer: the passivating thread may have drained the mailbox before it, so
            // forward what is left now; once this returns, e has been forwarded (by us or by the lock holder)
            forwardLeftovers();
        }
        return true;
    }

    private boolean forward(Envelope e) {
        if (e instanceof Envelope.Save || e instanceof Envelope.Timer) return false;   // the shell's own, nothing to do
        if (e instanceof Envelope.Inspect) {   // inspects a live state only: it does not start the successor
            e.fail(new SessionException(Kind.NO_SUCH_SESSION, "no live session '" + id + "'"));
            return false;
        }
        host.forward(this, e);
        return true;
    }

    /** Forwards what is in a gone session's mailbox, in order. */
    void forwardLeftovers() { mailbox.drainTo(this::forward); }

    /** With the drainer role: a worker of the host's {@link Drainers} will run the turns. */
    void startDrainer() { host.drainers.schedule(this); }

    /** Runs turns with the drainer role, on a worker of {@link Drainers} (see {@link TurnRunner#drain}). */
    void drain() { turns.drain(); }

    SessionException stoppedError() {
        SessionException why = startFailure;
        if (why != null) return new SessionException(why.kind(), "session '" + id + "' could not start: " + why.getMessage());
        String k = killReason;
        return new SessionException(Kind.STOPPED, "session '" + id + "' is stopped" + (k == null ? "" : " (killed: " + k + ")"));
    }

    // ================================================================ kill (any thread)

    /**
     * Kills the session: sets {@link #killReason} (the running turn's next
     * work check raises it, see {@link Budget#onWork}), interrupts the
     * threads of the running turn (a wait on a future ends), and queues a
     * STOP (the envelopes before it fail, see {@link TurnRunner#drain}).
     * Returns the future of the stop.
     */
    CompletableFuture<Object[]> killNow(String reason) {
        if (gone || status == Status.STOPPED) return CompletableFuture.completedFuture(null);
        if (killReason == null) killReason = reason == null ? "no reason given" : reason;
        Turn t = turns.running;
        if (t != null) t.interrupt();
        deliver(new Envelope.Stop(null));
        return stoppedFuture;
    }

    /** Why the session has not stopped yet (for the close report): its running turn, or its queue. */
    String stuckReason(long now) {
        Turn t = turns.running;
        if (t == null) return "its stop did not run in time (" + mailbox.size() + " envelopes waiting)";
        return "its turn (" + t.env.handler() + ") had run for " + TimeUnit.NANOSECONDS.toMillis(now - t.began)
                + " ms and did not stop" + (t.waiter != null ? " (waiting)" : " (stuck in Java code, no work check)");
    }

    /** Starts left in the session's per-second bucket (see {@link #chargeNewSession}; NaN: full). With the turn. */
    private double startTokens = Double.NaN;
    private long startTokensAt;

    /**
     * A host.send or host.call of the running turn is about to start (or
     * restore) session target: counts it against the per-turn maximum
     * ({@code SessionOptions.maxNewSessionsPerTurn}), and against as many
     * per second across turns (a token bucket: without it, a timer every
     * millisecond started 1,000 sessions a second, for ever). With the turn.
     */
    void chargeNewSession(String target) {
        Turn t = turns.active;
        int max = options.maxNewSessionsPerTurn();
        if (t == null || max <= 0) return;
        if (++t.newSessions > max) {
            throw new SessionException(Kind.OVERLOADED, "session '" + id + "' may start at most " + max
                    + " sessions per turn (host.send/host.call to '" + target + "' would start one more)");
        }
        long now = System.nanoTime();
        startTokens = Double.isNaN(startTokens) ? max : Math.min(max, startTokens + (now - startTokensAt) / 1e9 * max);
        startTokensAt = now;
        if (startTokens < 1) {
            throw new SessionException(Kind.OVERLOADED, "session '" + id + "' may start at most " + max
                    + " sessions per second (host.send/host.call to '" + target + "' would start one more)");
        }
        startTokens -= 1;
    }

    // ================================================================ for the host (any thread)

    /** Neither stopped nor passivated. */
    boolean isLive() { return status != Status.STOPPED && !gone; }

    boolean isGone() { return gone; }

    /** Whether the idle sweep should passivate the session now (see {@link Lifecycle#passivationDue}). */
    boolean passivationDue(long now, long idleMs) { return lifecycle.passivationDue(now, idleMs); }

    /** Passivates the session if it is still idle (see {@link Lifecycle#passivate}). */
    void passivate() { lifecycle.passivate(); }

    /**
     * Completes once the session's event-bus consumer is registered, or once
     * it is known that it will not be (stopped first); the bus activation of
     * {@link HostImpl} waits for it before it delivers the first message.
     */
    final CompletableFuture<Void> busBound = new CompletableFuture<>();

    /** Registers the session's event-bus consumer on its home context, unless it stopped meanwhile. */
    void bindBus(Handler<Message<Object>> handler) {
        home.runOnContext(v -> {
            if (status == Status.STOPPED) {
                busBound.complete(null);
                return;
            }
            // clustered: other nodes reach it through their relay (ClusterWire), not a cluster-wide registration
            MessageConsumer<Object> c = host.cluster != null ? host.vertx.eventBus().<Object>localConsumer(address(), handler)
                    : host.vertx.eventBus().<Object>consumer(address(), handler);
            consumer = c;
            c.completion().onComplete(ar -> busBound.complete(null));
        });
    }

    /** Unregisters the event-bus consumer, if there is one (on the home context). */
    void unbindBus() {
        var c = consumer;
        if (c != null) home.runOnContext(v -> c.unregister());
    }

    AutoCloseable subscribe(java.util.function.Consumer<Object[]> receiver) { return subscribers.add(receiver); }

    /** With the turn: the ids whose turns wait on the running turn, this session last (for a call it makes). */
    String[] chainForCall() { return waits.chainForCall(); }

    /** Whether the session's waits let other envelopes run (SessionOptions.interleave). */
    boolean interleaves() { return waits.interleaves(); }

    // ================================================================ Session

    @Override
    public String id() { return id; }

    @Override
    public Future<Object[]> call(String fname, Object... args) { return host.call(this, null, fname, args); }

    @Override
    public void send(Object... message) { host.send(this, null, message); }

    @Override
    public Future<Void> stop() { return host.stop(this); }

    @Override
    public Future<Void> kill(String reason) { return HostImpl.future(killNow(reason)).mapEmpty(); }

    @Override
    public SessionStats stats() {
        return new SessionStats(id, handled, errors, budget.cpuNanos, budget.memoryEstimate, mailbox.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActive));
    }

    @Override
    public SessionOptions options() { return new SessionOptions(options); }

    @Override
    public String address() { return host.options.addressPrefix() + id; }
}
