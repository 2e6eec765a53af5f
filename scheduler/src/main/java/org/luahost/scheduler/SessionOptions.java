package org.luahost.scheduler;

import java.time.Duration;

import org.luahost.vm.Profile;

/**
 * What a session runs with: its library profile, its budgets, and its turn
 * semantics. Mutable, with fluent setters, in the Vert.x style; a session
 * takes a copy when it starts.
 *
 * <ul>
 * <li>{@link #profile}: {@link Profile#SANDBOXED} by default.</li>
 * <li>{@link #cpuBudget}: the longest a single turn may run (time holding
 *     a carrier, waits excluded) before it fails with a Lua error; 1 s by
 *     default, {@link Duration#ZERO} for none.</li>
 * <li>{@link #timeSlice}: how long a turn runs before it gives its carrier
 *     thread to other sessions (2 ms); a turn that has run 10 slices sits
 *     out one slice after each further one (see the README).</li>
 * <li>{@link #memoryLimit}: estimated bytes of Lua values the session may
 *     hold (64 MiB; 0 for none). See the README for how it is estimated.</li>
 * <li>{@link #interleave}: false (default): one message is handled
 *     completely before the next, even across waits. true: while a turn
 *     waits (host.call, host.sleep, a Java future), the next message may start.</li>
 * <li>{@link #callTimeout}: how long host.call waits for an answer (10 s).</li>
 * <li>{@link #awaitTimeout}: how long a wait on a Java future (a Java
 *     function using {@code Async.await} without a timeout of its own) may
 *     last before it fails with a Lua error in the waiting coroutine; null
 *     (default): the host's {@link HostOptions#awaitTimeout}.</li>
 * <li>{@link #maxTimers}: live {@code host.after}/{@code host.every} timers
 *     the session may have at once (1000; 0 for none).</li>
 * <li>{@link #maxNewSessionsPerTurn}: sessions one turn may start with
 *     {@code host.send}/{@code host.call} to an id that is not live, and
 *     the session as many per second across its turns (100; 0 for none).</li>
 * <li>{@link #outputRate}, {@link #outputBurst}: the session's output budget:
 *     what its {@code print}, {@code io.write}, {@code warn} and
 *     {@code host.log} write, in bytes a second (64 KiB; 0 for no limit) with
 *     bursts of up to {@code outputBurst} bytes (256 KiB). A piece of output
 *     (a print line, a log message) that does not fit in what is left is
 *     dropped whole, never waited for; drops are counted and reported in the
 *     host's log at most every 5 s. Output is charged to the turn's work
 *     either way (one unit per 64 bytes).</li>
 * <li>{@link #restartAfterErrors}: 0 (default): a session keeps its state
 *     whatever errors its turns raise. n: after n turns in a row fail with a
 *     Lua error (the CPU budget and {@code not enough memory} included), the
 *     state is dropped and the session starts again from its script, with
 *     its last save when the host has a store.</li>
 * <li>{@link #allowProfileChange}: false (default): a saved state made under
 *     another profile (sandboxed/trusted, or another library set) is not
 *     restored: the session fails to start, saying both profiles. true: it
 *     is restored; from sandboxed into trusted, its data only (its functions
 *     raise when called; see {@code Persister.restore}).</li>
 * </ul>
 */
public final class SessionOptions {
    private Profile profile = Profile.SANDBOXED;
    private Duration cpuBudget = Duration.ofSeconds(1);
    private Duration timeSlice = Duration.ofMillis(2);
    private long memoryLimit = 64L << 20;
    private boolean interleave;
    private Duration callTimeout = Duration.ofSeconds(10);
    private int restartAfterErrors;
    private Duration awaitTimeout;
    private int maxTimers = 1000;
    private int maxNewSessionsPerTurn = 100;
    private boolean allowProfileChange;
    private long outputRate = 64 << 10;
    private long outputBurst = 256 << 10;

    public SessionOptions() {}

    public SessionOptions(SessionOptions o) {
        this.profile = o.profile;
        this.cpuBudget = o.cpuBudget;
        this.timeSlice = o.timeSlice;
        this.memoryLimit = o.memoryLimit;
        this.interleave = o.interleave;
        this.callTimeout = o.callTimeout;
        this.restartAfterErrors = o.restartAfterErrors;
        this.awaitTimeout = o.awaitTimeout;
        this.maxTimers = o.maxTimers;
        this.maxNewSessionsPerTurn = o.maxNewSessionsPerTurn;
        this.allowProfileChange = o.allowProfileChange;
        this.outputRate = o.outputRate;
        this.outputBurst = o.outputBurst;
    }

    public Profile profile() { return profile; }
    public SessionOptions profile(Profile p) { this.profile = p; return this; }

    public Duration cpuBudget() { return cpuBudget; }
    public SessionOptions cpuBudget(Duration d) { this.cpuBudget = d; return this; }

    public Duration timeSlice() { return timeSlice; }
    public SessionOptions timeSlice(Duration d) { this.timeSlice = d; return this; }

    public long memoryLimit() { return memoryLimit; }
    public SessionOptions memoryLimit(long bytes) { this.memoryLimit = bytes; return this; }

    public boolean interleave() { return interleave; }
    public SessionOptions interleave(boolean on) { this.interleave = on; return this; }

    public int restartAfterErrors() { return restartAfterErrors; }
    public SessionOptions restartAfterErrors(int n) { this.restartAfterErrors = Math.max(0, n); return this; }

    public boolean allowProfileChange() { return allowProfileChange; }
    public SessionOptions allowProfileChange(boolean on) { this.allowProfileChange = on; return this; }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionOptions x && profile == x.profile && cpuBudget.equals(x.cpuBudget)
                && timeSlice.equals(x.timeSlice) && memoryLimit == x.memoryLimit && interleave == x.interleave
                && callTimeout.equals(x.callTimeout) && restartAfterErrors == x.restartAfterErrors
                && java.util.Objects.equals(awaitTimeout, x.awaitTimeout) && maxTimers == x.maxTimers
                && maxNewSessionsPerTurn == x.maxNewSessionsPerTurn
                && allowProfileChange == x.allowProfileChange && outputRate == x.outputRate && outputBurst == x.outputBurst;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(profile, cpuBudget, timeSlice, memoryLimit, interleave, callTimeout, restartAfterErrors,
                awaitTimeout, maxTimers, maxNewSessionsPerTurn, allowProfileChange, outputRate, outputBurst);
    }

    public Duration callTimeout() { return callTimeout; }
    public SessionOptions callTimeout(Duration d) { this.callTimeout = d; return this; }

    public Duration awaitTimeout() { return awaitTimeout; }
    /** The timeout of waits on Java futures that give none; null: the host's default; ZERO: none. */
    public SessionOptions awaitTimeout(Duration d) { this.awaitTimeout = d; return this; }

    public int maxTimers() { return maxTimers; }
    public SessionOptions maxTimers(int n) { this.maxTimers = Math.max(0, n); return this; }

    public int maxNewSessionsPerTurn() { return maxNewSessionsPerTurn; }
    public SessionOptions maxNewSessionsPerTurn(int n) { this.maxNewSessionsPerTurn = Math.max(0, n); return this; }

    public long outputRate() { return outputRate; }
    /** Bytes a second the session's output may average (print, io.write, warn, host.log); 0: no limit. */
    public SessionOptions outputRate(long bytesPerSecond) { this.outputRate = Math.max(0, bytesPerSecond); return this; }

    public long outputBurst() { return outputBurst; }
    /** The most output the session may write at once after a quiet spell (bytes; at least 1). */
    public SessionOptions outputBurst(long bytes) { this.outputBurst = Math.max(1, bytes); return this; }
}
