package org.luahost.scheduler.impl;

import java.io.OutputStream;
import java.io.PrintStream;

import org.luahost.vm.LuaState;
import org.luahost.vm.OutputBudget;
import org.luahost.vm.LuaThread;

/**
 * A session's output budget: what its {@code print}, {@code io.write},
 * {@code warn} and {@code host.log} may write, as a token bucket of bytes
 * ({@link org.luahost.scheduler.SessionOptions#outputRate} bytes a second,
 * up to {@link org.luahost.scheduler.SessionOptions#outputBurst} at once).
 * A piece of output (one {@code print} line, one {@code io.write}, one log
 * message) is written whole if the bucket holds its size, else dropped whole
 * and counted; the drops are reported in the log
 * ({@link Log#SESSION}, WARN) {@link #REPORT_MILLIS} after the first one
 * (the report covers that interval; the next drop starts the next), by a
 * timer of the host's Vert.x, so a session that floods its output costs one
 * log line every few seconds. Before, a loop of {@code host.log('info', 100 KB)}
 * wrote 250 MB to serve's stderr in 2 s, well within its CPU budget.
 *
 * <p>Writing never waits for the bucket (a turn is never held up by it), and
 * every piece, written or dropped, charges the turn's work meter one unit per
 * 64 bytes, so that output counts in time slices and the CPU budget.
 *
 * <p>Threads: {@link #take} runs on the Lua thread holding the session's
 * turn (a print, a log call); the report on a Vert.x event loop. The bucket
 * is guarded by this object's monitor (uncontended but for the report).
 */
final class SessionOutput {
    /** The drops of a session are reported at most this often. */
    static final long REPORT_MILLIS = 5_000;

    private final SessionImpl session;
    private final long rate, burst;

    // ---- guarded by this
    private double tokens;
    private long refilled = System.nanoTime();
    private long droppedBytes, droppedPieces, largest;
    private boolean reportPending;

    SessionOutput(SessionImpl session, long rate, long burst) {
        this.session = session;
        this.rate = rate;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
    }

    /** Whether the session's output is unlimited (a rate of 0). */
    boolean unlimited() { return rate <= 0; }

    /**
     * Charges th's work meter for a piece of n bytes and takes n bytes from
     * the bucket: true if the piece may be written, false if it is dropped
     * (and counted for the next report). th may be null (no meter charged).
     */
    boolean take(LuaThread th, long n) {
        if (th != null) th.charge((int) Math.min(Integer.MAX_VALUE, 1 + n / 64));
        if (unlimited()) return true;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilled) * 1e-9 * rate);
            refilled = now;
            if (n <= tokens) {
                tokens -= n;
                return true;
            }
            droppedBytes += n;
            droppedPieces++;
            largest = Math.max(largest, n);
            if (!reportPending) {
                // one report covers the drops of the REPORT_MILLIS after the first one
                reportPending = true;
                session.host.vertx.setTimer(REPORT_MILLIS, id -> report());
            }
            return false;
        }
    }

    /** Logs the drops since the last report (the timer's handler). */
    private void report() {
        long bytes, pieces, big;
        synchronized (this) {
            bytes = droppedBytes;
            pieces = droppedPieces;
            big = largest;
            droppedBytes = droppedPieces = largest = 0;
            reportPending = false;
        }
        if (pieces == 0) return;
        Log.SESSION.warn("session '{}': {} bytes of output dropped ({} pieces{}) in {} s: over its output budget of {} bytes/s,"
                + " burst {} (print, io.write, warn and host.log)", session.id, bytes, pieces,
                big > burst ? ", one of " + big + " bytes, more than the burst" : "", REPORT_MILLIS / 1000, rate, burst);
    }

    /**
     * The stream a session's state writes its stdout and stderr to: each
     * write is a piece of output (print writes a line in one write), passed
     * to out whole or dropped. It is an {@link OutputBudget}: print and
     * io.write ask it before they build a piece, and the write of a piece it
     * admitted is not charged again ({@link #prepaid}).
     */
    PrintStream stream(PrintStream out) {
        return new Budgeted(out);
    }

    private final class Budgeted extends PrintStream implements OutputBudget {
        /** Bytes admitted ahead by {@link #admit} and not written yet (on the thread holding the turn). */
        private long prepaid;

        Budgeted(PrintStream out) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(b, off, len);
                }

                @Override
                public void flush() { out.flush(); }
            }, false);
        }

        @Override
        public boolean admit(long n) {
            if (!takeNow(n)) return false;
            prepaid = n;
            return true;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long paid = prepaid;
            prepaid = 0;
            if (len > paid && !takeNow(len)) return;
            super.write(b, off, len);
        }

        /** {@link #take} on behalf of the thread running the session's state now. */
        private boolean takeNow(long n) {
            LuaState L = session.lua.L;
            return take(L == null ? null : L.current(), n);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
