package org.luahost.scheduler.impl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import org.luahost.coroutines.Utf8Text;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.LuaJson;
import org.luahost.scheduler.Script;
import org.luahost.scheduler.Session;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.scheduler.SessionOptions;
import org.luahost.scheduler.SessionStats;

/**
 * The {@link LuaHost}: the registry of live sessions (id to session), the
 * event-loop verticles ("homes") that sessions are spread over by id, the
 * virtual-thread factory their turns run on, and the idle sweep, which
 * passivates idle sessions (see {@link Lifecycle#passivate}).
 *
 * <p>A passivated session stays in the registry as a gone shell until its
 * successor replaces it (or it is removed); a session started with a script
 * or options other than the host's defaults leaves its {@link Config} behind,
 * so that its next message starts it as it was.
 */
public final class HostImpl implements LuaHost {
    final Vertx vertx;
    final HostOptions options;
    final PrintStream output;
    final ThreadFactory threads = Thread.ofVirtual().name("lua-session").inheritInheritableThreadLocals(false).factory();
    /** The workers that run sessions' turns (as many active ones as the JVM has processors, at least 2). */
    final Drainers drainers = new Drainers(threads, Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** The permits heavy work runs with (half the processors, at least one): see {@link Lane}. */
    final Lane lane = Lane.forProcessors(Runtime.getRuntime().availableProcessors());
    final ConcurrentHashMap<String, SessionImpl> sessions = new ConcurrentHashMap<>();
    final List<HomeContext> homes = new CopyOnWriteArrayList<>();
    private final Future<Void> ready;
    private volatile String deploymentId;
    private volatile long sweepTimer = -1;
    /** Set by close(): no new session starts. */
    volatile boolean closing;
    /** The host-wide ceiling on new sessions (maxSessions, heap). */
    final Admission admission;
    /** Bytes of calls and messages waiting in all the sessions' mailboxes ({@link Mailbox#admitBytes}). */
    final java.util.concurrent.atomic.AtomicLong mailboxBytes = new java.util.concurrent.atomic.AtomicLong();
    /** The bound of {@link #mailboxBytes} (0: none), from {@link HostOptions#mailboxBytes}. */
    final long mailboxBytesLimit;
    /** The meters, or null when the options name no registry. */
    final Metrics metrics;
    /** The last failed turns of each session (the console's recent errors). */
    final RecentErrors recentErrors = new RecentErrors();
    /** Sessions on the event bus: their consumers, and activation by a first message. */
    final BusActivation bus = new BusActivation(this);
    /** Script and options of passivated sessions that do not run the host's defaults. */
    private final ConcurrentHashMap<String, Config> passivatedConfigs = new ConcurrentHashMap<>();
    /** Clustered mode's routing (HostOptions.cluster), or null. */
    final ClusterRouter cluster;

    /** How a passivated session was started. */
    private record Config(Script script, SessionOptions options) {}

    /** A verticle that only provides an event-loop context for the sessions placed on it. */
    private final class Home extends AbstractVerticle {
        @Override
        public void start() {
            homes.add(HomeContext.of(context));
        }
    }

    /** Whether the G1 warning was logged (once per process). NOTE: a benign race: at worst it is logged twice. */
    private static volatile boolean warnedOfG1;

    /**
     * Logs once that the JVM runs G1 with regions under 32 MB: there a
     * virtual thread whose stack is frozen deep in Lua calls (a coroutine
     * parked 15,000-30,000 calls deep, a turn that gave up its carrier deep)
     * may fail with a Java StackOverflowError when it is frozen or thawed,
     * which Lua sees as "stack overflow" far below lua5.4's 200,000 levels,
     * where the memory limit should have answered "not enough memory"
     * (measured: after ten coroutines parked 30,000 deep were refused, one
     * more 20,000 deep failed so under G1's default regions, and never under
     * the serial collector nor G1 with 32 MB regions, where a frozen stack
     * under 16 MB is not a humongous object; luahost serve runs the latter:
     * bin/serve.options).
     */
    private static void warnOfG1() {
        if (warnedOfG1) return;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1") && g1RegionBytes() < 32L << 20) {
                warnedOfG1 = true;
                Log.HOST.warn("luahost: the JVM runs the G1 collector with heap regions under 32 MB: Lua stacks frozen"
                        + " deep (coroutines parked thousands of calls deep) may fail with 'stack overflow' when resumed;"
                        + " run the host with -XX:G1HeapRegionSize=32m, as luahost serve does, or -XX:+UseSerialGC"
                        + " (see the README, Limits)");
                return;
            }
        }
    }

    /** G1's region size in bytes (the JVM option G1HeapRegionSize), or 0 when it cannot be read. */
    private static long g1RegionBytes() {
        try {
            var hs = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hs == null ? 0 : Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private HostImpl(Vertx vertx, HostOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.output = options.output();
        this.admission = new Admission(options, this::chargedMemory);
        this.mailboxBytesLimit = options.mailboxBytes() >= 0 ? options.mailboxBytes() : Runtime.getRuntime().maxMemory() / 8;
        this.metrics = Metrics.create(this, options.metrics());
        this.cluster = options.cluster() == null ? null : new ClusterRouter(this, options.cluster().lease().toMillis());
        warnOfG1();
        Promise<Void> p = Promise.promise();
        Runnable deploy = () -> vertx.deployVerticle(() -> new Home(), new DeploymentOptions().setInstances(Math.max(1, options.verticles())))
                .onSuccess(id -> {
                    deploymentId = id;
                    startSweep();
                    (cluster == null ? Future.<Void>succeededFuture() : cluster.wire.registered()).onComplete(x -> {
                        p.complete();
                        restoreTimedSessions();
                    });
                })
                .onFailure(p::fail);
        // Created inside a verticle: the host's verticles are deployed from a thread outside it, so that they are
        // not the verticle's children (Vert.x would undeploy them before the verticle's stop could close the host,
        // and the close would find its sessions' contexts gone); the verticle's undeploy closes the host instead
        // (after its stop, which may close it first).
        if (options.eventBus()) vertx.eventBus().addOutboundInterceptor(bus.activator);
        if (HomeContext.whenCallerUndeployed(this::close)) {
            Thread.ofVirtual().name("luahost-deploy").start(deploy);
        } else {
            deploy.run();
        }
        this.ready = p.future();
    }

    /**
     * At start: restores the stored sessions that have pending timers (their
     * newest snapshot has an extra root), so that the timers fire without a
     * message. Only with a default script (a session started with a script of
     * its own is restored by its first message, as before).
     */
    private void restoreTimedSessions() {
        var store = options.store();
        if (store == null || options.defaultScript() == null) return;
        store.withExtraRoot().whenComplete((ids, x) -> {
            if (x != null) {
                if (!(x instanceof UnsupportedOperationException || x.getCause() instanceof UnsupportedOperationException)) {
                    Log.STORE.warn("cannot find the sessions with pending timers: {}", x.getMessage());
                }
                return;
            }
            for (String id : ids) {
                if (cluster != null) {   // each node restores the sessions placed on it (unless live elsewhere)
                    if (cluster.place(id).equals(cluster.self)) cluster.wire.start(id);
                    continue;
                }
                try {
                    getOrStart(id, options.defaultScript(), options.sessionDefaults());
                } catch (RuntimeException e) {
                    Log.SESSION.warn("session '{}' could not be restored for its timers: {}", id, e.getMessage());
                }
            }
        });
    }

    public static LuaHost create(Vertx vertx, HostOptions options) {
        return new HostImpl(vertx, options);
    }

    @Override public Vertx vertx() { return vertx; }

    @Override public HostOptions options() { return options; }

    private volatile io.vertx.ext.healthchecks.HealthChecks health;

    @Override
    public io.vertx.ext.healthchecks.HealthChecks health() {
        io.vertx.ext.healthchecks.HealthChecks h = health;
        if (h == null) health = h = Health.create(this, homes);
        return h;
    }

    /** Why a new session would be refused now (shutting down, memory, the maximum), or null. */
    String refusal() { return Health.refusal(admission, closing, sessions.mappingCount()); }

    @Override public Future<Void> ready() { return ready; }

    // ---------------------------------------------------------------- sessions

    private HomeContext homeFor(String id) {
        return homes.get(Math.floorMod(id.hashCode() * 0x9E3779B1, homes.size()));
    }

    /**
     * The live session with this id, or a new one (started: its START is the
     * first message in its mailbox). A passivated session comes back with the
     * script and options it had, whatever script and opts say.
     */
    private SessionImpl getOrStart(String id, Script script, SessionOptions opts) {
        for (;;) {
            SessionImpl s = sessions.get(id);
            if (s != null && !s.isGone()) return s;
            if (closing) throw new SessionException(Kind.STOPPED, "the host is shutting down");
            Script sc = script;
            SessionOptions o = opts;
            Config c = s == null ? passivatedConfigs.get(id) : new Config(s.script, s.options);
            if (c != null) {
                sc = c.script();
                o = c.options();
            }
            if (sc == null) {
                throw new SessionException(Kind.NO_SUCH_SESSION, "no session '" + id + "'");
            }
            if (homes.isEmpty()) throw new IllegalStateException("the host is not ready yet (wait for ready())");
            long reserved = admission.admit(id, sessions.mappingCount() - (s == null ? 0 : 1));
            SessionImpl created = new SessionImpl(this, id, sc, o, homeFor(id));
            // START is queued before the session is published: a producer that finds it in the map
            // at once must not get its message in first (it would run before the state exists)
            created.mailbox.prequeue(new Envelope.Start(created.startedFuture));
            boolean won = s == null ? sessions.putIfAbsent(id, created) == null : sessions.replace(id, s, created);
            if (!won) {
                admission.release(reserved);
            } else {
                admission.forget(id);
                if (reserved > 0) created.startedFuture.whenComplete((r, x) -> admission.release(reserved));
                if (metrics != null) metrics.started(id);
                if (created.mailbox.tryTakeRole()) created.startDrainer();
                return created;
            }
        }
    }

    /** A message that reached a passivated session: to its successor (started now if need be). */
    void forward(SessionImpl shell, Envelope e) {
        SessionImpl s;
        try {
            s = getOrStart(shell.id, shell.script, shell.options);
        } catch (SessionException x) {
            e.fail(x);
            return;
        }
        s.deliver(e);
    }

    /** A session was passivated (its state saved and unloaded). */
    void passivated(SessionImpl s) {
        if (s.script != options.defaultScript() || !s.options.equals(options.sessionDefaults())) {
            passivatedConfigs.put(s.id, new Config(s.script, s.options));
        }
        admission.passivated(s.id, s.budget.memoryEstimate);
        sessions.remove(s.id, s);
        s.unbindBus();
        if (cluster != null) cluster.release(s.id);
        if (metrics != null) metrics.passivated(s.id);
    }

    /** The Lua data charged to the live sessions (their memory estimates), for {@link Admission}. Any thread. */
    private long chargedMemory() {
        return sessions.values().stream().filter(s -> !s.isGone()).mapToLong(s -> s.budget.memoryEstimate).sum();
    }

    /** The registry's sessions (passivated shells included), for the metrics' gauges. */
    java.util.Collection<SessionImpl> sessionsView() { return sessions.values(); }

    /**
     * A passivated session with pending (saved) timers: restored in ms, when
     * the first is due, unless it is running again by then (its restore
     * re-armed them); refused because the host is full, tried again every
     * {@link #WAKE_RETRY_MS} (else the timers would wait for a message). Any thread.
     */
    void wakeLater(SessionImpl shell, long ms) {
        vertx.setTimer(Math.max(1, ms), x -> {
            SessionImpl cur = sessions.get(shell.id);
            if (closing || (cur != null && !cur.isGone())) return;
            try {
                getOrStart(shell.id, shell.script, shell.options);
            } catch (RuntimeException e) {
                boolean full = e instanceof SessionException se && se.kind() == Kind.OVERLOADED;
                Log.SESSION.warn("session '{}' could not be restored for its timers: {}{}", shell.id, e.getMessage(),
                        full ? "; trying again in " + WAKE_RETRY_MS + " ms" : "");
                if (full) wakeLater(shell, WAKE_RETRY_MS);
            }
        });
    }
    static final long WAKE_RETRY_MS = 5_000;

    SessionImpl byId(String id) {
        return getOrStart(id, options.defaultScript(), options.sessionDefaults());
    }

    @Override
    public Future<Session> session(String id, Script script, SessionOptions opts) {
        if (cluster != null && find(id) == null) return cluster.wire.claimForJava(id).compose(v -> sessionHere(id, script, opts));
        return sessionHere(id, script, opts);
    }

    private Future<Session> sessionHere(String id, Script script, SessionOptions opts) {
        return ready.compose(v -> {
            SessionImpl s = getOrStart(id, script, opts);
            return future(s.startedFuture).map(x -> (Session) s);
        });
    }

    @Override
    public Future<Session> session(String id) {
        if (cluster != null) return cluster.wire.start(id).map(v -> find(id) instanceof Session s ? s : new ClusterLocal.Remote(this, id));
        return ready.compose(v -> {
            SessionImpl s = byId(id);
            return future(s.startedFuture).map(x -> (Session) s);
        });
    }

    @Override
    public Session find(String id) {
        SessionImpl s = sessions.get(id);
        return s == null || !s.isLive() ? null : s;
    }

    @Override
    public Future<Object[]> call(String id, String fname, Object... args) {
        if (cluster != null) return cluster.wire.callJava(id, null, fname, args);
        return ready.compose(v -> call(byId(id), null, fname, args));
    }

    @Override
    public Future<Object[]> callFrom(String id, String from, String fname, Object... args) {
        java.util.Objects.requireNonNull(from, "from");
        if (cluster != null) return cluster.wire.callJava(id, Utf8Text.luaString(from), fname, args);
        return ready.compose(v -> call(byId(id), Utf8Text.luaString(from), fname, args));
    }

    /** A call from the Java API: Java arguments converted ({@link JavaValues}), strings in the results as Java text. */
    Future<Object[]> call(SessionImpl s, String from, String fname, Object[] args) {
        Object[] lua;
        try {
            lua = JavaValues.arguments(args);
        } catch (SessionException e) {
            return Future.failedFuture(e);
        }
        return callLua(s, from, Utf8Text.luaString(fname), lua).map(JavaValues::results);
    }

    /** A call with Lua values (copied here); the results are Lua values (copies). */
    Future<Object[]> callLua(SessionImpl s, String fname, Object[] args) {
        return callLua(s, null, fname, args);
    }

    /** As {@link #callLua(SessionImpl, String, Object[])}, from the caller named from (a Lua string, or null). */
    Future<Object[]> callLua(SessionImpl s, String from, String fname, Object[] args) {
        PromiseReply reply = new PromiseReply();
        try {
            s.deliver(new Envelope.Call(fname, ValueCopy.copyAll(args, "argument"), reply, null, false, from));
        } catch (SessionException e) {
            return Future.failedFuture(e);
        }
        return reply.promise.future();
    }

    @Override
    public Future<Object[]> callExported(String id, String fname, Object... luaArgs) {
        return callExportedAs(id, null, fname, luaArgs);
    }

    @Override
    public Future<Object[]> callExportedAs(String id, String from, String fname, Object... luaArgs) {
        if (cluster != null) return cluster.wire.callLua(id, from, fname, luaArgs, true);
        return ready.compose(v -> {
            SessionImpl s = byId(id);
            PromiseReply reply = new PromiseReply();
            s.deliver(new Envelope.Call(fname, luaArgs, reply, null, true, from));
            return reply.promise.future();
        });
    }

    @Override
    public Future<Void> sendAs(String id, String from, Object... luaValues) {
        if (cluster != null) return cluster.wire.sendLua(id, from, luaValues);
        return ready.compose(v -> {
            byId(id).deliver(new Envelope.Send(from, luaValues));
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<Void> send(String id, Object... message) {
        if (cluster != null) return cluster.wire.sendJava(id, null, message);
        return ready.compose(v -> {
            send(byId(id), null, message);
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<Void> sendFrom(String id, String from, Object... message) {
        java.util.Objects.requireNonNull(from, "from");
        if (cluster != null) return cluster.wire.sendJava(id, LuaJson.luaString(from), message);
        return ready.compose(v -> {
            send(byId(id), LuaJson.luaString(from), message);
            return Future.succeededFuture();
        });
    }

    /** A message from the Java API (Java values, converted by {@link JavaValues}). */
    void send(SessionImpl s, String from, Object[] message) {
        s.deliver(new Envelope.Send(from, ValueCopy.copyAll(JavaValues.arguments(message), "argument")));
    }

    @Override
    public Future<Void> stop(String id) {
        if (cluster != null) return cluster.wire.stop(id);
        SessionImpl s = sessions.get(id);
        return s == null ? Future.succeededFuture() : stop(s);
    }

    @Override
    public Future<Void> kill(String id, String reason) {
        if (cluster != null) return cluster.wire.kill(id, reason);
        SessionImpl s = sessions.get(id);
        return s == null ? Future.succeededFuture() : future(s.killNow(reason)).mapEmpty();
    }

    Future<Void> stop(SessionImpl s) {
        if (s.isGone()) return Future.succeededFuture();   // passivated: saved and unloaded already
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        if (!s.deliver(new Envelope.Stop(reply))) return Future.succeededFuture();
        // a session that stopped meanwhile (os.exit, a kill) fails the STOP with STOPPED: it is stopped all the same
        return future(reply).<Void>mapEmpty().recover(x -> x instanceof SessionException se && se.kind() == Kind.STOPPED
                ? Future.succeededFuture() : Future.failedFuture(x));
    }

    @Override
    public Future<Object[]> eval(String id, String source) {
        return ready.compose(v -> ConsoleHooks.eval(byId(id), source));
    }

    @Override
    public <T> Future<T> inspect(String id, java.util.function.Function<org.luahost.vm.LuaState, T> reader) {
        return ConsoleHooks.inspect(sessions.get(id), id, reader);
    }

    @Override
    public List<org.luahost.scheduler.TurnError> recentErrors(String id) { return recentErrors.of(id); }

    @Override
    public Collection<SessionStats> stats() {
        List<SessionStats> out = new ArrayList<>(sessions.size());
        for (SessionImpl s : sessions.values()) if (!s.isGone()) out.add(s.stats());
        return out;
    }

    @Override
    public Future<java.util.Map<String, Collection<SessionStats>>> statsByNode() {
        return cluster == null ? LuaHost.super.statsByNode() : cluster.wire.statsByNode();
    }

    @Override
    public Future<Boolean> isLive(String id) {
        return cluster == null ? LuaHost.super.isLive(id) : cluster.wire.isLive(id);
    }

    @Override
    public AutoCloseable subscribe(String id, Consumer<Object[]> receiver) {
        if (cluster != null) return cluster.wire.subscribe(id, receiver);
        return byId(id).subscribe(receiver);
    }

    /** The first close()'s outcome: close() is idempotent (a verticle's stop and its undeploy may both call it). */
    private Future<Void> closed;

    @Override
    public synchronized Future<Void> close() {
        if (closed == null) closed = closeOnce();
        return closed;
    }

    private Future<Void> closeOnce() {
        return close(options.closeTimeout()).compose(report -> {
            report.notSaved().forEach((id, why) -> warn("session '" + id + "' was not saved: " + why));
            if (report.clean()) return Future.<Void>succeededFuture();
            List<String> unsaved = new ArrayList<>();
            String failedSave = "its last save failed: ";
            new java.util.TreeMap<>(report.notSaved()).forEach((id, why) -> unsaved.add(why.startsWith(failedSave)
                    ? "session '" + id + "' stopped without saving its last changes: " + why.substring(failedSave.length())
                            + " (its previous snapshot is kept)"
                    : "session '" + id + "': " + why));
            return Future.<Void>failedFuture(new SessionException(Kind.PERSISTENCE, unsaved.size()
                    + (unsaved.size() == 1 ? " session was" : " sessions were") + " not saved: " + String.join("; ", unsaved)));
        });
    }

    @Override
    public Future<org.luahost.scheduler.CloseReport> close(java.time.Duration bound) {
        closing = true;
        if (cluster != null) cluster.close();
        if (options.eventBus()) vertx.eventBus().removeOutboundInterceptor(bus.activator);
        if (sweepTimer >= 0) vertx.cancelTimer(sweepTimer);
        Promise<org.luahost.scheduler.CloseReport> p = HomeContext.callerPromise();
        // a platform thread: the close must not need a carrier that a stuck turn may hold
        Thread.ofPlatform().daemon().name("luahost-close").start(() -> {
            try {
                p.tryComplete(new Shutdown(this, bound).run());
            } catch (Throwable x) {
                p.tryFail(x);
            }
        });
        return p.future();
    }

    /** The live sessions now (for the close). */
    List<SessionImpl> liveSessions() {
        List<SessionImpl> out = new ArrayList<>();
        for (SessionImpl s : sessions.values()) if (!s.isGone()) out.add(s);
        return out;
    }

    /** Undeploys the host's verticles (the close's last step). */
    Future<Void> undeploy() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId).otherwiseEmpty();
    }

    // ---------------------------------------------------------------- from Lua (on a session's turn)

    void sendFromLua(SessionImpl from, String target, Object[] copied) {
        if (cluster != null && find(target) == null) {   // to another node
            checkStartable(target);
            cluster.wire.sendFromLua(from.id, target, copied);
            return;
        }
        SessionImpl s = targetOf(from, target);
        s.deliver(new Envelope.Send(from.id, copied));
    }

    CompletableFuture<Object[]> callFromLua(SessionImpl from, String target, String fname, Object[] copied) {
        String[] chain = from.chainForCall();
        if (cluster != null && find(target) == null) {
            checkStartable(target);
            return cluster.wire.callFromLua(chain, target, fname, copied);
        }
        SessionImpl s = targetOf(from, target);
        checkCycle(s, chain);
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        s.deliver(new Envelope.Call(fname, copied, reply, chain));
        return reply;
    }

    /**
     * Fails a call to s whose chain (the sessions whose turns wait on it, the
     * caller last) already holds s, when s handles one message at a time: it
     * could never be answered. On a cluster the chain travels with the call,
     * so a cycle through other nodes is found where s lives.
     */
    static void checkCycle(SessionImpl s, String[] chain) {
        if (chain == null || s.interleaves()) return;
        for (String waiting : chain) {
            if (waiting.equals(s.id)) {
                throw new SessionException(Kind.TIMEOUT, "host.call to '" + s.id + "' would never be answered: "
                        + String.join(" -> ", chain) + " -> " + s.id + " is a cycle, and session '" + s.id
                        + "' handles one message at a time (interleaving is off)");
            }
        }
    }

    /** The session a host.send/host.call of from reaches; starting (or restoring) it is charged to from. */
    private SessionImpl targetOf(SessionImpl from, String target) {
        SessionImpl s = sessions.get(target);
        if (s == null || !s.isLive()) {
            checkStartable(target);
            from.chargeNewSession(target);
        }
        return byId(target);
    }

    /**
     * A session that Lua code starts (or restores) with host.send or host.call follows the gateway's rule for ids
     * a client may start. Before, a session could start sessions named '', 'a\0b', a megabyte long or 'http'
     * (whose messages reach others as the gateway's anonymous sender), each saved under that id and written as it
     * is into the log.
     */
    private static void checkStartable(String target) {
        String bad = org.luahost.scheduler.Gateway.idProblem(target);
        if (bad != null) throw new SessionException(Kind.NO_SUCH_SESSION, "cannot start session: " + bad);
    }

    // ---------------------------------------------------------------- bookkeeping

    void unregister(SessionImpl s) {
        sessions.remove(s.id, s);
        passivatedConfigs.remove(s.id);
        admission.forget(s.id);
        s.unbindBus();
        if (cluster != null) cluster.release(s.id);
    }

    void registerOnBus(SessionImpl s) { bus.register(s); }

    /** A host-wide warning (see {@link Log#HOST}). */
    void warn(String message) {
        Log.HOST.warn(message);
    }

    void internalError(SessionImpl s, Throwable x) {
        internalError(s, null, x);
    }

    /** A Java exception escaped session code; where: the handler or step it escaped from (may be null). */
    void internalError(SessionImpl s, String where, Throwable x) {
        String msg = "internal error in session '" + s.id + "'" + (where == null ? "" : " (" + where + ")") + ": " + x;
        if (x instanceof StackOverflowError) Log.HOST.error(msg);   // its trace is thousands of frames of nothing
        else Log.HOST.error(msg, x);
    }

    /**
     * The idle sweep: passivates sessions idle for the idle timeout, and,
     * while the heap is above its ceiling ({@link Admission}), those idle
     * for {@link #EARLY_IDLE_MS} (only when idle sessions may be passivated
     * at all: an idle timeout is set).
     */
    private void startSweep() {
        long idleMs = options.idleTimeout().toMillis();
        if (idleMs <= 0) return;
        long period = Math.max(10, Math.min(1000, idleMs / 4));
        if (admission.watchesHeap()) period = Math.min(period, 250);
        sweepTimer = vertx.setPeriodic(period, id -> {
            long now = System.nanoTime();
            long limit = admission.watchesHeap() && admission.overCeiling() ? Math.min(idleMs, EARLY_IDLE_MS) : idleMs;
            for (SessionImpl s : sessions.values()) {
                if (s.passivationDue(now, limit)) s.passivate();
            }
        });
    }

    /** How long a session must be idle to be passivated early, above the heap ceiling. */
    private static final long EARLY_IDLE_MS = 1000;

    /**
     * The reply of a call from Java: the session completes it as any reply,
     * and that completes a Vert.x promise directly (on the caller's context
     * if it had one), without a second future in between. Only complete and
     * completeExceptionally reach the promise; the future itself stays
     * pending (nobody else reads it).
     */
    static final class PromiseReply extends CompletableFuture<Object[]> {
        final io.vertx.core.Promise<Object[]> promise;

        PromiseReply() {
            promise = HomeContext.callerPromise();
        }

        @Override
        public boolean complete(Object[] value) { return promise.tryComplete(value); }

        @Override
        public boolean completeExceptionally(Throwable x) { return promise.tryFail(x); }
    }

    /** A Vert.x future of a completable future, completing on the caller's context if there is one. */
    static <T> Future<T> future(CompletableFuture<T> f) {
        Context ctx = Vertx.currentContext();
        return ctx == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, ctx);
    }
}
