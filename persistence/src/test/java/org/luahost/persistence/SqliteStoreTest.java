package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;
import static org.luahost.persistence.TestStates.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.vm.LuaState;

class SqliteStoreTest {
    @TempDir
    Path dir;

    private static byte[] snapshotOf(String code) {
        LuaState L = fresh();
        Persister p = Persister.attach(L);
        run(L, code);
        return p.capture().bytes();
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void saveThenLoadTheNewest() throws Exception {
        try (SessionStore store = SessionStore.sqlite(dir)) {
            assertEquals(Optional.empty(), get(store.load("nobody")));
            assertEquals(1L, get(store.save("s", snapshotOf("n = 1"))));
            assertEquals(2L, get(store.save("s", snapshotOf("n = 2"))));
            StoredSnapshot got = get(store.load("s")).orElseThrow();
            assertEquals(2L, got.sequence());
            assertEquals(List.of(), got.warnings());
            LuaState L = fresh();
            Persister.attach(L).restore(got.bytes());
            assertEquals(2L, eval(L, "n"));
        }
        try (SessionStore store = SessionStore.sqlite(dir)) {   // reopened: still there, numbering goes on
            assertEquals(2L, get(store.load("s")).orElseThrow().sequence());
            assertEquals(3L, get(store.save("s", snapshotOf("n = 3"))));
        }
    }

    @Test
    void keepsTheLastNPerSession() throws Exception {
        try (SessionStore store = SessionStore.sqlite(dir, 3)) {
            for (int i = 1; i <= 7; i++) get(store.save("a", snapshotOf("n = " + i)));
            get(store.save("b", snapshotOf("n = 100")));
        }
        assertEquals(List.of(5L, 6L, 7L), sequences("a"));
        assertEquals(List.of(1L), sequences("b"));
    }

    @Test
    void aCorruptNewestFallsBackToThePreviousWithAWarning() throws Exception {
        try (SessionStore store = SessionStore.sqlite(dir)) {
            get(store.save("s", snapshotOf("n = 1")));
            get(store.save("s", snapshotOf("n = 2")));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sessions.db"));
             PreparedStatement q = c.prepareStatement("SELECT data FROM snapshot WHERE session = 's' AND seq = 2");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            byte[] data = rs.getBytes(1);
            data[data.length - 3] ^= 0x10;
            try (PreparedStatement u = c.prepareStatement("UPDATE snapshot SET data = ? WHERE session = 's' AND seq = 2")) {
                u.setBytes(1, data);
                u.executeUpdate();
            }
        }
        try (SessionStore store = SessionStore.sqlite(dir)) {
            StoredSnapshot got = get(store.load("s")).orElseThrow();
            assertEquals(1L, got.sequence());
            assertEquals(List.of("snapshot 2 of session 's' is unusable (corrupt snapshot: checksum mismatch)"), got.warnings());
            LuaState L = fresh();
            Persister.attach(L).restore(got.bytes());
            assertEquals(1L, eval(L, "n"));
        }
    }

    @Test
    void rejectsBytesThatAreNotASnapshot() throws Exception {
        try (SessionStore store = SessionStore.sqlite(dir)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.save("s", new byte[] {1, 2, 3})));
            assertInstanceOf(CorruptSnapshotException.class, e.getCause());
            assertEquals(Optional.empty(), get(store.load("s")));
        }
    }

    @Test
    void manyConcurrentSavesAreGroupCommitted() throws Exception {
        byte[] snap = snapshotOf("t = {1, 2, 3, name = 'x'}");
        int sessions = 2000;
        try (SessionStore store = SessionStore.sqlite(dir)) {
            List<CompletableFuture<Long>> fs = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < sessions; i++) fs.add(store.save("session-" + i, snap).toCompletableFuture());
            }
            CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < sessions; i++) {
                assertEquals(1L, fs.get(i).get());
                assertEquals(2L, fs.get(sessions + i).get());
            }
            assertArrayEquals(snap, get(store.load("session-1999")).orElseThrow().bytes());
            get(store.delete("session-0"));
            assertEquals(Optional.empty(), get(store.load("session-0")));
        }
    }

    /** Two stores on one file (as two processes would be) saving one session: no sequence number is used twice. */
    @Test
    void twoStoresOnOneFileShareTheNumbering() throws Exception {
        byte[] snap = snapshotOf("x = 1");
        try (SessionStore a = SessionStore.sqlite(dir, 100); SessionStore b = SessionStore.sqlite(dir, 100)) {
            List<CompletableFuture<Long>> fs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                fs.add(a.save("shared", snap).toCompletableFuture());
                fs.add(b.save("shared", snap).toCompletableFuture());
            }
            java.util.Set<Long> seqs = new java.util.TreeSet<>();
            for (CompletableFuture<Long> f : fs) seqs.add(f.get(60, TimeUnit.SECONDS));
            assertEquals(100, seqs.size());
            assertEquals(100L, get(a.load("shared")).orElseThrow().sequence());
        }
    }

    @Test
    void closedStoreFailsNewOperations() throws Exception {
        SessionStore store = SessionStore.sqlite(dir);
        store.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(store.save("s", snapshotOf("x = 1"))));
        assertTrue(e.getCause().getMessage().contains("closed"));
    }

    private List<Long> sequences(String session) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sessions.db"));
             PreparedStatement q = c.prepareStatement("SELECT seq FROM snapshot WHERE session = ? ORDER BY seq")) {
            q.setString(1, session);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
