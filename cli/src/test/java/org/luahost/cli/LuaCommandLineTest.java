package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The command line of {@code luahost lua} against the reference, live: each
 * case runs {@code lua5.4 ARGS} and {@code luahost lua ARGS} with the same
 * stdin in the same folder and compares stdout, stderr and exit status
 * (stderr with the reference's program name read as ours, as in
 * {@link DifferentialTest}). Skipped when {@code lua5.4} is not installed.
 *
 * <p>The interactive prompt reads from a pipe here: Debian's {@code lua5.4}
 * uses readline, which then echoes each line after its prompt, and so do we.
 */
class LuaCommandLineTest {
    static final String REFERENCE = "lua5.4";
    static ChildJvm jvm;
    static Path dir;

    record Case(String stdin, String... args) {
        String name() { return String.join(" ", args) + (stdin == null ? "" : "  < " + stdin.replace("\n", "\\n")); }
    }

    static Case run(String... args) { return new Case(null, args); }

    static Case stdin(String in, String... args) { return new Case(in, args); }

    static Case prompt(String in, String... args) { return new Case(in, args); }

    static final List<Case> CASES = List.of(
            run("-v"), run("-x"), run("-e"), run("-e", "-x"), run("-l"), run("--x"), run("-vx"), run("-ix"),
            run("-e", "print(1)"), run("-eprint(2)"), run("-e", "print(1)", "-e", "print(2)"),
            run("-e", "x="), run("-e", "error()"), run("-e", "error(12)"), run("-e", "error({})"),
            run("-e", "error(setmetatable({}, {__tostring = function() return 'TS' end}))"),
            run("-e", "print(select('#', ...), #arg)"), run("-v", "-e", "print(1)"),
            run("-W", "-e", "warn('hi')"), run("-e", "warn('hi')"), run("-e", "warn('@on') warn('a', 'b')"),
            run("args.lua", "a", "b"), run("--", "args.lua", "a"), run("-e", "print(0)", "args.lua", "a", "b"),
            run("-e", "x = 1", "args.lua"), run("error.lua"), run("syntax.lua"), run("missing.lua"),
            run("-l", "mod", "-e", "print(mod.v)"), run("-l", "g=mod", "-e", "print(g.v, mod)"),
            run("-lmod", "-e", "print(mod.v)"), run("-E", "-e", "print(1)"),
            stdin("print('stdin', ...)\n", "-", "x", "y"), stdin("print('from stdin')\n"),
            stdin("print(1)\nerror('z')\n"), stdin("print(1)\n", "-W"), stdin("print(1)\n", "-v"),
            stdin("print(...)", "--", "-"), stdin("#!/usr/bin/lua\nprint(1)\n", "-"),
            prompt("x = 1\nx\n1 + 1\nfor i = 1, 2 do\nprint(i)\nend\nerror('boom')\nerror({})\n"
                    + "return 1, 2, nil\n=5\n1 +\n2\nx = \n)\nprint = nil\n1\n", "-i"),
            prompt("for i = 1, 2 do\n", "-i"),
            prompt("x = \"abc\nreturn 1 -- c\n1 -- c\n", "-i"),
            prompt("print(2)\n", "-e", "print(1)", "-i"),
            prompt("print(1)\n\nx = 1\nprint(x)", "-i"),
            // the prompt reads a byte per read(2) as readline does; io.read's buffer takes the rest
            prompt("x = io.read()\nhello\nprint(x)\n", "-i"),
            prompt("x = io.read(1)\nprint(x)\n", "-i"),
            // the script's arguments are arg[1] .. arg[#arg] as the -e options left them (#arg with __len)
            stdin("print(select('#', ...), ...)\n", "-e", "arg[1] = 100", "-"),
            run("-e", "arg[3] = nil", "args.lua", "a", "b", "c", "d"),
            run("-e", "arg = setmetatable({}, {__len = function() return 2 end}) arg[2] = 'x'", "args.lua", "a", "b", "c"),
            run("-e", "arg = setmetatable({}, {__len = function() return 2.5 end})", "args.lua"),
            run("-e", "arg = setmetatable({}, {__len = function() error('zz') end})", "args.lua"),
            run("-e", "arg = 1", "args.lua"),
            run("deep.lua"), run("dofile.lua"), run("-e", "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x"));

    @BeforeAll
    static void setUp() throws IOException, InterruptedException {
        assumeTrue(onPath(REFERENCE), REFERENCE + " is not installed: command-line comparison skipped");
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        jvm = ChildJvm.prepare(root);
        dir = Files.createTempDirectory("luahost-cmdline");
        Files.writeString(dir.resolve("args.lua"), "print('script', ...)\nprint(arg[0], #arg, arg[1], arg[-1] ~= nil)\n");
        Files.writeString(dir.resolve("error.lua"), "local t = nil\nprint(t.x)\n");
        Files.writeString(dir.resolve("syntax.lua"), "x = = 1\n");
        Files.writeString(dir.resolve("mod.lua"), "return {v = 42}\n");
        // a caught stack overflow (an uncaught one prints "skipping N levels" in its traceback,
        // and N differs: the reference's limit counts stack slots, ours frames)
        Files.writeString(dir.resolve("deep.lua"), "local function f(n) return 1 + f(n + 1) end\nprint(pcall(f, 1))\n");
        Files.writeString(dir.resolve("dofile.lua"), "dofile('nosuchfile.lua')\n");
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

    @TestFactory
    Stream<DynamicTest> commandLine() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<String> ref = new ArrayList<>(List.of(REFERENCE));
            ref.addAll(List.of(c.args()));
            List<String> ours = new ArrayList<>(jvm.command());
            ours.add("lua");
            ours.addAll(List.of(c.args()));
            String[] expected = execute(ref, c.stdin());
            String[] actual = execute(ours, c.stdin());
            expected[1] = expected[1].replaceAll("(?m)^lua5\\.4: ", "lua: ").replaceAll("(?m)^usage: lua5\\.4 ", "usage: lua ");
            assertEquals(expected[0], actual[0], "stdout of " + c.name());
            assertEquals(expected[1], actual[1], "stderr of " + c.name());
            assertEquals(expected[2], actual[2], "exit status of " + c.name());
        }));
    }

    /** Runs a command in the test folder: {stdout, stderr, status} (bytes as ISO-8859-1 text). */
    static String[] execute(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("out", ""), err = Files.createTempFile("err", ""), in = Files.createTempFile("in", "");
        try {
            Files.writeString(in, stdin == null ? "" : stdin);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            for (String v : List.of("LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4",
                    "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")) {
                env.remove(v);
            }
            env.put("LC_ALL", "C");
            Process p = pb.start();
            if (!p.waitFor(DifferentialTest.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new String[] {Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), String.valueOf(p.exitValue())};
        } finally {
            Files.delete(out);
            Files.delete(err);
            Files.delete(in);
        }
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) return true;
        }
        return false;
    }
}
