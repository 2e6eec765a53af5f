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
