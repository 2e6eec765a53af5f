package org.luahost.persistence.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.store.StoreTesting.get;
import static org.luahost.persistence.store.StoreTesting.restored;
import static org.luahost.persistence.store.StoreTesting.snapshotOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.SnapshotInfo;
import org.luahost.persistence.StoredSnapshot;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** The PostgreSQL store on a scratch database: round trips, history, keep-N, group commit, corrupt snapshots. */
class PgStoreTest {
    private static PgTestDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = PgTestDatabase.create();
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) db.close();
    }

    /** A session id no other test of the class uses (they share the database). */
    private static String session(String name) {
        return name + "-" + UUID.randomUUID();
    }

    @Test
    void saveThenLoadTheNewest() throws Exception {
        String s = session("s");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            assertEquals(Optional.empty(), get(store.load(s)));
            assertEquals(1L, get(store.save(s, snapshotOf("n = 1"))));
            assertEquals(2L, get(store.save(s, snapshotOf("n = 2"))));
            StoredSnapshot got = get(store.load(s)).orElseThrow();
            assertEquals(2L, got.sequence());
            assertEquals(List.of(), got.warnings());
            assertEquals(2L, restored(got.bytes(), "n"));
        }
        try (SessionStore store = SessionStore.postgresql(db.uri().replace("postgresql://", "postgres://"))) {
            assertEquals(2L, get(store.load(s)).orElseThrow().sequence());   // reopened: still there, numbering goes on
            assertEquals(3L, get(store.save(s, snapshotOf("n = 3"))));
        }
    }

    @Test
    void keepsTheLastNWithHistoryAndOlderVersions() throws Exception {
        String a = session("a");
        String b = session("b");
        try (SessionStore store = SessionStore.postgresql(db.uri(), 3, null)) {
            for (int i = 1; i <= 7; i++) get(store.save(a, snapshotOf("n = " + i)));
            byte[] only = snapshotOf("n = 100");
            get(store.save(b, only));
            List<SnapshotInfo> h = get(store.history(a));
            assertEquals(List.of(7L, 6L, 5L), h.stream().map(SnapshotInfo::sequence).toList());
            assertTrue(h.stream().allMatch(i -> i.kept() == 3 && i.size() > 0 && i.sessionId().equals(a)));
            assertEquals(5L, restored(get(store.load(a, 5)).orElseThrow().bytes(), "n"));
            assertEquals(Optional.empty(), get(store.load(a, 4)));
            SnapshotInfo newestB = get(store.list()).stream().filter(i -> i.sessionId().equals(b)).findFirst().orElseThrow();
            assertEquals(1L, newestB.sequence());
            assertEquals(only.length, newestB.size());
            assertEquals(1, newestB.kept());
            assertEquals(List.of(), get(store.history("nobody-" + UUID.randomUUID())));
        }
    }

    @Test
    void deleteRemovesEverySnapshotAndTheNumberingStartsAgain() throws Exception {
        String s = session("d");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            get(store.save(s, snapshotOf("n = 1")));
            get(store.save(s, snapshotOf("n = 2")));
            get(store.delete(s));
            assertEquals(Optional.empty(), get(store.load(s)));
            assertTrue(get(store.list()).stream().noneMatch(i -> i.sessionId().equals(s)));
            assertEquals(1L, get(store.save(s, snapshotOf("n = 3"))));
        }
    }

    @Test
    void aCorruptNewestFallsBackToThePreviousWithAWarning() throws Exception {
        String s = session("c");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            get(store.save(s, snapshotOf("n = 1")));
            get(store.save(s, snapshotOf("n = 2")));
            damage(s, 2);
            StoredSnapshot got = get(store.load(s)).orElseThrow();
            assertEquals(1L, got.sequence());
            assertEquals(1L, restored(got.bytes(), "n"));
            assertEquals(1, got.warnings().size());
            assertTrue(got.warnings().get(0).startsWith("snapshot 2 of session '" + s + "' is unusable ("), got.warnings().get(0));
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.load(s, 2)));
            assertInstanceOf(CorruptSnapshotException.class, e.getCause());
            damage(s, 1);
            e = assertThrows(ExecutionException.class, () -> get(store.load(s)));
            assertInstanceOf(CorruptSnapshotException.class, e.getCause());
            assertTrue(e.getCause().getMessage().endsWith("; no usable snapshot left"), e.getCause().getMessage());
        }
    }

    @Test
    void anInvalidSnapshotIsRefusedAndNothingIsStored() throws Exception {
        String s = session("bad");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.save(s, new byte[] {1, 2, 3})));
            assertInstanceOf(CorruptSnapshotException.class, e.getCause());
            assertEquals(List.of(), get(store.history(s)));
        }
    }

    /** A statement that fails (a session id PostgreSQL cannot store) fails its batch; the next saves work. */
    @Test
    void aFailedStatementFailsItsSaveAndTheStoreGoesOn() throws Exception {
        String s = session("after");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            byte[] snap = snapshotOf("n = 1");
            CompletableFuture<Long> bad = store.save("nul\0id", snap).toCompletableFuture();
            CompletableFuture<Long> good = store.save(s, snap).toCompletableFuture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(bad));
            assertInstanceOf(org.luahost.persistence.PersistenceException.class, e.getCause());
            assertTrue(e.getCause().getMessage().startsWith("cannot save session 'nul\0id' to postgresql://"), e.getCause().getMessage());
            try {
                assertEquals(1L, get(good));   // committed in its own batch
            } catch (ExecutionException sameBatch) {
                assertEquals(List.of(), get(store.history(s)));   // or failed with the bad one, storing nothing
            }
            long next = get(store.save(s, snap));
            assertEquals(next, get(store.load(s)).orElseThrow().sequence());
        }
    }

    /** Two nodes saving one session at once (no tokens): every save gets its own number, none fails. */
    @Test
    void twoNodesSavingOneSessionNumberEverySaveOnce() throws Exception {
        String s = session("both");
        byte[] snap = snapshotOf("n = 1");
        try (SessionStore a = SessionStore.postgresql(db.uri(), 1000, null);
             SessionStore b = SessionStore.postgresql(db.uri(), 1000, null)) {
            List<CompletableFuture<Long>> saves = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                saves.add(a.save(s, snap).toCompletableFuture());
                saves.add(b.save(s, snap).toCompletableFuture());
            }
            java.util.Set<Long> seqs = new java.util.TreeSet<>();
            for (CompletableFuture<Long> f : saves) seqs.add(get(f));
            assertEquals(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList(), List.copyOf(seqs));
            assertEquals(200, get(a.history(s)).size());
        }
    }

    /** A paused host's open transaction does not hold its sessions' rows for longer than the server's timeout. */
    @Test
    void theStoresConnectionsEndTransactionsLeftOpen() throws Exception {
        Pool p = db.pool();   // the store's connect options
        try {
            String v = get(p.query("SHOW idle_in_transaction_session_timeout").execute().toCompletionStage())
                    .iterator().next().getString(0);
            assertEquals(PgSessionStore.IDLE_IN_TRANSACTION.toSeconds() + "s", v);
        } finally {
            get(p.close().toCompletionStage());
        }
    }

    /**
     * A writer that stops in the middle of its transaction (a paused node), holding the session's row:
     * the server ends its transaction, the new owner's claim goes on, and the paused writer cannot commit.
     */
    @Test
    void aClaimIsNotBlockedForeverByAPausedWritersTransaction() throws Exception {
        String s = session("paused");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            long old = get(store.claim(s));
            Pool p = db.pool();
            try {
                io.vertx.sqlclient.SqlConnection paused = get(p.getConnection().toCompletionStage());
                get(paused.query("BEGIN").execute().toCompletionStage());
                get(paused.preparedQuery("UPDATE luahost_session SET seq = seq + 1 WHERE session = $1 AND fence = $2")
                        .execute(Tuple.of(s, old)).toCompletionStage());
                // ... and nothing more from it: the claim waits for the row until the server ends that transaction
                long newer = get(store.claim(s));
                assertTrue(newer > old);
                assertThrows(ExecutionException.class, () -> get(paused.query("COMMIT").execute().toCompletionStage()));
                assertEquals(List.of(), get(store.history(s)));
            } finally {
                get(p.close().toCompletionStage());
            }
        }
    }

    /** From the newest snapshots' headers, as in SQLite. */
    @Test
    void theSessionsWhoseNewestSnapshotHasAnExtraRootAreListed() throws Exception {
        String timers = session("timers");
        String plain = session("plain");
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            get(store.save(timers, StoreTesting.snapshotWithExtraRoot("n = 1")));
            get(store.save(plain, StoreTesting.snapshotWithExtraRoot("n = 1")));
            get(store.save(plain, snapshotOf("n = 2")));
            List<String> ids = get(store.withExtraRoot());
            assertTrue(ids.contains(timers), ids.toString());
            assertTrue(!ids.contains(plain), ids.toString());
        }
    }

    /** Flips one byte in the middle of a stored snapshot. */
    private static void damage(String session, long seq) throws Exception {
        Pool p = db.pool();
        try {
            byte[] data = get(p.preparedQuery("SELECT data FROM luahost_snapshot WHERE session = $1 AND seq = $2")
                    .execute(Tuple.of(session, seq)).toCompletionStage()).iterator().next().getBuffer(0).getBytes();
            data[data.length / 2] ^= 0x5A;
            get(p.preparedQuery("UPDATE luahost_snapshot SET data = $3 WHERE session = $1 AND seq = $2")
                    .execute(Tuple.of(session, seq, Buffer.buffer(data))).toCompletionStage());
        } finally {
            get(p.close().toCompletionStage());
        }
    }

    @Test
    void concurrentSavesOfManySessionsShareTransactions() throws Exception {
        String prefix = session("g");
        int sessions = 200;
        int rounds = 5;
        try (PgSessionStore store = PgSessionStore.open(db.uri(), 3, null)) {
            long before = store.commits();
            List<CompletableFuture<Long>> saves = new ArrayList<>();
            byte[][] snaps = new byte[rounds][];
            for (int r = 0; r < rounds; r++) snaps[r] = snapshotOf("n = " + (r + 1));
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < sessions; i++) saves.add(store.save(prefix + "-" + i, snaps[r]).toCompletableFuture());
            }
            for (int k = 0; k < saves.size(); k++) assertEquals(k / sessions + 1, get(saves.get(k)), "save " + k);
            long commits = store.commits() - before;
            assertTrue(commits < saves.size() / 10, commits + " transactions for " + saves.size() + " saves");
            for (int i = 0; i < sessions; i++) {
                StoredSnapshot got = get(store.load(prefix + "-" + i)).orElseThrow();
                assertEquals(rounds, got.sequence());
                assertArrayEquals(snaps[rounds - 1], got.bytes());
                assertEquals(List.of(5L, 4L, 3L), get(store.history(prefix + "-" + i)).stream().map(SnapshotInfo::sequence).toList());
            }
        }
    }

    @Test
    void anOldTokenIsRefusedAndStoresNothing() throws Exception {
        try (SessionStore store = SessionStore.postgresql(db.uri())) {
            FencingChecks.basics(store, session("f"));
        }
    }

    /** Two stores, each with its own Vert.x and connections, as two nodes of a cluster. */
    @Test
    void twoNodesRacingNeverStoreAFencedOffSave() throws Exception {
        List<String> sessions = List.of(session("x"), session("y"), session("z"));
        try (SessionStore a = SessionStore.postgresql(db.uri(), 1_000_000, null);
             SessionStore b = SessionStore.postgresql(db.uri(), 1_000_000, null)) {
            FencingChecks.race(a, b, sessions, 300);
        }
    }

    /** Two nodes start at once on an empty database: both open, the steps are applied once; a third start changes nothing. */
    @Test
    void migrationIsIdempotentAndSafeWhenTwoNodesStartAtOnce() throws Exception {
        try (PgTestDatabase fresh = PgTestDatabase.create()) {
            CompletableFuture<PgSessionStore> a = CompletableFuture.supplyAsync(() -> PgSessionStore.open(fresh.uri(), 3, null));
            CompletableFuture<PgSessionStore> b = CompletableFuture.supplyAsync(() -> PgSessionStore.open(fresh.uri(), 3, null));
            try (PgSessionStore x = get(a); PgSessionStore y = get(b)) {
                assertEquals(1L, get(x.save("s", snapshotOf("n = 1"))));
                assertEquals(2L, get(y.save("s", snapshotOf("n = 2"))));
            }
            try (PgSessionStore again = PgSessionStore.open(fresh.uri(), 3, null)) {
                assertEquals(2L, get(again.load("s")).orElseThrow().sequence());
            }
            Pool p = fresh.pool();
            try {
                List<Integer> versions = new ArrayList<>();
                get(p.query("SELECT version FROM luahost_schema_version ORDER BY version").execute().toCompletionStage())
                        .forEach(r -> versions.add(r.getInteger(0)));
                assertEquals(java.util.stream.IntStream.rangeClosed(1, PgSchema.current()).boxed().toList(), versions);
            } finally {
                get(p.close().toCompletionStage());
            }
        }
    }
}
