package org.luahost.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.store.StoreTesting.get;
import static org.luahost.persistence.store.StoreTesting.snapshotOf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.luahost.persistence.FencedOffException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.SnapshotWriter;

/**
 * The fencing contract, checked the same way on every store that has it
 * (PostgreSQL, SQLite): the basic rules, and a race of two stores (two nodes)
 * claiming and saving the same sessions, followed by a check of the stored
 * history in the manner of Jepsen: every acknowledged save is stored with its
 * token, nothing else is, tokens never go back along a session's versions,
 * and no save acknowledged to a token started after a newer claim of the
 * session had completed.
 */
final class FencingChecks {
    private FencingChecks() {}

    /** Claim twice: the old token is refused and stores nothing; the new one writes; a delete keeps the token. */
    static void basics(SessionStore store, String session) throws Exception {
        byte[] snap = snapshotOf("n = 1");
        long t1 = get(store.claim(session));
        long t2 = get(store.claim(session));
        assertTrue(t2 > t1, t1 + " then " + t2);
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.save(session, snap, t1)));
        FencedOffException f = assertInstanceOf(FencedOffException.class, e.getCause());
        assertEquals(session, f.sessionId());
        assertEquals(t1, f.fence());
        assertEquals(t2, f.newest());
        assertEquals(List.of(), get(store.history(session)));
        assertEquals(1L, get(store.save(session, snap, t2)));
        assertEquals(2L, get(store.save(session, snap, t2)));
        assertEquals(List.of(t2, t2), get(store.writers(session)).stream().map(SnapshotWriter::fence).toList());
        assertEquals(3L, get(store.save(session, snap)));   // without a token: allowed, recorded as 0
        assertEquals(0L, get(store.writers(session)).get(2).fence());
        get(store.delete(session));
        long t3 = get(store.claim(session));
        assertTrue(t3 > t2, "a claim after a delete gives " + t3 + ", not newer than " + t2);
        e = assertThrows(ExecutionException.class, () -> get(store.save(session, snap, t2)));
        assertInstanceOf(FencedOffException.class, e.getCause());
        e = assertThrows(ExecutionException.class, () -> get(store.save(session + "-never-claimed", snap, 1)));
        assertEquals(0L, assertInstanceOf(FencedOffException.class, e.getCause()).newest());
        assertEquals(List.of(), get(store.history(session + "-never-claimed")));
    }

    private record Claimed(String session, long token, long doneNanos) {}

    private record Acked(String session, long token, long seq, long startNanos) {}

    /**
     * Two nodes race: each picks one of the sessions, claims it and saves
     * with its token until it is fenced off, {@code rounds} times (more
     * while no save was fenced off yet). The stores must keep every snapshot
     * (no pruning), the sessions must be new. Returns the number of saves
     * fenced off.
     */
    static int race(SessionStore a, SessionStore b, List<String> sessions, int rounds) throws Exception {
        List<Claimed> claims = new ArrayList<>();
        List<Acked> acks = new ArrayList<>();
        AtomicInteger fenced = new AtomicInteger();
        byte[] snap = snapshotOf("n = 1");
        CompletableFuture<Void> na = CompletableFuture.runAsync(() -> node(a, 1, sessions, rounds, snap, claims, acks, fenced));
        CompletableFuture<Void> nb = CompletableFuture.runAsync(() -> node(b, 2, sessions, rounds, snap, claims, acks, fenced));
        CompletableFuture.allOf(na, nb).get();
        check(a, sessions, claims, acks);
        assertTrue(fenced.get() > 0, "no save was fenced off in " + claims.size() + " claims");
        return fenced.get();
    }

    private static void node(SessionStore store, long seed, List<String> sessions, int rounds, byte[] snap,
                             List<Claimed> claims, List<Acked> acks, AtomicInteger fenced) {
        Random rnd = new Random(seed);
        try {
            for (int i = 0; i < rounds || (fenced.get() == 0 && i < 20 * rounds); i++) {
                String s = sessions.get(rnd.nextInt(sessions.size()));
                long token = get(store.claim(s));
                synchronized (claims) {
                    claims.add(new Claimed(s, token, System.nanoTime()));
                }
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    long start = System.nanoTime();
                    try {
                        long seq = get(store.save(s, snap, token));
                        synchronized (acks) {
                            acks.add(new Acked(s, token, seq, start));
                        }
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof FencedOffException)) throw e;
                        fenced.incrementAndGet();
                        break;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(SessionStore store, List<String> sessions, List<Claimed> claims, List<Acked> acks) throws Exception {
        Set<String> stored = new HashSet<>();
        for (String s : sessions) {
            List<SnapshotWriter> w = get(store.writers(s));
            for (int i = 1; i < w.size(); i++) {
                assertTrue(w.get(i).sequence() > w.get(i - 1).sequence(), "versions out of order: " + w);
                assertTrue(w.get(i).fence() >= w.get(i - 1).fence(), "version " + w.get(i).sequence() + " of " + s
                        + " was written by token " + w.get(i).fence() + " after token " + w.get(i - 1).fence() + " had written");
            }
            for (SnapshotWriter x : w) stored.add(s + "#" + x.sequence() + "@" + x.fence());
        }
        Set<String> acknowledged = new HashSet<>();
        for (Acked x : acks) acknowledged.add(x.session() + "#" + x.seq() + "@" + x.token());
        assertEquals(acks.size(), acknowledged.size(), "one version acknowledged to two saves");
        assertEquals(acknowledged, stored, "the stored versions are not exactly the acknowledged saves");
        Set<String> tokens = new HashSet<>();
        for (Claimed c : claims) assertTrue(tokens.add(c.session() + "@" + c.token()), "token given twice: " + c);
        for (Acked x : acks) {
            for (Claimed c : claims) {
                assertTrue(!(c.session().equals(x.session()) && c.token() > x.token() && c.doneNanos() < x.startNanos()),
                        "save " + x + " was acknowledged although claim " + c + " had completed before it started");
            }
        }
    }
}
