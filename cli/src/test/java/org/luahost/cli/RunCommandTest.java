package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code luahost run}, in process: restore, run, save; and what happens when a step fails. */
class RunCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int status = RunCommand.run(all, new PrintStream(out, true), new PrintStream(err, true), InputStream.nullInputStream());
        return new Result(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }

    private String script(String name, String code) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, code);
        return p.toString();
    }

    @Test
    void counterCountsAcrossRuns() throws Exception {
        String s = script("counter.lua", "count = (count or 0) + 1; print(count)");
        assertEquals(new Result(0, "1\n", ""), run(s));
        assertEquals(new Result(0, "2\n", ""), run(s));
        assertEquals(new Result(0, "3\n", ""), run(s));
        assertEquals(new Result(0, "1\n", ""), run("--session", "other", s));   // sessions are separate
        assertEquals(new Result(0, "4\n", ""), run("--session=counter", s));     // the default name is the script's
    }

    /** New code, old data: the script's functions are defined again on each run; functions kept in data keep their code. */
    @Test
    void codeIsUpgradedByRunningTheNewScript() throws Exception {
        String v1 = script("game.lua", """
                player = player or {name = 'ada', hp = 10}
                function describe(p) return 'v1: ' .. p.name end
                callbacks = callbacks or {describe}
                local level = 1
                function levelUp() level = level + 1 return level end
                player.bump = levelUp
                print(describe(player), player.bump(), player.bump())
                """);
        assertEquals(new Result(0, "v1: ada\t2\t3\n", ""), run(v1));
        Files.writeString(Path.of(v1), """
                function describe(p) return 'v2: ' .. p.name .. ' (' .. p.hp .. ' hp)' end
                print(describe(player), callbacks[1](player), player.bump())
                """);
        assertEquals(new Result(0, "v2: ada (10 hp)\tv1: ada\t4\n", ""), run(v1));
    }

    /** examples/todo.lua, as the README shows it. */
    @Test
    void theTodoExample() {
        String todo = Path.of(System.getProperty("luahost.root", ".."), "examples", "todo.lua").toString();
        assertEquals("added #1: water the plants\n", run(todo, "add", "water the plants").out());
        assertEquals("added #2: call Ada\n", run(todo, "add", "call Ada", "high").out());
        assertEquals("done #1: water the plants\n", run(todo, "done", "1").out());
        assertEquals("""
                [ ] #2   high   call Ada
                [x] #1   normal water the plants
                (2 items, run 4)
                """, run(todo, "list").out());
        assertEquals("undid done of #1\n", run(todo, "undo").out());
        Result bad = run(todo, "done", "9");
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("lua: no item #9\n"), bad.err());
        assertTrue(run(todo, "list").out().endsWith("[ ] #1   normal water the plants\n(2 items, run 6)\n"));
    }

    @Test
    void argumentsReachTheScript() throws Exception {
        String s = script("args.lua", "print(arg[0] == ..., ...) last = select('#', ...)");
        Result r = run(s, "a", "b");
        assertEquals(0, r.status());
        assertEquals("false\ta\tb\n", r.out());
        // arg belongs to one run: changes to it are not saved, and the next run gets its own
        String t = script("shift.lua", "print(table.concat(arg, ',')) table.remove(arg, 1) if arg[1] == 'drop' then arg = nil end");
        assertEquals("x,y", run(t, "x", "y").out().strip());
        assertEquals("drop,z", run(t, "drop", "z").out().strip());
        assertEquals("p,q", run(t, "p", "q").out().strip());
    }

    @Test
    void aFailedSaveKeepsThePreviousSnapshot() throws Exception {
        String s = script("t.lua", """
                n = (n or 0) + 1
                print(n)
                if n == 2 then players = {{}, {}, {co = coroutine.create(print)}} end
                """);
        assertEquals(new Result(0, "1\n", ""), run(s));
        Result r = run(s);
        assertEquals(1, r.status());
        assertEquals("2\n", r.out());
        assertEquals("luahost: cannot save session 't': cannot persist a thread at _G.players[3].co (the previous snapshot is kept)\n", r.err());
        assertEquals("2\n", run(s).out().substring(0, 2));   // still the state of run 1

        Result skipped = run("--skip-unsaveable", s);
        assertEquals(0, skipped.status());
        assertEquals("luahost: warning: skipped a thread at _G.players[3].co\n", skipped.err());
        assertEquals("3\n", run(s).out());
    }

    @Test
    void aScriptErrorSavesNothing() throws Exception {
        String s = script("e.lua", "n = (n or 0) + 1 print(n) if n == 2 then error('boom') end");
        assertEquals(0, run(s).status());
        Result r = run(s);
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("lua: " + dir.resolve("e.lua") + ":1: boom\nstack traceback:"), r.err());
        assertEquals("2\n", run(s).out().substring(0, 2));
    }

    @Test
    void usageErrors() {
        Result r = run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("luahost run: no script given\nusage: luahost run"), r.err());
        assertEquals(2, run("--bogus", "x.lua").status());
        assertEquals(2, run("--session").status());
    }

    @Test
    void aMissingScriptIsReportedAsLuaDoes() {
        Result r = run(dir.resolve("nope.lua").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("lua: cannot open "), r.err());
    }
}
