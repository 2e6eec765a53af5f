package org.luahost.scheduler.impl;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.Persister;
import org.luahost.persistence.RestoreReport;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.Snapshot;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.persistence.UserdataCodec;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;
import org.luahost.vm.LuaState;

/**
 * The persistence of one session (when its host has a {@link SessionStore}):
 * restore before the script runs, save after turns, on {@code host.persist()},
 * on stop and on passivation.
 *
 * <p>Saving is capture then store: {@link Persister#capture} walks the state
 * and encodes it on the session's thread while it holds its turn, so a
 * snapshot is never half a turn; the store writes it on its own thread
 * (group commit) and completes the save's future when it is on disk.
 *
 * <p>When: every turn may have changed the state (there is no write barrier
 * in the VM to tell), so after a turn the session is <em>dirty</em>. A dirty
 * session captures at once if its last capture is older than the save
 * interval, else a SAVE message is put in its mailbox for when the interval
 * is over; one capture covers all the turns in between. A capture whose bytes
 * equal the previous snapshot's ({@link Snapshot#sameContentAs}) is not
 * stored again.
 *
 * <p>Threads: everything here runs on the thread holding the session's turn,
 * except the completion of store futures (store thread), which only sets
 * {@link #storeFailed}. Saves are handed to the store in capture order, and
 * the store commits them in that order.
 */
final class SessionSaver {
    /** Name of the codec of timer handles in snapshots. */
    static final String TIMER_CODEC = "luahost.timer";

    private final SessionImpl session;
    private final SessionStore store;
    private final UnpersistablePolicy policy;
    private final long intervalNanos;
    private Persister persister;
    /** The newest snapshot handed to the store (or restored). */
    private Snapshot last;
    /** The store's future for {@link #last}: completes when it is durable. */
    private CompletableFuture<Long> lastSave = CompletableFuture.completedFuture(0L);
    private long lastCaptureAt;
    private boolean captured;
    private boolean dirty, captureFailed, timerPending;
    /** A save the store refused or could not write: the next capture is stored even if unchanged. */
    private volatile boolean storeFailed;
    /** Why the last save failed (capture or store), for the close report; null if none did yet. */
    private volatile String lastFailure;
    /** The store's fencing token of this activation (clustered hosts, see {@link SessionFence}); -1: unfenced saves. */
    private long fence = -1;
    /** Set once when this activation lost the session (fenced off, or its node's lease ran out): no save is stored any more. */
    private volatile String lost;
    /** Warnings already printed (a value that cannot be saved is reported once, not at every turn). */
    private Set<String> warned;

    SessionSaver(SessionImpl session, SessionStore store, UnpersistablePolicy policy, long intervalNanos) {
        this.session = session;
        this.store = store;
        this.policy = policy;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Indexes the host's values in L (call after the host library is
     * installed, before the script runs) and restores the session's newest
     * good snapshot, if any. Blocks the (virtual) thread for the load.
     */
    void attachAndRestore(LuaState L) {
        persister = Persister.attach(L);
        persister.register(TimerCodec.INSTANCE);
        String who = "session '" + session.id + "'";
        Optional<StoredSnapshot> saved;
        if (session.host.cluster != null) fence = SessionFence.claim(store, session.id);
        try {
            saved = store.load(session.id).toCompletableFuture().join();
        } catch (CompletionException | CancellationException x) {
            restored(false);
            throw new SessionException(Kind.PERSISTENCE, "cannot restore " + who + ": " + message(x));
        }
        dirty = false;
        captureFailed = false;
        if (saved.isEmpty()) return;
        saved.get().warnings().forEach(this::warn);
        RestoreReport r;
        try {
            r = persister.restore(saved.get().bytes(), session.options.allowProfileChange());
        } catch (PersistenceException x) {
            restored(false);
            throw new SessionException(Kind.PERSISTENCE, "cannot restore " + who + ": " + x.getMessage());
        }
        restored(true);
        r.warnings().forEach(w -> warn(who + ": " + w));
        last = new Snapshot(saved.get().bytes(), List.of(), r.objects());
        if (r.extra() != null) session.timers.restore(r.extra());
    }

    /** After a turn that ran Lua code: save now, or when the save interval is over. */
    void afterTurn() {
        dirty = true;
        long wait = captured ? intervalNanos - (System.nanoTime() - lastCaptureAt) : 0;
        if (wait <= 0) {
            save();
        } else if (!timerPending) {
            timerPending = true;
            session.home.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), x -> session.deliver(Envelope.Save.INSTANCE));
        }
    }

    /** Waits until the saves handed to the store so far are written (or failed), so that a load sees them. */
    void awaitSaves() {
        try {
            lastSave.join();
        } catch (CompletionException | CancellationException x) {
            // reported when it failed; the store has the save before it
        }
    }

    /** After a failed turn: its changes are saved with the next save, none is scheduled for it. */
    void markDirty() { dirty = true; }

    /** The SAVE message of {@link #afterTurn}. */
    void onSaveMessage() {
        timerPending = false;
        if (dirty) save();
    }

    /**
     * Captures now and hands the snapshot to the store. Returns the future
     * that completes once the state as of now is durable: the new save's, or
     * the previous one's when nothing changed; failed if the state cannot be
     * captured (the previous snapshot stays).
     */
    CompletableFuture<Long> save() {
        dirty = false;
        captured = true;
        lastCaptureAt = System.nanoTime();
        Snapshot snap;
        try {
            snap = persister.capture(policy, session.timers.saveRoot());
        } catch (PersistenceException x) {
            captureFailed = true;
            lastFailure = x.getMessage();
            if (session.host.metrics != null) session.host.metrics.captureFailed();
            warn("cannot save session '" + session.id + "': " + x.getMessage() + " (its previous snapshot is kept)");
            return CompletableFuture.failedFuture(x);
        } catch (RuntimeException x) {
            captureFailed = true;
            lastFailure = String.valueOf(x);
            if (session.host.metrics != null) session.host.metrics.captureFailed();
            session.host.internalError(session, x);
            return CompletableFuture.failedFuture(x);
        }
        captureFailed = false;
        if (lost != null) return CompletableFuture.failedFuture(new SessionException(Kind.PERSISTENCE, lost));
        snap.warnings().forEach(w -> warn("session '" + session.id + "': " + w));
        if (!storeFailed && snap.sameContentAs(last)) return lastSave;
        storeFailed = false;
        last = snap;
        CompletableFuture<Long> f = (fence >= 0 ? store.save(session.id, snap.bytes(), fence)
                : store.save(session.id, snap.bytes())).toCompletableFuture();
        Metrics m = session.host.metrics;
        long started = lastCaptureAt;
        f.whenComplete((seq, x) -> {
            if (m != null) m.saved(x == null, started);
            if (x != null) {
                storeFailed = true;
                lastFailure = message(x);
                if (SessionFence.fencedOff(x)) lose("fenced off: " + message(x));
                else Log.STORE.warn("cannot save session '{}': {}", session.id, message(x));
            }
        });
        lastSave = f;
        return f;
    }

    /**
     * Makes the current state durable and waits: captures if anything may
     * have changed since the last capture. Returns null when it is durable,
     * else why not (the state has changes that are not saved; the reason was
     * also printed, naming the session).
     */
    String saveAndWait() {
        CompletableFuture<Long> f = dirty || captureFailed || storeFailed ? save() : lastSave;
        try {
            f.join();
            return null;
        } catch (CompletionException | CancellationException x) {
            lastFailure = message(x);
            return lastFailure;
        }
    }

    /**
     * This activation lost the session (another node owns it now): nothing
     * more is stored, and the session is dropped here (killed; its stop
     * saves nothing). Any thread; once.
     */
    void lose(String why) {
        if (lost != null) return;
        lost = "session '" + session.id + "' is no longer owned by this node (" + why + "); dropped here, not saved";
        Log.STORE.warn(lost);
        session.killNow(why);
    }

    private void restored(boolean ok) {
        if (session.host.metrics != null) session.host.metrics.restored(ok);
    }

    /** Why the last save failed (see {@link #saveAndWait}). */
    String lastFailure() {
        String f = lastFailure;
        return f != null ? f : "unknown reason (see the log)";
    }

    private void warn(String w) {
        if (warned == null) warned = new HashSet<>();
        if (warned.size() < 100 && warned.add(w)) Log.STORE.warn(w);
    }

    private static String message(Throwable x) {
        while ((x instanceof CompletionException) && x.getCause() != null) x = x.getCause();
        return x.getMessage() != null ? x.getMessage() : x.toString();
    }

    /**
     * Timer handles ({@code host.after}, {@code host.every}) kept in saved
     * data: a handle decodes as a cancelled one without a callback
     * ({@code :cancel()} returns false); the handles of pending timers are
     * also in the snapshot's extra root with their callbacks and due times,
     * and {@link Timers#restore} re-arms them (the same handle objects, so a
     * saved reference can still cancel its timer).
     */
    static final class TimerCodec implements UserdataCodec<TimerHandle> {
        static final TimerCodec INSTANCE = new TimerCodec();

        @Override public String name() { return TIMER_CODEC; }

        @Override public Class<TimerHandle> type() { return TimerHandle.class; }

        @Override public byte[] encode(TimerHandle payload) { return new byte[0]; }

        @Override
        public TimerHandle decode(byte[] bytes) {
            TimerHandle h = new TimerHandle(null, false);
            h.cancelled = true;
            return h;
        }
    }
}
