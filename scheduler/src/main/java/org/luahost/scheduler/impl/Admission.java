package org.luahost.scheduler.impl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.SessionException;
import org.luahost.scheduler.SessionException.Kind;

/**
 * The host-wide ceiling on sessions: whether one more session may start
 * ({@link #checkNewSession}). Two limits, both giving
 * {@link Kind#OVERLOADED} (the gateway's 503):
 * <ul>
 * <li>{@code HostOptions.maxSessions}: live (loaded) sessions at most;</li>
 * <li>{@code HostOptions.heapCeiling}: a fraction of the maximum heap. The
 *     memory in use is the larger of the heap's use without the young
 *     generation's garbage ({@link #heapInUse}: the survivors' and the old
 *     generation's current use, what the last collection left in eden) and the
 *     Lua data charged to the live sessions (their memory estimates: data in
 *     eden shows in the heap only after the next young collection),
 *     plus the reservations of sessions being restored. Both are read at most
 *     every {@link #PROBE_NANOS}, so a burst of starts costs one probe. A
 *     refusal is decided on a fresh reading (a full collection first, at most
 *     every {@link #GC_NANOS}: {@link #freshReading}), since the charges
 *     count the garbage each state allocated since its last collection. Over
 *     the ceiling the host first passivates idle sessions early (the sweep of
 *     {@link HostImpl}), and refuses new ones while it stays over.</li>
 * </ul>
 *
 * <p>The old generation's use counts its garbage until a full (or, under G1,
 * mixed) collection, so after sessions are passivated it still counts their
 * states until then, which a host that refuses every new session may
 * not reach for a long time: when the heap reads over the ceiling (or a
 * session is refused) but the sessions' data and reservations are under it,
 * a full collection is asked for ({@code System.gc()}, on a thread of its
 * own, at most every {@link #GC_NANOS}).
 *
 * <p>Restores: a passivated session comes back with about the memory it had
 * when it was passivated, which the heap does not show until its restore
 * ran. {@link #admit} reserves that much (refusing the session if it does not
 * fit under the ceiling) until the session has started and its own estimate
 * counts ({@link #release}); so a burst of restores (six 500 MB sessions at
 * once into a 4 GB heap ran it out of memory before) stops at the ceiling.
 *
 * <p>Threads: any thread. The probe's result is a benign race (two threads
 * may both probe; each writes a whole, recent answer); reservations are
 * taken atomically with their check.
 */
final class Admission {
    /** How often the heap is probed at most. */
    static final long PROBE_NANOS = 20_000_000L;

    private final int maxSessions;
    private final long ceilingBytes;
    private final long maxHeap;
    private final List<MemoryPoolMXBean> heapPools;
    /** Whether the collector has an eden pool (see {@link #heapInUse}). */
    private final boolean hasEden;
    /** The Lua data charged to the live sessions now (the sum of their memory estimates). */
    private final LongSupplier charged;
    /** The memory estimate of each passivated session when it was passivated: what its restore reserves. */
    private final ConcurrentHashMap<String, Long> passivatedMemory = new ConcurrentHashMap<>();
    /** Bytes reserved by sessions being restored (see {@link #admit}). */
    private final AtomicLong reserved = new AtomicLong();
    private volatile long probedAt = System.nanoTime() - 2 * PROBE_NANOS;
    private volatile long heapUsed, chargedBytes;
    /** At most this often a full collection is asked for when the heap reads over the ceiling and the sessions' data does not. */
    static final long GC_NANOS = 10_000_000_000L;
    /** When a full collection was last asked for (a fresh reading or {@link #staleHeap}); claimed by compare-and-set. */
    private final AtomicLong gcAskedAt = new AtomicLong(System.nanoTime() - 2 * GC_NANOS);
    /** The garbage the last {@link #freshReading} found in the charges, and when: discounted for {@link #GC_NANOS}. */
    private volatile long chargedSlack, freshAt = System.nanoTime() - 2 * GC_NANOS;
    private volatile int freshReadings;

    Admission(HostOptions options, LongSupplier charged) {
        this.charged = charged;
        this.maxSessions = options.maxSessions();
        this.maxHeap = Runtime.getRuntime().maxMemory();
        double f = options.heapCeiling();
        this.ceilingBytes = f > 0 && f < 1 && maxHeap != Long.MAX_VALUE ? (long) (f * maxHeap) : 0;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        this.hasEden = heapPools.stream().anyMatch(Admission::isEden);
    }

    /** Throws {@link Kind#OVERLOADED} if a new session may not start now; live: the sessions loaded now. */
    void checkNewSession(String id, long live) {
        admit(id, live, 0);
    }

    /** Session id was passivated holding bytes (its memory estimate): its restore reserves that much. */
    void passivated(String id, long bytes) {
        if (bytes > 0) passivatedMemory.put(id, bytes);
    }

    /** Session id was restored or is gone for good. */
    void forget(String id) { passivatedMemory.remove(id); }

    /** {@link #admit} with what session id held when it was passivated (0 if it was not). */
    long admit(String id, long live) {
        return admit(id, live, passivatedMemory.getOrDefault(id, 0L));
    }

    /**
     * Admits session id (live: the sessions loaded now), which is expected to
     * need expected bytes once started (a passivated session: its estimate
     * when it was passivated; else 0), or throws {@link Kind#OVERLOADED}.
     * Returns the bytes reserved, to {@link #release} once it has started (or
     * failed to).
     */
    long admit(String id, long live, long expected) {
        if (maxSessions > 0 && live >= maxSessions) {
            throw new SessionException(Kind.OVERLOADED, "cannot start session '" + id + "': the host runs its maximum of "
                    + maxSessions + " live sessions");
        }
        if (ceilingBytes == 0) return 0;
        probe();
        for (boolean fresh = false;;) {
            long r = reserved.get();
            long use = inUse() + r;
            if (use + expected > ceilingBytes) {
                if (!fresh && freshReading()) {
                    fresh = true;
                    continue;   // decide again on what the collection left
                }
                staleHeap(expected);
                String what = expected > 0 ? "cannot restore session '" + id + "' (" + (expected >> 20) + " MB when it was passivated)"
                        : "cannot start session '" + id + "'";
                throw new SessionException(Kind.OVERLOADED, what + ": the host is short of memory (" + (use >> 20)
                        + " MB of the heap's " + (maxHeap >> 20) + " MB in use, above its ceiling of " + (ceilingBytes >> 20) + " MB)");
            }
            if (expected == 0 || reserved.compareAndSet(r, r + expected)) return expected;
        }
    }

    /** Ends a reservation of {@link #admit} (the session started, and its estimate counts from the next probe on). */
    void release(long bytes) {
        if (bytes <= 0) return;
        reserved.addAndGet(-bytes);
        probedAt = System.nanoTime() - 2 * PROBE_NANOS;
    }

    private void probe() {
        long now = System.nanoTime();
        if (now - probedAt >= PROBE_NANOS) {
            heapUsed = heapInUse();
            chargedBytes = charged.getAsLong();
            probedAt = now;
        }
    }

    /**
     * Asks for a full collection (on a thread of its own, at most every
     * {@link #GC_NANOS}) if the sessions' data, the reservations and expected
     * fit under the ceiling: then what the heap shows over it may be the
     * states of passivated sessions, which the old generation's collection
     * usage counts until the next full collection, and a host that refuses
     * every session may not get to that by itself.
     */
    private void staleHeap(long expected) {
        if (chargedBytes + reserved.get() + expected <= ceilingBytes && claimCollection()) {
            // the readings after it too: the heap's figure counts the old generation's garbage until then, and the
            // starts of the period (whose collection this is) decide on what the collection left
            Thread.ofPlatform().daemon().name("luahost-heap-ceiling").start(() -> takeReading(false));
        }
    }

    /** Whether the memory in use is above the ceiling (probed at most every {@link #PROBE_NANOS}). */
    boolean overCeiling() {
        if (ceilingBytes == 0) return false;
        probe();
        // the sweep's probe, not a start's: a start over the ceiling takes the period's collection itself
        // (freshReading, on its own thread), which a collection asked for here first would leave it without
        if (heapUsed > ceilingBytes) staleHeap(0);
        return inUse() + reserved.get() > ceilingBytes;
    }

    /** The memory in use as last probed: the heap, or the sessions' charged data less the garbage a fresh reading found in it. */
    private long inUse() {
        long slack = System.nanoTime() - freshAt < GC_NANOS ? chargedSlack : 0;
        return Math.max(heapUsed, chargedBytes - slack);
    }

    /** Claims this period's full collection: false if one was asked for within {@link #GC_NANOS}. Any thread. */
    private boolean claimCollection() {
        long now = System.nanoTime(), at = gcAskedAt.get();
        return now - at >= GC_NANOS && gcAskedAt.compareAndSet(at, now);
    }

    /**
     * A fresh reading before a refusal: a full collection, then the heap and
     * the sessions' charges read again, at most every {@link #GC_NANOS}
     * (sharing that clock with {@link #staleHeap}, so the host asks for at
     * most one full collection per period, however many starts are refused).
     * Returns true once the reading is taken on this thread; false (nothing
     * read) within the period, and on a Vert.x event loop, which must never
     * wait for a collection (with a concurrent collector System.gc blocks its
     * caller for a whole cycle while the other threads run): there the
     * reading runs on a thread of its own, this start is refused, and the
     * starts after it decide on the reading.
     *
     * <p>The sessions' charges are their states' estimates: the live data of
     * each state's last Lua collection plus everything allocated since,
     * garbage included (up to the pause, twice the live data by default), so
     * near the ceiling their sum may refuse sessions the heap has room for.
     * What the heap holds after a full collection is live for certain, Lua
     * data and everything else: the charges' excess over it
     * ({@link #chargedSlack}) is garbage, and is discounted from the charges
     * until the period ends (what the sessions allocate afterwards counts in
     * full).
     */
    private boolean freshReading() {
        if (!claimCollection()) return false;
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            Thread.ofPlatform().daemon().name("luahost-heap-reading").start(() -> takeReading(true));
            return false;
        }
        takeReading(true);
        return true;
    }

    /** The full collection and the readings after it (see {@link #freshReading}). */
    private void takeReading(boolean fresh) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long charges = charged.getAsLong();
        heapUsed = Math.max(heap, heapInUse());
        chargedBytes = charges;
        chargedSlack = Math.max(0, charges - heap);
        freshAt = System.nanoTime();
        probedAt = freshAt;
        if (fresh) freshReadings++;
    }

    /** Fresh readings taken (full collections before a refusal), since the host started. */
    int freshReadings() { return freshReadings; }

    /** Whether there is a ceiling to watch. */
    boolean watchesHeap() { return ceilingBytes > 0; }

    /**
     * The heap in use as the ceiling counts it. On a collector with an eden
     * pool (serial, parallel, G1: the young objects' pool, emptied by every
     * young collection), the current use of the other pools (survivors and
     * the old generation, where G1 also puts large objects) plus what the
     * last collection left in eden: garbage of the young generation does not
     * count, and what survives a young collection counts at once. Before,
     * every pool counted what the last collection <em>that collected it</em>
     * left, and the old generation is collected only by full (serial) or
     * mixed (G1) collections, which a host may not have for a long time: data
     * promoted since was not seen at all (AdmissionTest
     * liveDataIsSeenAfterAYoungCollection: admitted over the ceiling under
     * serial, G1 and G1 with serve's 32 MB regions). What the old generation
     * holds may be garbage waiting for a full or mixed collection: a would-be
     * refusal is decided on a fresh reading ({@link #freshReading}). Other
     * collectors (ZGC, Shenandoah: no eden pool): the pools' collection usage,
     * or the heap's current use where it is not reported.
     */
    private long heapInUse() {
        long sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean p : heapPools) {
            MemoryUsage u = hasEden && !isEden(p) ? p.getUsage() : p.getCollectionUsage();
            if (u != null) {
                sum += u.getUsed();
                any = true;
            }
        }
        return any && sum > 0 ? sum : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static boolean isEden(MemoryPoolMXBean p) { return p.getName().contains("Eden"); }
}
