package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.SessionStore;

/** {@code luahost store}, in process, on a data folder that {@code luahost run} filled (issue 15's store tools). */
class StoreCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private Path data() { return dir.resolve("data"); }

    private Result store(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int status = StoreCommand.run(all, new PrintStream(out, true), new PrintStream(err, true));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void runScript(String session, String code) throws Exception {
        Path p = dir.resolve(session + ".lua");
        Files.writeString(p, code);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunCommand.run(new String[] {"--data", data().toString(), "--session", session, p.toString()},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true), InputStream.nullInputStream());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A backup taken while the folder's owner keeps saving (as serve does) is a
     * consistent store: SQLite's integrity check passes and every session in it
     * restores its newest snapshot.
     */
    @Test
    void backupWhileTheOwnerWrites() throws Exception {
        runScript("seed", "x = 1");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger saved = new java.util.concurrent.atomic.AtomicInteger();
        byte[] snap;
        try (SessionStore s = SessionStore.sqlite(data())) {
            snap = s.load("seed").toCompletableFuture().get().orElseThrow().bytes();
        }
        Path backup = dir.resolve("backup").resolve("sessions.db");
        Files.createDirectories(backup.getParent());
        try (SessionStore owner = SessionStore.sqliteLocked(data(), Duration.ZERO)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    owner.save("w" + (saved.get() % 50), snap).toCompletableFuture().join();
                    saved.incrementAndGet();
                }
            });
            while (saved.get() < 50) Thread.sleep(5);
            Result r = store("backup", backup.toString());
            int during = saved.get();
            stop.set(true);
            writer.join();
            assertEquals(0, r.status(), r.err());
            assertTrue(saved.get() > 50 && during > 50, "saves went on: " + saved.get());
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup);
             java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
        try (SessionStore b = SessionStore.sqlite(backup.getParent())) {
            var list = b.list().toCompletableFuture().get();
            assertTrue(list.size() >= 2, list.toString());
            for (var info : list) assertTrue(b.load(info.sessionId()).toCompletableFuture().get().isPresent(), info.toString());
        }
    }

    /** show --json: the console's tree (libraries left out, a cycle as a reference to where it was first shown). */
    @Test
    void showAsJson() throws Exception {
        runScript("game", """
                players = {{name = 'ada', hp = 10}}
                local cycle = {} cycle.self = cycle
                loop = cycle
                ratio = 0.5
                function greet(p) return 'hi ' .. p.name end
                """);
        Result r = store("show", "--json", "game");
        assertEquals(0, r.status(), r.err());
        io.vertx.core.json.JsonObject o = new io.vertx.core.json.JsonObject(r.out());
        assertEquals("game", o.getString("session"));
        java.util.Map<String, io.vertx.core.json.JsonObject> g = new java.util.TreeMap<>();
        for (Object e : o.getJsonObject("globals").getJsonArray("entries")) {
            io.vertx.core.json.JsonObject en = (io.vertx.core.json.JsonObject) e;
            g.put(en.getJsonObject("key").getString("value"), en.getJsonObject("value"));
        }
        assertEquals(java.util.Set.of("players", "loop", "ratio", "greet"), g.keySet(), r.out());   // no print, string...
        assertEquals(0.5, g.get("ratio").getDouble("value"));
        assertEquals("function", g.get("greet").getString("type"));
        io.vertx.core.json.JsonObject ada = g.get("players").getJsonArray("entries").getJsonObject(0).getJsonObject("value");
        assertEquals("ada", ada.getJsonArray("entries").getJsonObject(1).getJsonObject("value").getString("value"), ada.encode());
        io.vertx.core.json.JsonObject self = g.get("loop").getJsonArray("entries").getJsonObject(0).getJsonObject("value");
        assertEquals("ref", self.getString("type"), self.encode());
        assertEquals("loop", self.getString("path"));
    }

    @Test
    void listHistoryShowExportImportDeleteBackup() throws Exception {
        String game = """
                players = players or {}
                players[#players + 1] = {name = 'ada' .. #players, hp = 10, tags = {'x', 'y'}}
                round = (round or 0) + 1
                local cycle = {} cycle.self = cycle
                loop = cycle
                function greet(p) return 'hi ' .. p.name end
                string.shout = function(s) return s:upper() end
                setmetatable(players, {__index = function() return 'nobody' end})
                """;
        runScript("game", game);
        runScript("game", game);
        runScript("lobby", "motd = 'welcome\\n'; pi = 3.5; big = 2^63; nan = 0/0");

        Result list = store("list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("game") && list.out().contains("lobby") && list.out().endsWith("2 sessions\n"), list.out());

        Result history = store("history", "game");
        assertEquals(2, history.out().lines().count(), history.out());
        assertTrue(history.out().trim().startsWith("2 "), history.out());

        Result show = store("show", "game");
        assertEquals(0, show.status(), show.err());
        String o = show.out();
        assertTrue(o.startsWith("-- session 'game', snapshot 2 ("), o);
        assertTrue(o.contains("round = 2\n"), o);
        assertTrue(o.contains("name = \"ada1\","), o);
        assertTrue(o.contains("greet = function (") && o.contains("game.lua:6)"), o);
        assertTrue(o.contains("self = <the table at loop>"), o);
        assertTrue(o.contains("string.shout = function ("), o);
        assertTrue(o.contains("-- metatable: {"), o);
        assertFalse(o.contains("print ="), o);   // library values the snapshot did not change are left out

        Result old = store("show", "--seq", "1", "game");
        assertTrue(old.out().contains("round = 1\n"), old.out());
        assertEquals(1, store("show", "--seq", "9", "game").status());
        Result lobby = store("show", "lobby");
        assertTrue(lobby.out().contains("motd = \"welcome\\n\"") && lobby.out().contains("pi = 3.5")
                && lobby.out().contains("big = 9.2233720368547758e+18") && lobby.out().contains("nan = 0/0"), lobby.out());

        Path file = dir.resolve("game.snap");
        assertEquals(0, store("export", "game", file.toString()).status());
        assertEquals(0, store("import", "copy", file.toString()).status());
        assertTrue(store("show", "copy").out().contains("round = 2\n"));
        Files.write(dir.resolve("bad.snap"), new byte[] {1, 2, 3});
        Result bad = store("import", "copy", dir.resolve("bad.snap").toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("is not stored"), bad.err());

        Path backup = dir.resolve("backup").resolve("sessions.db");
        Files.createDirectories(backup.getParent());
        assertEquals(0, store("backup", backup.toString()).status());
        try (SessionStore b = SessionStore.sqlite(backup.getParent())) {
            assertEquals(3, b.list().toCompletableFuture().get().size());
        }

        // delete needs the folder: refused while another owner holds it
        try (SessionStore owner = SessionStore.sqliteLocked(data(), Duration.ZERO)) {
            Result refused = store("delete", "copy");
            assertEquals(1, refused.status());
            assertTrue(refused.err().contains("lock") || refused.err().contains("in use"), refused.err());
        }
        assertEquals(0, store("delete", "copy").status());
        assertTrue(store("list").out().endsWith("2 sessions\n"));
        assertEquals(1, store("history", "copy").status());
        assertEquals(2, store("frobnicate").status());
    }
}
