package org.luahost.scheduler.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.SessionException;

/**
 * The heap ceiling decides a refusal on a fresh reading (issue 13): the
 * sessions' charges are their states' estimates, which count the garbage
 * each allocated since its last Lua collection (up to twice the live data),
 * so near the ceiling their sum refused sessions the heap had room for.
 * Now a would-be refusal first takes a full collection and reads again (at
 * most once per period), and the garbage it finds in the charges is
 * discounted; real live data is still refused. In-process, about a second.
 */
class AdmissionTest {
    static final long MB = 1 << 20;

    /** What the heap held after the full collection of the last {@link #ceilingAboveLive}. */
    static long live;

    /**
     * A ceiling bytes above what the heap holds after a full collection now
     * ({@link #live}). The charges of the cases below are counted from live
     * up, so that they pass the ceiling whatever else the test JVM holds
     * (before: they were fixed figures, over the ceiling only while the
     * JVM's own live data was under 32 MB, which it was not after the
     * module's other tests).
     */
    static HostOptions ceilingAboveLive(long bytes) {
        System.gc();
        live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new HostOptions().heapCeiling((double) (live + bytes) / Runtime.getRuntime().maxMemory());
    }

    /** Allocates garbage until the collector has run n more times (young collections, as a busy host has). */
    static void collections(int n) {
        long before = collectionCount(), deadline = System.nanoTime() + 30_000_000_000L;
        Object[] sink = new Object[16];
        for (int i = 0; collectionCount() < before + n; i++) {
            sink[i & 15] = new byte[64 * 1024];
            if ((i & 1023) == 0) assertTrue(System.nanoTime() < deadline, "no collection within 30 s");
        }
    }

    static long collectionCount() {
        long c = 0;
        for (var g : ManagementFactory.getGarbageCollectorMXBeans()) c += Math.max(0, g.getCollectionCount());
        return c;
    }

    @Test
    void garbageInTheChargesDoesNotRefuseButLiveDataDoes() throws InterruptedException {
        HostOptions o = ceilingAboveLive(64 * MB);
        AtomicLong charges = new AtomicLong(live + 96 * MB);   // 96 MB over live, of which the heap holds nothing
        Admission a = new Admission(o, charges::get);
        a.checkNewSession("s1", 1);   // before: refused, "96 MB ... above its ceiling"
        assertEquals(1, a.freshReadings());
        for (int i = 0; i < 100; i++) a.checkNewSession("s" + i, 1);   // the discount holds: no more collections
        assertEquals(1, a.freshReadings(), "one fresh reading per period");
        charges.addAndGet(128 * MB);   // new allocation after the reading counts in full (from the next probe on)
        Thread.sleep(2 * Admission.PROBE_NANOS / 1_000_000);
        SessionException e = assertThrows(SessionException.class, () -> a.checkNewSession("more", 1));
        assertEquals(SessionException.Kind.OVERLOADED, e.kind());
        assertEquals(1, a.freshReadings(), "still one: at most one full collection per period");
    }

    @Test
    void liveDataIsRefusedAfterTheFreshReading() {
        AtomicLong charges = new AtomicLong(0);
        Admission a = new Admission(ceilingAboveLive(64 * MB), charges::get);
        byte[][] held = new byte[96][];
        for (int i = 0; i < held.length; i++) held[i] = new byte[(int) MB];
        charges.set(live + 96 * MB);
        SessionException e = assertThrows(SessionException.class, () -> a.checkNewSession("s", 1));
        assertTrue(e.getMessage().contains("short of memory"), e.getMessage());
        assertEquals(1, a.freshReadings());
        assertEquals(96, held.length);   // held to here
    }

    /**
     * Data that is not Lua's (nothing charges it) shows in the heap once a
     * young collection has moved it out of eden: 96 MB over a ceiling 64 MB
     * above live is refused. Before, each pool counted what the last
     * collection of that pool left, and the old generation's figure changes
     * only at full (serial) or mixed (G1) collections: admitted, under the
     * serial collector, default G1 and G1 with serve's 32 MB regions alike.
     */
    @Test
    void liveDataIsSeenAfterAYoungCollection() {
        Admission a = new Admission(ceilingAboveLive(64 * MB), () -> 0);
        byte[][] held = new byte[96][];
        for (int i = 0; i < held.length; i++) held[i] = new byte[(int) MB];
        collections(2);
        SessionException e = assertThrows(SessionException.class, () -> a.checkNewSession("s", 1));
        assertTrue(e.getMessage().contains("short of memory"), e.getMessage());
        assertEquals(96, held.length);   // held to here
    }

    /**
     * A would-be refusal on a Vert.x event loop (the gateway starting a
     * session, a readiness probe) never takes the full collection there:
     * the refusal stands at once, the fresh reading runs on a thread of its
     * own, and the next start decides on it (before: System.gc ran on the
     * event loop, blocking every connection of that loop for a collection).
     */
    @Test
    void aFreshReadingNeverRunsOnAnEventLoop() throws Exception {
        HostOptions o = ceilingAboveLive(64 * MB);
        AtomicLong charges = new AtomicLong(live + 96 * MB);   // garbage in the charges, as in the first test
        Admission a = new Admission(o, charges::get);
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            java.util.function.Supplier<Object> onLoop = () -> {
                java.util.concurrent.CompletableFuture<Object> f = new java.util.concurrent.CompletableFuture<>();
                vertx.runOnContext(v -> {
                    try {
                        a.checkNewSession("s", 1);
                        f.complete("admitted");
                    } catch (SessionException e) {
                        f.complete(e.kind());
                    }
                });
                return f.join();
            };
            assertEquals(SessionException.Kind.OVERLOADED, onLoop.get(), "refused at once on the event loop");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (a.freshReadings() == 0) {
                assertTrue(System.nanoTime() < deadline, "the fresh reading ran elsewhere");
                Thread.sleep(10);
            }
            assertEquals("admitted", onLoop.get(), "the next start decides on the fresh reading");
            assertEquals(1, a.freshReadings());
        } finally {
            vertx.close().await();
        }
    }
}
