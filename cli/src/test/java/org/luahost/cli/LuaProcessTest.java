package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link LuaCommandLineTest}'s format cannot express, against the
 * reference run live: Ctrl-C (SIGINT sent to a running interpreter, in the
 * foreground, in a background job, at the interactive prompt), an empty
 * environment, and the program name. Each test runs {@code lua5.4} and
 * {@code luahost lua} the same way and compares the output (stdout and
 * stderr through one pipe, so in the order written) and the exit status.
 * Skipped when {@code lua5.4} is not installed.
 *
 * <p>Signals are sent with {@code kill} once the program has printed what it
 * prints before its endless loop (or its prompt), so the test waits for
 * events rather than for time; the SIGINT disposition the interpreter starts
 * with is set by {@code env --default-signal} / {@code --ignore-signal}.
 */
class LuaProcessTest {
    static final String REFERENCE = LuaCommandLineTest.REFERENCE;
    static final long WAIT_SECONDS = 120;
    static ChildJvm jvm;
    static Path dir;

    @BeforeAll
    static void setUp() throws IOException, InterruptedException {
        assumeTrue(LuaCommandLineTest.onPath(REFERENCE), REFERENCE + " is not installed: skipped");
        assumeTrue(LuaCommandLineTest.onPath("env") && LuaCommandLineTest.onPath("kill"), "no env/kill");
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        jvm = ChildJvm.prepare(root);
        dir = Files.createTempDirectory("luahost-process");
        Files.writeString(dir.resolve("boom.lua"), "print('arg[-1] =', arg[-1], #arg)\nerror('boom')\n");
        Files.createSymbolicLink(dir.resolve("mylua"), Path.of(which(REFERENCE)));
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (jvm != null) jvm.close();
        if (dir != null) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    static final String LOOP_IN_PCALL =
            "pcall(function () print(12); io.stdout:flush(); while true do end end); print(42)";

    // ---------------------------------------------------------------- Ctrl-C

    @Test
    void ctrlCInterruptsTheChunkInsidePcall() throws Exception {
        sameAfterSigint("--default-signal=INT", "print(" + LOOP_IN_PCALL.replace("; print(42)", ") print(42)"));
    }

    @Test
    void ctrlCErrorHasTheCallersPosition() throws Exception {
        sameAfterSigint("--default-signal=INT", "local function f() local x = 0 while true do x = x + 1 end end\n"
                + "print(pcall(function () print(12); io.stdout:flush()\n f() end)); print(42)");
    }

    @Test
    void ctrlCUncaughtInTheMainChunk() throws Exception {
        sameAfterSigint("--default-signal=INT", "print(12); io.stdout:flush(); local t = {} while true do t[1] = 1 end");
    }

    @Test
    void ctrlCRemovesTheDebugHook() throws Exception {
        sameAfterSigint("--default-signal=INT", "debug.sethook(function() end, 'l')\n"
                + "print(pcall(function () print(12); io.stdout:flush(); while true do end end)); print(debug.gethook())");
    }

    /** A background job starts with SIGINT ignored; lua.c's handler still turns it into the error. */
    @Test
    void ctrlCInABackgroundJob() throws Exception {
        sameAfterSigint("--ignore-signal=INT", LOOP_IN_PCALL);
    }

    /** At the prompt (waiting for a line) SIGINT kills; while a line runs it interrupts the line. */
    @Test
    void ctrlCAtTheInteractivePrompt() throws Exception {
        for (boolean atPrompt : new boolean[] {false, true}) {
            List<String> outcomes = new ArrayList<>();
            for (List<String> interp : interpreters()) {
                List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT"));
                cmd.addAll(interp);
                cmd.add("-i");
                try (Child c = new Child(cmd)) {
                    c.waitFor("> ");
                    c.write("print(12) io.stdout:flush() while true do end\n");
                    c.waitFor("12\n");
                    c.kill("INT");
                    c.waitFor("[C]: in ?\n> ");
                    c.write("print(5)\n");
                    c.waitFor("5\n> ");
                    if (atPrompt) c.kill("INT");
                    else c.closeInput();
                    outcomes.add(c.finish());
                }
            }
            assertEquals(outcomes.get(0), outcomes.get(1), atPrompt ? "SIGINT at the prompt" : "SIGINT in a line");
        }
    }

    private static void sameAfterSigint(String disposition, String prog) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (List<String> interp : interpreters()) {
            List<String> cmd = new ArrayList<>(List.of("env", disposition));
            cmd.addAll(interp);
            cmd.addAll(List.of("-e", prog));
            try (Child c = new Child(cmd)) {
                c.closeInput();
                c.waitFor("12\n");
                Thread.sleep(300);   // well inside the loop (not needed for correctness: the loop never ends)
                c.kill("INT");
                outcomes.add(c.finish());
            }
        }
        assertEquals(outcomes.get(0), outcomes.get(1), prog);
    }

    // ---------------------------------------------------------------- a reader that goes away

    /**
     * A program printing (or writing to stderr) in an endless loop into a pipe whose reader
     * exits: lua5.4 ends by SIGPIPE (a shell sees status 141), luahost ends with that status.
     * Before, luahost's writes failed silently and the loop never ended (here: the timeout's 124).
     */
    @Test
    void aWriteToAPipeWithoutReaderEndsTheProcess() throws Exception {
        for (String[] loop : List.of(new String[] {"while true do print(1) end", ""},
                new String[] {"while true do io.write('w', '\\n') end", ""},
                new String[] {"while true do io.stderr:write('e\\n') end", "2>&1 >/dev/null"})) {
            List<String> outcomes = new ArrayList<>();
            for (List<String> interp : interpreters()) {
                StringBuilder sh = new StringBuilder("timeout 60");
                for (String w : interp) sh.append(" '").append(w).append('\'');
                sh.append(" -e \"").append(loop[0]).append("\" ").append(loop[1]).append(" | head -n 1; echo \"status ${PIPESTATUS[0]}\"");
                try (Child c = new Child(List.of("/bin/bash", "-c", sh.toString()))) {
                    c.closeInput();
                    outcomes.add(c.finish());
                }
            }
            assertEquals(outcomes.get(0), outcomes.get(1), loop[0]);
        }
    }

    // ---------------------------------------------------------------- environment and program name

    /** Started with an empty environment (no HOME, no PATH): runs, and the program sees no variables. */
    @Test
    void emptyEnvironment() throws Exception {
        String prog = "print('started', os.getenv('HOME'), os.getenv('PATH'), package.path)";
        List<String> outcomes = new ArrayList<>();
        for (List<String> interp : interpreters()) {
            List<String> cmd = new ArrayList<>(List.of("env", "-i"));
            cmd.addAll(interp);
            cmd.addAll(List.of("-e", prog));
            try (Child c = new Child(cmd)) {
                c.closeInput();
                outcomes.add(c.finish());
            }
        }
        assertEquals(outcomes.get(0), outcomes.get(1));
    }

    /** The launcher's JDK search works without HOME (it runs under set -u). */
    @Test
    void launcherFindsTheJdkWithoutHome() throws Exception {
        Path root = DifferentialTest.repoRoot();
        List<String> cmd = List.of("env", "-i", "/bin/bash", "-uc",
                ". '" + root.resolve("bin/find-jdk.sh") + "' && luahost_find_jdk; echo status $?");
        try (Child c = new Child(cmd)) {
            c.closeInput();
            String out = c.finish();
            assertFalse(out.contains("unbound variable"), out);
            assertFalse(out.contains("status 2"), out);
        }
    }

    /** The program name (here as the launcher would pass it) is arg[-n] and the prefix of messages. */
    @Test
    void programName() throws Exception {
        List<String> ours = new ArrayList<>(jvm.command());
        ours.add(1, "-D" + LuaCommand.PROGNAME_PROPERTY + "=./mylua");
        ours.add("lua");
        for (String[] args : List.of(new String[] {"boom.lua", "x"}, new String[] {"-e", "print(arg[-2], arg[-1])", "boom.lua"},
                new String[] {"-x"}, new String[] {"-e", "error({})"})) {
            List<String> outcomes = new ArrayList<>();
            for (List<String> interp : List.of(List.of("./mylua"), ours)) {
                List<String> cmd = new ArrayList<>(interp);
                cmd.addAll(List.of(args));
                try (Child c = new Child(cmd)) {
                    c.closeInput();
                    outcomes.add(c.finish());
                }
            }
            assertEquals(outcomes.get(0), outcomes.get(1), String.join(" ", args));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The reference, then luahost lua (as started by ./luahost but for the program name, "lua" here as in the reference's "lua"). */
    private static List<List<String>> interpreters() {
        List<String> ours = new ArrayList<>(jvm.command());
        ours.add(1, "-D" + LuaCommand.PROGNAME_PROPERTY + "=" + which(REFERENCE));
        ours.add("lua");
        return List.of(List.of(which(REFERENCE)), ours);
    }

    private static String which(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (!d.isEmpty() && Files.isExecutable(p)) return p.toString();
        }
        return exe;
    }

    /** A child process whose stdout and stderr are collected together as they come. */
    static final class Child implements AutoCloseable {
        final Process p;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Thread reader;

        Child(List<String> cmd) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            for (String v : List.of("LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4",
                    "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")) {
                pb.environment().remove(v);
            }
            pb.environment().put("LC_ALL", "C");
            p = pb.start();
            reader = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[4096];
                try (InputStream in = p.getInputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (out) {
                            out.write(buf, 0, n);
                            out.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            });
        }

        String text() {
            synchronized (out) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** Waits until the output so far ends with s. */
        void waitFor(String s) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            synchronized (out) {
                while (!text().endsWith(s)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                    if (left <= 0) throw new AssertionError("no '" + s + "' at the end of: " + text());
                    out.wait(left);
                }
            }
        }

        void write(String s) throws IOException {
            OutputStream in = p.getOutputStream();
            in.write(s.getBytes(StandardCharsets.ISO_8859_1));
            in.flush();
        }

        void closeInput() throws IOException {
            p.getOutputStream().close();
        }

        void kill(String sig) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-s", sig, String.valueOf(p.pid())).inheritIO().start().waitFor();
        }

        /** Waits for the end: the output and the exit status. */
        String finish() throws InterruptedException {
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("still running: " + text());
            reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            return text() + "[exit status " + p.exitValue() + "]";
        }

        @Override
        public void close() {
            p.destroyForcibly();
        }
    }
}
