package org.luahost.persistence.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fencing in the embedded store: the same rules as in PostgreSQL, for single-node runs and tests of the cluster code. */
class SqliteFencingTest {
    @TempDir
    Path dir;

    @Test
    void anOldTokenIsRefusedAndStoresNothing() throws Exception {
        try (SqliteSessionStore store = SqliteSessionStore.open(dir, 3)) {
            FencingChecks.basics(store, "s");
        }
    }

    @Test
    void twoStoresRacingOnOneFileNeverStoreAFencedOffSave() throws Exception {
        try (SqliteSessionStore a = SqliteSessionStore.open(dir, 1_000_000);
             SqliteSessionStore b = SqliteSessionStore.open(dir, 1_000_000)) {
            FencingChecks.race(a, b, List.of("x", "y", "z"), 150);
        }
    }

    @Test
    void aFileFromBeforeFencingGetsTheColumn() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sessions.db"));
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE snapshot (session TEXT NOT NULL, seq INTEGER NOT NULL, "
                    + "saved_at INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (session, seq))");
        }
        try (SqliteSessionStore store = SqliteSessionStore.open(dir, 3)) {
            FencingChecks.basics(store, "old");
        }
    }
}
