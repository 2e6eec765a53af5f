package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data DIR} / {@code --store URI}; run and sessions on PostgreSQL when LUAHOST_TEST_PG names a server. */
class StoreFlagsTest {
    @TempDir
    Path dir;

    @Test
    void theLastOfDataAndStoreWinsAndThePasswordIsNeverShown() {
        StoreFlags f = new StoreFlags();
        assertFalse(f.database());
        assertEquals(Path.of(".luahost").toString(), f.where());
        f.store("postgresql://ada:s3cret@db:5432/game");
        assertTrue(f.database());
        assertEquals("postgresql://ada@db:5432/game", f.where());
        f.store("postgres://ada:x@db/game");
        assertEquals("postgres://ada@db/game", f.where());
        f.store("postgresql://ada@db/game");
        assertEquals("postgresql://ada@db/game", f.where());
        f.data(dir);
        assertFalse(f.database());
        assertEquals(dir.toString(), f.where());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.store("mysql://db/game"));
        assertEquals("--store expects postgresql://user@host:port/database, not 'mysql://db/game'", e.getMessage());
    }

    private record Result(int status, String out, String err) {}

    private static Result run(boolean sessions, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true), e = new PrintStream(err, true);
        int status = sessions ? StoreCommand.run(args, o, e) : RunCommand.run(args, o, e, InputStream.nullInputStream());
        return new Result(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void runAndSessionsOnPostgresql() throws Exception {
        String uri = System.getenv("LUAHOST_TEST_PG");
        Assumptions.assumeTrue(uri != null && !uri.isBlank(),
                "LUAHOST_TEST_PG is not set: skipped (eval \"$(tests/pg/start.sh)\" starts a local PostgreSQL and sets it)");
        Path script = dir.resolve("counter.lua");
        Files.writeString(script, "count = (count or 0) + 1; print(count)");
        String id = "cli-" + UUID.randomUUID();
        assertEquals(new Result(0, "1\n", ""), run(false, "--store", uri, "--session", id, script.toString()));
        assertEquals(new Result(0, "2\n", ""), run(false, "--store=" + uri, "--session", id, script.toString()));
        Result h = run(true, "--store", uri, "history", id);
        assertEquals(0, h.status(), h.err());
        assertEquals(2, h.out().lines().count(), h.out());
        Result show = run(true, "--store", uri, "show", id);
        assertTrue(show.out().contains("count = 2"), show.out());
        Result d = run(true, "--store", uri, "delete", id);
        assertEquals(new Result(0, "", "luahost sessions: deleted session '" + id + "' (2 snapshots)\n"), d);
        Result gone = run(true, "--store", uri, "history", id);
        assertEquals(1, gone.status());
        assertTrue(gone.err().startsWith("luahost sessions: no session '" + id + "' in postgres"), gone.err());
        assertFalse(uri.contains(":" + "luahost@") && gone.err().contains(uri), "the password is shown: " + gone.err());
    }
}
