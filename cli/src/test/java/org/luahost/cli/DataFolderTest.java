package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder across processes: one owner at a time ({@code serve}
 * refuses a folder in use, {@code run} waits for it), and the sandbox
 * survives persistence (a session saved by a sandboxed {@code serve} is not
 * restored into a trusted state, or, when the operator allows it, keeps
 * its data but none of its code).
 */
class DataFolderTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    /** The java command of a luahost child (bin/jvm.options, this class path), up to the subcommand. */
    static List<String> luahost() throws Exception {
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return cmd;
    }

    static void stop(ServeProcess s) throws Exception {
        s.process().destroy();   // SIGTERM: sessions are saved
        assertTrue(s.process().waitFor(120, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
    }

    @Test
    void aSecondServeOnTheSameFolderRefusesToStart() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, "function inc() count = (count or 0) + 1 return count end host.export{inc = inc}");
        Path data = dir.resolve("data");
        ServeProcess a = ServeProcess.start(dir, data, script);
        try {
            assertEquals("[1]", a.post(http, "/sessions/x/call/inc", "[]").body());
            List<String> cmd = luahost();
            cmd.addAll(List.of("serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString(), script.toString()));
            Process b = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            b.getOutputStream().close();
            String err = new String(b.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(b.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, b.exitValue(), err);
            assertEquals("luahost serve: the data folder " + data + " is in use by another luahost process (pid "
                    + a.process().pid() + "); one luahost process at a time may use a data folder\n", err);
            assertEquals("[2]", a.post(http, "/sessions/x/call/inc", "[]").body());   // the owner goes on
        } finally {
            stop(a);
        }
    }

    /** Two runs of one session at once: the second waits for the first, so no update is lost. */
    @Test
    void twoRunsOfOneSessionTakeTurns() throws Exception {
        Path script = dir.resolve("c.lua");
        // slow on purpose: each run holds the folder about a second between its restore and its save
        Files.writeString(script, "count = (count or 0) + 1 local t = os.clock() while os.clock() - t < 1 do end print(count)");
        Path data = dir.resolve("data");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> cmd = luahost();
            cmd.addAll(List.of("run", "--session", "c", "--data", data.toString(), script.toString()));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            runs.add(p);
        }
        List<String> outs = new ArrayList<>();
        for (Process p : runs) {
            outs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        outs.sort(null);
        assertEquals(List.of("1", "2"), outs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, RunCommand.run(new String[] {"--data", data.toString(), "--session", "c", script.toString()},
                new PrintStream(out, true), System.err, InputStream.nullInputStream()));
        assertEquals("3\n", out.toString(StandardCharsets.UTF_8));
    }

    /** The issue's escape: a sandboxed serve session replaces print and string.format, then is restored trusted. */
    @Test
    void aSandboxedServeSessionDoesNotEscapeIntoATrustedRestore() throws Exception {
        Path marker = dir.resolve("escaped");
        String grab = "function() if os and os.execute then os.execute('touch " + marker + "') end return 'reached' end";
        Path sandboxed = dir.resolve("app.lua");
        Files.writeString(sandboxed, """
                function plant()
                  data = {count = 41}
                  print = %s
                  string.format = %s
                  handlers = {run = %s}
                  setmetatable(_G, {__index = function(t, k) return (%s)() end})
                  host.persist()
                  return 'planted'
                end
                function probe()
                  return data.count, pcall(handlers.run)
                end
                host.export{plant = plant, probe = probe}
                """.formatted(grab, grab, grab, grab));
        Path data = dir.resolve("data");
        ServeProcess s = ServeProcess.start(dir, data, sandboxed);
        try {
            assertEquals("[\"planted\"]", s.post(http, "/sessions/s1/call/plant", "[]").body());
        } finally {
            stop(s);
        }
        // luahost run --session s1 (trusted): refused, naming both profiles
        Path trusted = dir.resolve("t.lua");
        Files.writeString(trusted, """
                print(data.count, pcall(handlers.run))
                print(string.format('%d', 7), undefined_global)
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] args = {"--data", data.toString(), "--session", "s1", trusted.toString()};
        assertEquals(1, RunCommand.run(args, new PrintStream(out, true), new PrintStream(err, true), InputStream.nullInputStream()));
        assertEquals("luahost: session 's1': the snapshot was made under the sandboxed profile and is not restored into a "
                + "trusted state unless a change of profile is allowed (--allow-profile-change)\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        // serve --trusted on the same folder: the session does not start, and says why
        ServeProcess t = ServeProcess.start(dir, data, sandboxed, "--trusted");
        try {
            HttpResponse<String> r = t.post(http, "/sessions/s1/call/plant", "[]");
            assertEquals(500, r.statusCode(), r.body());
            assertTrue(r.body().contains("could not start: cannot restore session 's1': the snapshot was made under the "
                    + "sandboxed profile"), r.body());
            assertTrue(t.stderr().contains("session 's1' could not start"), t.stderr());
        } finally {
            stop(t);
        }
        // serve --trusted --allow-profile-change: the data, not the code
        ServeProcess u = ServeProcess.start(dir, data, sandboxed, "--trusted", "--allow-profile-change");
        try {
            assertEquals("[41,false,\"a function saved under the sandboxed profile is not restored into a trusted state\"]",
                    u.post(http, "/sessions/s1/call/probe", "[]").body());
        } finally {
            stop(u);
        }
        assertFalse(Files.exists(marker), "code written in the sandbox reached os.execute");
        // run, allowed: the data comes back, the sandbox's code does not run
        out.reset();
        err.reset();
        String[] allowed = {"--data", data.toString(), "--session", "s1", "--allow-profile-change", trusted.toString()};
        assertEquals(0, RunCommand.run(allowed, new PrintStream(out, true), new PrintStream(err, true), InputStream.nullInputStream()),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("41\tfalse\ta function saved under the sandboxed profile is not restored into a trusted state\n"
                + "7\tnil\n", out.toString(StandardCharsets.UTF_8));
        // (serve --trusted saved it last: a trusted snapshot of another library set, the host's; the stand-ins stay stand-ins)
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: the snapshot was made under the trusted profile with other "
                + "libraries or host functions"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(marker), "code written in the sandbox reached os.execute");
    }
}
