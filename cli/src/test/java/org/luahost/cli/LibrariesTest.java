package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Lua libraries written by others, run unchanged: each driver in
 * {@code tests/libs} (see its README) loads pure-Lua libraries that Debian
 * installs under {@code /usr/share/lua}, exercises their documented API and
 * prints what they compute. The driver runs under the reference
 * {@code lua5.4} (at test time: nothing is stored) and under
 * {@code luahost lua} in both tiers (default, and {@code -Dluahost.jit=0}: every
 * block compiled); stdout, stderr and exit status must be the same, with the
 * program-name prefix normalised as in {@link DifferentialTest}.
 *
 * <p>Every run has an empty temporary folder as working directory, stdin from
 * {@code /dev/null}, {@code LC_ALL=C}, {@code TZ=UTC} and no {@code LUA_*}
 * variables, so both interpreters find the libraries on their default
 * {@code package.path} (drivers of libraries that Debian installs for Lua 5.1
 * only add {@code /usr/share/lua/5.1} themselves).
 *
 * <p>Skipped (aborted, with the reason) when {@code lua5.4} is missing, and per
 * driver when a library it needs is not installed: the reference prints
 * {@code module NAME from nil} and the driver's {@code -- debian:} header line
 * names the packages to install ({@code ./test} and {@code .ci/run} install
 * them when they can). A driver on which the reference itself fails is a
 * broken driver and fails.
 *
 * <p>Before the comparison, a luahost run whose output has a line that
 * contains {@code internal error} or the name of a Java exception, and that the
 * reference did not print, fails with that line ({@link #internalError}).
 *
 * <p>Properties: {@code -Dlibs=dkjson,inspect} runs only those drivers;
 * {@code -Dlibs.threads=N} sets the number of runs at a time (default 2).
 */
class LibrariesTest {
    static final int TIMEOUT_SECONDS = 300;
    static final String REFERENCE = System.getProperty("libs.reference", "lua5.4");
    /** The tiers: a name and the JVM options that select it. */
    static final List<Map.Entry<String, List<String>>> TIERS = List.of(
            Map.entry("default", List.of()),
            Map.entry("jit0", List.of("-Dluahost.jit=0")));

    record Run(byte[] out, byte[] err, int status, boolean timedOut, String launchError) {
        String outText() { return new String(out, StandardCharsets.UTF_8); }
    }

    @TestFactory
    Stream<DynamicTest> libraries() throws IOException, InterruptedException {
        Path root = DifferentialTest.repoRoot();
        Path dir = root == null ? null : root.resolve("tests/libs");
        assumeTrue(dir != null && Files.isDirectory(dir), "no tests/libs folder: library tests skipped");
        if (!onPath(REFERENCE)) {
            System.out.println("LibrariesTest: warning: " + REFERENCE + " not found; the library tests are skipped"
                    + " (./test installs it and the libraries when run as root with apt-get)");
            abort(REFERENCE + " not found: library tests skipped");
        }
        List<Path> drivers = drivers(dir, System.getProperty("libs", ""));
        assumeTrue(!drivers.isEmpty(), "no drivers selected");

        ChildJvm jvm = ChildJvm.prepare(root);
        int threads = Integer.getInteger("libs.threads", 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "libraries");
            t.setDaemon(true);
            return t;
        });
        List<Future<Run>> refs = new ArrayList<>();
        List<List<Future<Run>>> ours = new ArrayList<>();
        for (Path d : drivers) {
            refs.add(pool.submit(() -> run(List.of(REFERENCE, d.toString()))));
            List<Future<Run>> perTier = new ArrayList<>();
            for (var tier : TIERS) {
                List<String> cmd = new ArrayList<>(jvm.command());
                cmd.addAll(1, tier.getValue());   // JVM options go right after the java executable
                cmd.add("lua");
                cmd.add(d.toString());
                perTier.add(pool.submit(() -> run(cmd)));
            }
            ours.add(perTier);
        }
        pool.shutdown();

        List<DynamicTest> tests = new ArrayList<>();
        int[] passed = {0};
        for (int i = 0; i < drivers.size(); i++) {
            Path d = drivers.get(i);
            String name = d.getFileName().toString().replaceFirst("\\.lua$", "");
            for (int k = 0; k < TIERS.size(); k++) {
                Future<Run> ref = refs.get(i), got = ours.get(i).get(k);
                String label = name + " (" + TIERS.get(k).getKey() + ")";
                tests.add(DynamicTest.dynamicTest(label, () -> {
                    check(label, d, ref.get(), got.get());
                    passed[0]++;
                }));
            }
        }
        return tests.stream().onClose(() -> {
            pool.shutdownNow();
            try {
                jvm.close();
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
            System.out.printf("LibrariesTest: %d of %d driver runs match %s%n", passed[0], tests.size(), REFERENCE);
        });
    }

    // ---------------------------------------------------------------- the internal-error guard

    /** Output that betrays a bug in luahost rather than a Lua error: our own marker, or a Java exception or error name. */
    static final Pattern INTERNAL = Pattern.compile(
            "internal error|\\b(?:java|javax|jdk|sun|org\\.luahost)\\.[\\w.$]*(?:Exception|Error)\\b"
            + "|\\b[A-Z]\\w*(?:Exception|Error)\\b(?=[:\\s]|$)(?<!\\bLuaError)|\\bat org\\.luahost\\.");

    /** The first line of out or err that shows an internal error, or null when there is none. */
    static String internalError(byte[] out, byte[] err) {
        return internalError(out, err, java.util.Set.of());
    }

    /** As {@link #internalError(byte[], byte[])}, ignoring the lines the reference printed too. */
    static String internalError(byte[] out, byte[] err, java.util.Set<String> referenceLines) {
        for (byte[] b : List.of(out, err)) {
            for (String line : new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)) {
                if (referenceLines.contains(line)) continue;
                Matcher m = INTERNAL.matcher(line);
                if (m.find()) return line.length() > 200 ? line.substring(0, 200) + "..." : line;
            }
        }
        return null;
    }

    @Test
    void internalErrorGuardCatchesJavaExceptions() {
        for (String s : List.of(
                "lua: internal error (a bug in luahost): java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds",
                "Exception in thread \"main\" java.lang.NullPointerException",
                "java.lang.StackOverflowError",
                "\tat org.luahost.vm.nodes.Stats$Assign.exec(Stats.java:120)",
                "caused by ClassCastException: class X cannot be cast",
                "IllegalStateException",
                "ok: error jdk.internal.misc.SomeError")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(s.length() > 200 ? s.substring(0, 200) + "..." : s, internalError(b, new byte[0]), s);
            assertEquals(s, internalError(new byte[0], ("first line\n" + s + "\n").getBytes(StandardCharsets.UTF_8)), s);
        }
        for (String s : List.of(
                "lua: x.lua:1: attempt to index a nil value (local 't')",
                "error: bad argument #1 to 'insert' (table expected, got nil)",
                "Errors: 0, exceptions: none, ErrorHandler ok",
                "luassert: Expected objects to be the same.",
                "LuaUnit test FAILURE: expected: 2, actual: 1",
                "java is a language; errors happen")) {
            assertNull(internalError(s.getBytes(StandardCharsets.UTF_8), new byte[0]), s);
        }
    }

    // ---------------------------------------------------------------- running and comparing

    static void check(String label, Path driver, Run ref, Run got) throws IOException {
        if (ref.launchError() != null) fail(label + ": could not start " + REFERENCE + ": " + ref.launchError());
        if (got.launchError() != null) fail(label + ": could not start the child JVM: " + got.launchError());
        java.util.Set<String> refLines = new java.util.HashSet<>();
        for (byte[] b : List.of(ref.out(), DifferentialTest.normaliseProgname(ref.err()))) {
            refLines.addAll(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
        }
        String internal = internalError(got.out(), got.err(), refLines);
        if (internal != null) fail(label + ": luahost reported an internal error:\n  " + internal);
        Matcher missing = Pattern.compile("(?m)^module (\\S+) from nil$").matcher(ref.outText());
        if (missing.find()) {
            abort(label + ": library module '" + missing.group(1) + "' is not installed; install "
                    + debianPackages(driver) + " (./test does when run as root with apt-get)");
        }
        if (ref.timedOut() || ref.status() != 0) {
            fail(label + ": the driver fails under " + REFERENCE + " itself (status " + ref.status()
                    + (ref.timedOut() ? ", timed out" : "") + "):\n" + DifferentialTest.head(ref.err(), 10));
        }
        byte[] expErr = DifferentialTest.normaliseProgname(ref.err());
        StringBuilder report = new StringBuilder();
        if (got.timedOut()) report.append("TIMED OUT after ").append(TIMEOUT_SECONDS).append(" s (killed)\n");
        if (!Arrays.equals(ref.out(), got.out())) report.append(DifferentialTest.diff("stdout", ref.out(), got.out()));
        if (!Arrays.equals(expErr, got.err())) report.append(DifferentialTest.diff("stderr", expErr, got.err()));
        if (!got.timedOut() && ref.status() != got.status()) {
            report.append("exit status: expected ").append(ref.status()).append(", got ").append(got.status()).append('\n');
        }
        if (!report.isEmpty()) fail(label + ":\n" + report);
    }

    /** The packages a driver's "-- debian: a, b" header line names (or a hint when it has none). */
    static String debianPackages(Path driver) throws IOException {
        for (String line : Files.readAllLines(driver, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("-- debian:")) return line.substring("-- debian:".length()).strip();
        }
        return "the Debian package that provides it";
    }

    static List<Path> drivers(Path dir, String selection) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.toString().endsWith(".lua") && Files.isRegularFile(p)).sorted().toList();
        }
        if (selection.isBlank()) return all;
        List<String> wanted = Arrays.stream(selection.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        for (String w : wanted) {
            if (all.stream().noneMatch(p -> p.getFileName().toString().equals(w + ".lua"))) {
                throw new IllegalArgumentException("-Dlibs: no driver tests/libs/" + w + ".lua");
            }
        }
        return all.stream().filter(p -> wanted.contains(p.getFileName().toString().replaceFirst("\\.lua$", ""))).toList();
    }

    static boolean onPath(String exe) {
        if (exe.contains(File.separator)) return Files.isExecutable(Path.of(exe));
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) return true;
        }
        return false;
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("luahost-libs");
        try {
            Path cwd = Files.createDirectory(tmp.resolve("cwd"));
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
            ReferenceEnv.apply(pb);
            Path out = tmp.resolve("out"), err = tmp.resolve("err");
            pb.redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Run(new byte[0], new byte[0], -1, false, e.toString());
            }
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Run(Files.readAllBytes(out), Files.readAllBytes(err), done ? p.exitValue() : -1, !done, null);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }
}
