package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.PersistenceException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.StoredSnapshot;

/**
 * A store that tells the truth: a failed save reaches whoever waits on it
 * ({@code host.persist()} raises, a stop's future fails, the host's close
 * names the sessions not saved, stderr names the session), and a session
 * whose every snapshot is corrupt answers with the reason, not "is stopped".
 */
class StoreFailuresTest {
    @TempDir Path dir;
    Vertx vertx;
    FlakyStore store;
    LuaHost host;
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream oldErr;

    /** The SQLite store, with saves that fail while {@link #failing} is set (as on a full disk). */
    static final class FlakyStore implements SessionStore {
        final SessionStore inner;
        volatile boolean failing;

        FlakyStore(SessionStore inner) { this.inner = inner; }

        @Override
        public CompletionStage<Long> save(String sessionId, byte[] snapshot) {
            if (failing) return CompletableFuture.failedFuture(new PersistenceException(
                    "cannot save session '" + sessionId + "' to test.db: [SQLITE_FULL] database or disk is full"));
            return inner.save(sessionId, snapshot);
        }

        @Override public CompletionStage<Optional<StoredSnapshot>> load(String sessionId) { return inner.load(sessionId); }

        @Override public CompletionStage<Void> delete(String sessionId) { return inner.delete(sessionId); }

        @Override public void close() { inner.close(); }
    }

    @BeforeEach
    void up() throws Exception {
        oldErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        vertx = Vertx.vertx();
        store = new FlakyStore(SessionStore.sqlite(dir));
        host = LuaHost.create(vertx, new HostOptions().store(store).defaultScript(PersistentSessionsTest.COUNTER)
                .saveInterval(java.time.Duration.ofHours(1)).output(new PrintStream(new ByteArrayOutputStream())));
        SessionsTest.get(host.ready());
    }

    @AfterEach
    void down() throws Exception {
        System.setErr(oldErr);
        store.failing = false;
        host.close().toCompletionStage().toCompletableFuture().handle((v, x) -> null).get();
        store.close();
        SessionsTest.get(vertx.close());
    }

    private String err() { return stderr.toString(StandardCharsets.UTF_8); }

    @Test
    void persistRaisesWhenTheStoreFails() throws Exception {
        Session s = SessionsTest.get(host.session("p", Script.of("p.lua", """
                function set(v) data = v end
                function try_persist() return pcall(host.persist) end
                """), new SessionOptions()));
        SessionsTest.get(s.call("set", "one"));
        assertArrayEquals(new Object[] {true}, SessionsTest.get(s.call("try_persist")));
        store.failing = true;
        SessionsTest.get(s.call("set", "two"));
        Object[] r = SessionsTest.get(s.call("try_persist"));
        assertEquals(false, r[0]);
        assertTrue(String.valueOf(r[1]).contains("cannot save session 'p'") && String.valueOf(r[1]).contains("SQLITE_FULL"),
                String.valueOf(r[1]));
        assertTrue(err().contains("WARN org.luahost.store: cannot save session 'p': "), err());
        // room again: the next persist stores the state, though nothing changed since the failed one
        store.failing = false;
        assertArrayEquals(new Object[] {true}, SessionsTest.get(s.call("try_persist")));
        assertEquals("two", PersistentSessionsTest.restoredGlobal(store.inner, "p", "data"));
    }

    @Test
    void stopAndCloseNameTheSessionsThatWereNotSaved() throws Exception {
        assertEquals(1L, PersistentSessionsTest.call(host, "a", "inc"));
        assertEquals(1L, PersistentSessionsTest.call(host, "b", "inc"));
        assertEquals(1L, PersistentSessionsTest.call(host, "c", "inc"));
        SessionsTest.get(host.stop("c"));   // saved
        store.failing = true;
        SessionException e = SessionsTest.failure(host.stop("a"));
        assertEquals(SessionException.Kind.PERSISTENCE, e.kind());
        assertEquals("session 'a' stopped without saving its last changes: cannot save session 'a' to test.db: "
                + "[SQLITE_FULL] database or disk is full (its previous snapshot is kept)", e.getMessage());
        assertEquals(1L, PersistentSessionsTest.call(host, "d", "inc"));
        SessionException c = SessionsTest.failure(host.close());
        assertTrue(c.getMessage().startsWith("2 sessions were not saved: session '"), c.getMessage());
        assertTrue(c.getMessage().contains("session 'b' stopped without saving") && c.getMessage().contains("session 'd' stopped without saving"),
                c.getMessage());
        assertEquals(1L, PersistentSessionsTest.restoredGlobal(store.inner, "c", "count"));
    }

    @Test
    void aSessionWhoseSnapshotsAreAllCorruptSaysWhy() throws Exception {
        assertEquals(1L, PersistentSessionsTest.call(host, "s2", "inc"));
        SessionsTest.get(host.stop("s2"));
        assertEquals(2L, PersistentSessionsTest.call(host, "s2", "inc"));
        SessionsTest.get(host.stop("s2"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sessions.db"));
             Statement st = c.createStatement()) {
            // flip a byte in the body of every snapshot of s2 (the checksum no longer matches)
            st.executeUpdate("UPDATE snapshot SET data = substr(data, 1, 20) || x'ff' || substr(data, 22) WHERE session = 's2'");
        }
        for (int i = 0; i < 2; i++) {   // the first call, and the next ones: each says why, each is logged
            SessionException e = SessionsTest.failure(host.call("s2", "inc"));
            assertEquals(SessionException.Kind.PERSISTENCE, e.kind());
            // each stored snapshot (newest first) with its fault, ending with snapshot 1
            assertTrue(e.getMessage().matches("session 's2' could not start: cannot restore session 's2': "
                    + "(snapshot \\d of session 's2' is unusable \\(corrupt snapshot: checksum mismatch\\); )+no usable snapshot left")
                    && e.getMessage().contains("snapshot 1 of session 's2'"), e.getMessage());
        }
        assertTrue(err().contains("WARN org.luahost.session: session 's2' could not start: cannot restore session 's2': "), err());
        assertEquals(1L, PersistentSessionsTest.call(host, "other", "inc"));   // the others are not affected
    }
}
