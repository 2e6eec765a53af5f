package org.luahost.scheduler.impl;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;

import org.jctools.queues.atomic.unpadded.MpscLinkedAtomicUnpaddedQueue;

/**
 * A session's mailbox: the queue of {@link Envelope}s and the <em>drainer
 * role</em>, the right to take envelopes out and run them as turns.
 *
 * <p>The queue is JCTools' unbounded multi-producer single-consumer linked
 * queue (unpadded: 48 bytes empty, see the scheduler's package documentation
 * for why). Whoever finds the session idle when it offers takes the role
 * ({@link #offer} returns true) and must then have the session drained
 * ({@link Drainers#schedule}); the drainer gives the role back when it finds
 * the mailbox empty ({@link #releaseRole}). So at most one thread consumes
 * at a time, and a session with messages always has a drainer.
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>{@link #offer}, {@link #tryTakeRole}: any thread.</li>
 * <li>{@link #poll}, {@link #releaseRole}, {@link #taken}: the holder of the
 *     drainer role only (the single consumer).</li>
 * <li>{@link #drainTo}: the holder of the role, or, once the session is a
 *     passivated shell whose role is held for good, any producer (they are
 *     made single-consumer by this object's lock).</li>
 * <li>{@link #isEmpty}, {@link #isIdle}, {@link #size}: any thread; a
 *     snapshot that may be stale by the time it is used.</li>
 * </ul>
 * NOTE: lost wake-ups are avoided by ordering, not by a lock: a producer
 * offers, then reads the role; the drainer clears the role, then re-reads the
 * queue ({@link #releaseRole}). Both are sequentially consistent, so one of
 * the two sees the other.
 *
 * <p>The bound: {@link #admit} counts an envelope in before it is offered
 * and refuses a {@linkplain Envelope#bounded bounded} one when the limit is
 * reached (the producer fails it: a full mailbox never holds its producer
 * up). The count is exact: at most limit envelopes wait, whatever the number
 * of producers.
 */
final class Mailbox {
    private static final AtomicIntegerFieldUpdater<Mailbox> SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(Mailbox.class, "scheduled");
    private static final AtomicLongFieldUpdater<Mailbox> RECEIVED =
            AtomicLongFieldUpdater.newUpdater(Mailbox.class, "received");

    private final MpscLinkedAtomicUnpaddedQueue<Envelope> queue = new MpscLinkedAtomicUnpaddedQueue<>();
    /** 1 while a drainer exists (or is being started), 0 when the session is idle. */
    private volatile int scheduled;
    /** Envelopes offered and not yet taken (the mailbox figure of the session's stats). */
    private volatile long received;

    /**
     * Counts e in before {@link #offer} (any thread); false (and not counted)
     * when e is bounded and limit envelopes wait already (limit 0: no bound).
     */
    boolean admit(Envelope e, long limit) {
        long n = RECEIVED.incrementAndGet(this);
        if (limit > 0 && n > limit && e.bounded()) {
            RECEIVED.decrementAndGet(this);
            return false;
        }
        return true;
    }

    /**
     * Queues e, counted in by {@link #admit} (any thread). Returns true when
     * the caller took the drainer role with it: it must then have the
     * session drained.
     */
    boolean offer(Envelope e) {
        queue.offer(e);
        return scheduled == 0 && SCHEDULED.compareAndSet(this, 0, 1);
    }

    /** The next envelope, or null; with the drainer role. It still counts in {@link #size} until {@link #taken}. */
    Envelope poll() { return queue.poll(); }

    /** An envelope that {@link #poll} returned is being handled (or refused): it no longer counts as waiting. */
    void taken() { RECEIVED.decrementAndGet(this); }

    /**
     * Gives the drainer role up (with the role). Returns true when the caller
     * holds it again: envelopes came after its last poll, and the producer
     * that offered them saw the role still taken, so the caller must drain
     * them (or have them drained).
     */
    boolean releaseRole() {
        scheduled = 0;
        return !queue.isEmpty() && SCHEDULED.compareAndSet(this, 0, 1);
    }

    /** Takes the drainer role if the session is idle (any thread); so no turn starts until it is released. */
    boolean tryTakeRole() { return SCHEDULED.compareAndSet(this, 0, 1); }

    /**
     * Queues e (counted) without taking the drainer role: for the START of a
     * session before the session is published to other producers, so that it
     * is the first envelope whatever they deliver next (the caller then takes
     * the role with {@link #tryTakeRole} if no producer has).
     */
    void prequeue(Envelope e) {
        RECEIVED.incrementAndGet(this);
        queue.offer(e);
    }

    /** Takes every envelope out, in order, handing each to to (see the class comment for who may call it). */
    void drainTo(Consumer<Envelope> to) {
        synchronized (this) {
            Envelope e;
            while ((e = queue.poll()) != null) {
                taken();
                to.accept(e);
            }
        }
    }

    boolean isEmpty() { return queue.isEmpty(); }

    /** No drainer and nothing queued. */
    boolean isIdle() { return scheduled == 0 && queue.isEmpty(); }

    /** Envelopes waiting (not yet taken). */
    long size() { return Math.max(0, received); }
}
