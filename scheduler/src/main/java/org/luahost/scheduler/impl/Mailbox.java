package org.luahost.scheduler.impl;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>The byte bound: {@link #admitBytes} counts a bounded envelope's
 * {@linkplain Envelope#bytes bytes} in, here and in the host's total of
 * bytes waiting in all mailboxes, and refuses it when either bound would be
 * passed; {@link #taken} counts them out. Without it a client that kept a
 * session busy (a turn in {@code host.sleep}) and sent 1 MB bodies to it
 * queued 6 GB in its mailbox: the heap filled, {@code OutOfMemoryError} hit
 * the event loops and the acceptor, and SIGTERM no longer ended the JVM.
 */
final class Mailbox {
    private static final AtomicIntegerFieldUpdater<Mailbox> SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(Mailbox.class, "scheduled");
    private static final AtomicLongFieldUpdater<Mailbox> RECEIVED =
            AtomicLongFieldUpdater.newUpdater(Mailbox.class, "received");
    private static final AtomicLongFieldUpdater<Mailbox> BYTES =
            AtomicLongFieldUpdater.newUpdater(Mailbox.class, "bytes");

    /** The bytes waiting in every mailbox of the host (shared by its sessions' mailboxes). */
    private final AtomicLong hostBytes;

    Mailbox(AtomicLong hostBytes) { this.hostBytes = hostBytes; }

    private final MpscLinkedAtomicUnpaddedQueue<Envelope> queue = new MpscLinkedAtomicUnpaddedQueue<>();
    /** 1 while a drainer exists (or is being started), 0 when the session is idle. */
    private volatile int scheduled;
    /** Envelopes offered and not yet taken (the mailbox figure of the session's stats). */
    private volatile long received;
    /** Bytes of the bounded envelopes counted in by {@link #admitBytes} and not yet taken. */
    private volatile long bytes;

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

    /** {@link #admitBytes}: admitted; refused by the mailbox's own byte bound; refused by the host's. */
    static final int ADMITTED = 0, FULL = 1, HOST_FULL = 2;

    /**
     * Counts a bounded envelope's bytes in, after {@link #admit} (any
     * thread): ADMITTED, or (not counted) FULL when limit bytes (0: no bound)
     * would be passed here while other envelopes' bytes wait (a lone
     * envelope larger than the bound is left to the receiving state's memory
     * limit, {@link LuaRunner#chargeArrival}), or HOST_FULL when the host's
     * total would pass hostLimit (0: no bound).
     */
    int admitBytes(Envelope e, long limit, long hostLimit) {
        long b = e.bytes();
        if (b <= 0 || !e.bounded()) return ADMITTED;
        long mine = BYTES.addAndGet(this, b);
        if (limit > 0 && mine > limit && mine != b) {
            BYTES.addAndGet(this, -b);
            return FULL;
        }
        long all = hostBytes.addAndGet(b);
        if (hostLimit > 0 && all > hostLimit) {
            hostBytes.addAndGet(-b);
            BYTES.addAndGet(this, -b);
            return HOST_FULL;
        }
        return ADMITTED;
    }

    /** Takes back what {@link #admit} counted when e is refused after it (the byte bound): e was not offered. */
    void unadmit() { RECEIVED.decrementAndGet(this); }

    /** bytes for a message: "12 MB", "1.5 MB" (as the restore's memory refusal). */
    static String size(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Bytes waiting (not yet taken). */
    long bytes() { return Math.max(0, bytes); }

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
    void taken(Envelope e) {
        RECEIVED.decrementAndGet(this);
        long b = e.bytes();
        if (b > 0 && e.bounded()) {
            BYTES.addAndGet(this, -b);
            hostBytes.addAndGet(-b);
        }
    }

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
                taken(e);
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
