package org.luahost.scheduler.impl;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The host's meters in the {@link MeterRegistry} of
 * {@link org.luahost.scheduler.HostOptions#metrics} (all named
 * {@code luahost_*} in Prometheus; the README's Metrics section lists them).
 * A host without a registry has no Metrics object: every hook is one null
 * check ({@code host.metrics}).
 *
 * <p>Cost: a turn costs one counter increment and one timer record (both
 * lock-free in Micrometer); everything else is counted where it is rare
 * (failures, saves, restores, passivations). The gauges (sessions by state,
 * mailbox depth, the store's queue) are computed when the registry is
 * scraped, by walking the live sessions: nothing is kept up to date for them
 * on the hot path except the set of passivated ids.
 *
 * <p>Threads: every method may be called by any thread (Micrometer's meters
 * are thread-safe; {@link #passivated} is a concurrent set).
 */
final class Metrics {
    /** Turn kinds, indexed by {@link #kindOf}: the envelope kinds that run as turns (the deferred save is not one). */
    private static final String[] KINDS = {"call", "send", "timer", "start", "stop"};

    /**
     * The histogram buckets of the turn latency: a turn takes microseconds
     * to seconds (Micrometer's default buckets start at 1 ms, where most
     * turns would all fall in the first).
     */
    private static final Duration[] TURN_BUCKETS = buckets(
            TimeUnit.MICROSECONDS, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000,
            500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000);
    /** The buckets of the save latency: milliseconds (a group commit) to seconds (a store that falls behind). */
    private static final Duration[] SAVE_BUCKETS = buckets(
            TimeUnit.MILLISECONDS, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);

    private final Counter[] turns = new Counter[KINDS.length];
    private final Timer turnLatency;
    private final Counter[] errors = new Counter[Kind.values().length];
    private final Counter cpuBudget, memoryLimit;
    private final Counter savesOk, savesFailed, capturesFailed;
    private final Timer saveLatency;
    private final Counter restoresOk, restoresFailed, passivations;
    /**
     * Ids of the sessions this host passivated and has not started again
     * (their state is in the store, or dropped): the passivated gauge. About
     * 100 bytes per passivated session, held only with a registry (the host
     * keeps no other record of a passivated session that runs its defaults).
     */
    private final Set<String> passivated = ConcurrentHashMap.newKeySet();

    private Metrics(HostImpl host, MeterRegistry r) {
        for (int i = 0; i < KINDS.length; i++) {
            turns[i] = Counter.builder("luahost.turns").tag("kind", KINDS[i])
                    .description("Turns run (messages handled), by envelope kind").register(r);
        }
        turnLatency = Timer.builder("luahost.turn.latency").serviceLevelObjectives(TURN_BUCKETS)
                .description("Wall time of a turn, from taking the state's turn to giving it back (waits included)")
                .register(r);
        for (Kind k : Kind.values()) {
            errors[k.ordinal()] = Counter.builder("luahost.errors").tag("kind", k.name())
                    .description("Turns (and session starts) that failed, by error kind").register(r);
        }
        cpuBudget = Counter.builder("luahost.budget.hits").tag("limit", "cpu")
                .description("Turns ended by a limit: the CPU budget, or the memory limit (not enough memory)").register(r);
        memoryLimit = Counter.builder("luahost.budget.hits").tag("limit", "memory").register(r);
        savesOk = Counter.builder("luahost.saves").tag("outcome", "ok")
                .description("Snapshots handed to the store, by outcome (capture_failed: the state could not be captured)")
                .register(r);
        savesFailed = Counter.builder("luahost.saves").tag("outcome", "failed").register(r);
        capturesFailed = Counter.builder("luahost.saves").tag("outcome", "capture_failed").register(r);
        saveLatency = Timer.builder("luahost.save.latency").serviceLevelObjectives(SAVE_BUCKETS)
                .description("From the capture of a snapshot until the store has it durable (or failed)").register(r);
        restoresOk = Counter.builder("luahost.restores").tag("outcome", "ok")
                .description("Sessions started from a stored snapshot, by outcome").register(r);
        restoresFailed = Counter.builder("luahost.restores").tag("outcome", "failed").register(r);
        passivations = Counter.builder("luahost.passivations")
                .description("Idle sessions saved (with a store) and unloaded").register(r);
        gauge(r, "live", host, h -> census(h, SessionImpl.Status.RUNNING));
        gauge(r, "starting", host, h -> census(h, SessionImpl.Status.STARTING));
        Gauge.builder("luahost.sessions", passivated, Set::size).tag("state", "passivated").register(r);
        Gauge.builder("luahost.mailbox.depth", host, h -> mailboxDepth(h, false))
                .description("Messages waiting in the live sessions' mailboxes, summed").register(r);
        Gauge.builder("luahost.mailbox.depth.max", host, h -> mailboxDepth(h, true))
                .description("Messages waiting in the fullest mailbox").register(r);
        SessionStore store = host.options.store();
        if (store != null && store.queueSize() >= 0) {
            Gauge.builder("luahost.store.queue", store, SessionStore::queueSize)
                    .description("Saves and deletes accepted by the store and not written yet").register(r);
        }
    }

    private static void gauge(MeterRegistry r, String state, HostImpl host, ToDoubleFunction<HostImpl> f) {
        Gauge.builder("luahost.sessions", host, f).tag("state", state)
                .description("Sessions by state: live (running), starting, passivated (by this host, not back yet)")
                .register(r);
    }

    /** Live sessions (not passivated shells) in this state now. */
    private static double census(HostImpl host, SessionImpl.Status status) {
        int n = 0;
        for (SessionImpl s : host.sessionsView()) if (s.status == status && !s.isGone()) n++;
        return n;
    }

    /** The messages waiting in the live sessions' mailboxes: summed, or the largest. */
    private static double mailboxDepth(HostImpl host, boolean max) {
        long sum = 0, most = 0;
        for (SessionImpl s : host.sessionsView()) {
            long n = s.mailbox.size();
            sum += n;
            most = Math.max(most, n);
        }
        return max ? most : sum;
    }

    private static Duration[] buckets(TimeUnit unit, long... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) d[i] = Duration.ofNanos(unit.toNanos(values[i]));
        return d;
    }

    /** The host's meters in r, or null without a registry. */
    static Metrics create(HostImpl host, MeterRegistry r) {
        return r == null ? null : new Metrics(host, r);
    }

    private static int kindOf(Envelope e) {
        return switch (e) {
            case Envelope.Call _, Envelope.Eval _ -> 0;
            case Envelope.Send _ -> 1;
            case Envelope.Timer _ -> 2;
            case Envelope.Start _ -> 3;
            case Envelope.Stop _ -> 4;
            case Envelope.Save _, Envelope.Inspect _ -> -1;
        };
    }

    /** Turn t ended at now (System.nanoTime): counted by kind, its latency recorded, a CPU budget it ran out of counted. */
    void turnEnded(Turn t, long now) {
        int k = kindOf(t.env);
        if (k < 0) return;
        turns[k].increment();
        turnLatency.record(now - t.began, TimeUnit.NANOSECONDS);
        if (t.overBudget) cpuBudget.increment();
    }

    /** A turn (or a start) failed with an error of this kind and message. */
    void failed(Kind kind, String message) {
        errors[kind.ordinal()].increment();
        if (kind == Kind.LUA_ERROR && message != null && message.contains("not enough memory")) memoryLimit.increment();
    }

    /** A snapshot could not be captured. */
    void captureFailed() { capturesFailed.increment(); }

    /** A save handed to the store at startNanos ended (ok or failed) now. */
    void saved(boolean ok, long startNanos) {
        (ok ? savesOk : savesFailed).increment();
        saveLatency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void restored(boolean ok) { (ok ? restoresOk : restoresFailed).increment(); }

    void passivated(String id) {
        passivations.increment();
        passivated.add(id);
    }

    /** A session with this id started (new, or back from passivation). */
    void started(String id) {
        if (!passivated.isEmpty()) passivated.remove(id);
    }
}
