package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.fail;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential tests: every case of {@code tests/corpus} (see its README)
 * run as {@code luahost lua <name>.lua} in a child JVM, compared byte for byte
 * with what the reference {@code lua5.4} printed ({@code .out}, {@code .err})
 * and its exit status ({@code .status}).
 *
 * <p>Each case runs in its own folder, with stdin from {@code <name>.stdin}
 * or empty, and the environment the expectations were made in
 * ({@code LC_ALL=C}, {@code TZ=UTC}, no {@code LUA_INIT}/{@code LUA_PATH}).
 * The child JVM is started as {@code ./luahost} starts it (see {@link ChildJvm}),
 * with HotSpot's C1 compiler only (cheaper for short programs). A {@code lua}
 * command running the same child JVM leads the child's PATH, so a case that
 * starts its interpreter again by {@code arg[-1]} (which is {@code lua} here,
 * as no launcher names it) starts luahost, not another Lua.
 *
 * <p>Program name: the reference prefixes its messages with {@code lua5.4: }
 * (its argv[0]); {@code luahost lua} prints {@code lua: }. Before comparing,
 * a {@code lua5.4: } at the start of a line of the expected stderr becomes
 * {@code lua: }. Nothing else is normalised.
 *
 * <p>Cases run on a small fixed pool (2–3 child processes at a time) started
 * when the factory is called; each {@link DynamicTest} waits for its case, so
 * failures are reported by case name. A case that runs longer than
 * {@value #TIMEOUT_SECONDS} s is killed and fails.
 *
 * <p>With {@code -Dluahost.differential.batch=true} (both tiers' runs in
 * cli/pom.xml; in the default tier every fourth such case still runs in a process of its own,
 * {@code -Dluahost.differential.processEvery=4}) the cases that need no process of their own ({@link #batchable})
 * run a folder at a time in batch JVMs ({@link FuzzBatch}: each case in its own
 * state through the same {@code LuaCommand.run} as {@code luahost lua NAME.lua},
 * stdout, stderr and exit status captured); the process path (its streams, exit)
 * is still checked on every case that needs it and on a quarter of the rest.
 *
 * <p>Properties: {@code -Dcorpus=metatables} (or a comma-separated list of
 * areas or paths under tests/corpus, e.g. {@code values,errors/top_nil.lua})
 * runs only those; {@code -Dcorpus.threads=N} sets the pool size.
 */
class DifferentialTest {
    /**
     * A safety net for hangs, not a speed check: the heaviest cases (gc/g1b_weak_cache_growth,
     * stringlib/find_long_subjects) take 2-3 s of CPU but over 20 s of wall time when the
     * machine's load is about 20 (two test JVMs and helpers' builds at once).
     */
    static final int TIMEOUT_SECONDS = 60;
    /**
     * A case that starts its interpreter again many times (conform_suite/d_main: some 50 child
     * JVMs, about 0.35 s of CPU each in the compiled tier) says so on one of its first lines
     * ({@code -- differential timeout: 300}) and gets that many seconds instead.
     */
    static final java.util.regex.Pattern TIMEOUT_MARK = java.util.regex.Pattern.compile("^-- differential timeout: (\\d+)$",
            java.util.regex.Pattern.MULTILINE);
    static final String REFERENCE_PROGNAME = "lua5.4: ";
    static final String OUR_PROGNAME = LuaCommand.PROGNAME + ": ";

    record Outcome(byte[] out, byte[] err, int status, boolean timedOut, String launchError) {}

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Path root = repoRoot();
        Path corpus = root == null ? null : root.resolve("tests/corpus");
        assumeTrue(corpus != null && Files.isDirectory(corpus), "no tests/corpus folder: differential tests skipped");
        List<Path> cases = findCases(corpus, System.getProperty("corpus", ""));
        assumeTrue(!cases.isEmpty(), "no cases selected");

        ChildJvm jvm;
        try {
            // C1 only: a corpus case is a short program, and C2's compilations of the interpreter cost
            // more CPU than they save (both tiers' runs: 354 s -> 282 s of ./test on 2 cores); what a
            // Lua program does does not depend on HotSpot's tier
            jvm = ChildJvm.prepare(root, List.of("-XX:TieredStopAtLevel=1"));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(jvm.command());
        command.add("lua");
        int threads = Integer.getInteger("corpus.threads",
                Math.max(2, Math.min(3, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "differential");
            t.setDaemon(true);
            return t;
        });
        // With -Dluahost.differential.batch=true (both tiers in cli/pom.xml), the cases that need nothing
        // of a process of their own (batchable) run one folder at a time in batch JVMs (FuzzBatch: each
        // case in its own state through LuaCommand.run, as `luahost lua NAME.lua` runs it); the others in
        // a child JVM each. A child's start is most of a small case's cost (about 0.2 s of CPU against
        // 0.03-0.1 s for the case itself). -Dluahost.differential.processEvery=N (the default tier: 4)
        // still runs every N-th batchable case in a child JVM of its own, so the whole process path
        // (launcher options, AOT cache, exit, stream flushing) keeps being checked on a spread of them.
        boolean batch = Boolean.getBoolean("luahost.differential.batch");
        int processEvery = Integer.getInteger("luahost.differential.processEvery", 0);
        Map<Path, List<Path>> batches = new java.util.TreeMap<>();
        if (batch) {
            int n = 0;
            for (Path c : cases) {
                if (!batchable(c)) continue;
                if (processEvery > 0 && n++ % processEvery == 0) continue;
                batches.computeIfAbsent(c.getParent(), d -> new ArrayList<>()).add(c);
            }
        }
        Map<Path, Future<Map<Path, Outcome>>> batchResults = new java.util.HashMap<>();
        for (var e : batches.entrySet()) {
            batchResults.put(e.getKey(), pool.submit(() -> runBatch(root, e.getKey(), e.getValue())));
        }
        java.util.Set<Path> batchedCases = new java.util.HashSet<>();
        batches.values().forEach(batchedCases::addAll);
        int batched = batchedCases.size();
        List<Future<Outcome>> results = new ArrayList<>();
        Path bin = jvm.binDir();
        for (Path c : cases) {
            Future<Map<Path, Outcome>> b = batchResults.get(c.getParent());
            if (b != null && batchedCases.contains(c)) {
                results.add(caseOf(b, c));
            } else {
                results.add(pool.submit(() -> runCase(command, c, bin)));
            }
        }
        pool.shutdown();

        // Cases listed in tests/known-failures.txt are today's conformance gap: they still run,
        // but a mismatch aborts the test (reported as skipped) instead of failing the build,
        // unless luahost printed an internal error or a Java exception (LibrariesTest.internalError).
        // Any case not listed must match the reference; fixing a listed case is noticed below.
        java.util.Set<String> known = knownFailures(root);
        AtomicInteger passed = new AtomicInteger(), failed = new AtomicInteger(), knownFailed = new AtomicInteger();
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> {
            Path c = cases.get(i);
            String name = corpus.relativize(c).toString();
            return DynamicTest.dynamicTest(name, () -> {
                boolean ok = false;
                try {
                    if (known.contains(name.replace(File.separatorChar, '/'))) {
                        Outcome got = results.get(i).get();
                        String internal = LibrariesTest.internalError(got.out(), got.err());
                        if (internal != null) fail(name + ": luahost reported an internal error:\n  " + internal);
                        try {
                            check(name, c, got);
                        } catch (AssertionError e) {
                            knownFailed.incrementAndGet();
                            org.junit.jupiter.api.Assumptions.abort("known failure (tests/known-failures.txt): " + e.getMessage());
                        }
                        System.out.println("DifferentialTest: " + name + " now passes; remove it from tests/known-failures.txt");
                    } else {
                        check(name, c, results.get(i).get());
                    }
                    ok = true;
                } finally {
                    (ok ? passed : failed).incrementAndGet();
                }
            });
        }).onClose(() -> {
            pool.shutdownNow();
            try {
                jvm.close();
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
            System.out.printf("DifferentialTest: %d of %d cases match the reference; %d do not"
                    + " (%d of them listed in tests/known-failures.txt); %d ran in batch JVMs (%d folders)%n",
                    passed.get(), cases.size(), failed.get(), knownFailed.get(), batched, batches.size());
        });
    }

    // ---------------------------------------------------------------- finding things

    static java.util.Set<String> knownFailures(Path root) throws IOException {
        Path f = root.resolve("tests/known-failures.txt");
        if (!Files.exists(f)) return java.util.Set.of();
        java.util.Set<String> s = new java.util.HashSet<>();
        for (String line : Files.readAllLines(f)) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#")) s.add(line);
        }
        return s;
    }

    static Path repoRoot() {
        String prop = System.getProperty("luahost.root");
        if (prop != null) return Path.of(prop).toAbsolutePath().normalize();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/corpus")) && Files.isRegularFile(p.resolve("bin/jvm.options"))) return p;
        }
        return null;
    }

    static List<Path> findCases(Path corpus, String selection) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String s : selection.split(",")) {
            if (s.isBlank()) continue;
            Path p = corpus.resolve(s.strip()).normalize();
            if (!Files.exists(p)) throw new IllegalArgumentException("-Dcorpus: no such area or case: " + p);
            roots.add(p);
        }
        if (roots.isEmpty()) roots.add(corpus);
        List<Path> cases = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(p -> p.toString().endsWith(".lua") && Files.isRegularFile(p))
                        .filter(p -> !corpus.relativize(p).toString().replace(File.separatorChar, '/').contains("mods/"))
                        .forEach(cases::add);
            }
        }
        return cases.stream().distinct().sorted().toList();
    }

    // ---------------------------------------------------------------- running

    /** Runs one case; bin (or null) leads the child's PATH, so that the program name {@code lua} is this luahost. */
    static Outcome runCase(List<String> command, Path luaFile, Path bin) throws IOException, InterruptedException {
        Path dir = luaFile.getParent();
        String file = luaFile.getFileName().toString();
        String base = file.substring(0, file.length() - 4);
        Path tmp = Files.createTempDirectory("luahost-diff");
        try {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(file);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            ReferenceEnv.apply(pb);
            if (bin != null) pb.environment().merge("PATH", bin.toString(), (old, b) -> b + File.pathSeparator + old);
            Path stdin = dir.resolve(base + ".stdin");
            File devNull = new File("/dev/null");
            if (Files.exists(stdin)) pb.redirectInput(stdin.toFile());
            else if (devNull.exists()) pb.redirectInput(devNull);
            Path out = tmp.resolve("out"), err = tmp.resolve("err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Outcome(new byte[0], new byte[0], -1, false, e.toString());
            }
            if (!Files.exists(stdin) && !devNull.exists()) p.getOutputStream().close();
            boolean done = p.waitFor(timeoutSeconds(luaFile), TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Outcome(Files.readAllBytes(out), Files.readAllBytes(err), done ? p.exitValue() : -1, !done, null);
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path f : s.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(tmp);
        }
    }

    // ---------------------------------------------------------------- batches

    /** Text in a case that asks for a process of its own: stdin, exit, child processes, the standard streams' state, the environment, collections. */
    private static final java.util.regex.Pattern NEEDS_PROCESS = java.util.regex.Pattern.compile(
            "os\\.exit|io\\.popen|os\\.execute|io\\.read|io\\.stdin|io\\.lines|io\\.input|io\\.output|io\\.close"
            + "|setvbuf|seek|io\\.stdout:close|collectgarbage|\\barg\\b|LUA_|os\\.getenv");

    /**
     * Whether a case can run in a batch JVM with the same outcome as in a process of its own: no stdin
     * file, not a standalone-interpreter case, none of {@link #NEEDS_PROCESS} in its text, no time bound
     * of its own ({@link #TIMEOUT_MARK}), no "not enough memory" expected (a batch JVM's heap is shared
     * by its cases).
     */
    static boolean batchable(Path c) throws IOException {
        String file = c.toString();
        String base = file.substring(0, file.length() - 4);
        if (Files.exists(Path.of(base + ".stdin"))) return false;
        if (c.getParent() != null && c.getParent().getFileName() != null
                && c.getParent().getFileName().toString().equals("standalone")) return false;
        if (NEEDS_PROCESS.matcher(Files.readString(c, StandardCharsets.ISO_8859_1)).find()) return false;
        if (timeoutSeconds(c) != TIMEOUT_SECONDS) return false;   // a batch JVM's bound is the same for every case
        for (String ext : List.of(".out", ".err")) {
            Path p = Path.of(base + ext);
            if (Files.exists(p) && Files.readString(p, StandardCharsets.ISO_8859_1).contains("not enough memory")) return false;
        }
        return true;
    }

    /** A case's outcome as a view of its batch's. */
    static Future<Outcome> caseOf(Future<Map<Path, Outcome>> batch, Path c) {
        return new Future<>() {
            @Override public boolean cancel(boolean mayInterrupt) { return false; }
            @Override public boolean isCancelled() { return false; }
            @Override public boolean isDone() { return batch.isDone(); }
            @Override public Outcome get() throws InterruptedException, ExecutionException { return batch.get().get(c); }
            @Override public Outcome get(long t, TimeUnit u) throws InterruptedException, ExecutionException,
                    java.util.concurrent.TimeoutException {
                return batch.get(t, u).get(c);
            }
        };
    }

    /**
     * Runs the cases of one folder in batch JVMs ({@link FuzzBatch}, started in that folder, C1 only, the
     * tier's options): a case past {@value #TIMEOUT_SECONDS} s ends its JVM with the status "timeout" and
     * a new JVM runs the cases left; a JVM that ends otherwise marks the first case left as a crash.
     */
    static Map<Path, Outcome> runBatch(Path root, Path dir, List<Path> cases) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("luahost-diffbatch");
        Map<Path, Outcome> out = new java.util.HashMap<>();
        try {
            Path res = Files.createDirectory(tmp.resolve("res"));
            Path list = tmp.resolve("list.txt");
            List<String> cmd = ChildJvm.javaCommand(root, List.of("-XX:TieredStopAtLevel=1",
                    "-Dfuzz.timeout=" + TIMEOUT_SECONDS));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FuzzBatch.class.getName(),
                    list.toString(), res.toString()));
            int stuck = 0;
            while (true) {
                List<String> left = new ArrayList<>();
                for (Path c : cases) {
                    String n = c.getFileName().toString();
                    if (!Files.exists(res.resolve(n + ".st"))) left.add(n);
                }
                if (left.isEmpty()) break;
                Files.write(list, left);
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
                ReferenceEnv.apply(pb);
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.log").toFile());
                Process p = pb.start();
                // each case has its own bound in the batch JVM; this one is for a JVM that hangs outside a case
                if (!p.waitFor((long) TIMEOUT_SECONDS * (left.size() + 1), TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
                int st = p.exitValue();
                if (st == 0 || st == 3) continue;   // done, or a timeout (its case has the status "timeout")
                int before = left.size();
                left.removeIf(n -> Files.exists(res.resolve(n + ".st")));
                stuck = left.size() == before ? stuck + 1 : 0;
                String log = Files.readString(tmp.resolve("jvm.log"), StandardCharsets.ISO_8859_1);
                for (String n : stuck >= 2 ? left : left.subList(0, 1)) {
                    Files.write(res.resolve(n + ".out"), new byte[0]);
                    Files.writeString(res.resolve(n + ".err"), "internal error: the batch JVM exited with " + st + ":\n" + log,
                            StandardCharsets.ISO_8859_1);
                    Files.writeString(res.resolve(n + ".st"), "crash");
                }
            }
            for (Path c : cases) {
                String n = c.getFileName().toString();
                String st = Files.readString(res.resolve(n + ".st"), StandardCharsets.US_ASCII).strip();
                byte[] o = Files.readAllBytes(res.resolve(n + ".out")), e = Files.readAllBytes(res.resolve(n + ".err"));
                boolean timedOut = st.equals("timeout");
                int status = timedOut || st.equals("crash") ? -1 : Integer.parseInt(st);
                out.put(c, new Outcome(o, e, status, timedOut, null));
            }
            return out;
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    /** {@link #TIMEOUT_SECONDS}, or what the case's first lines ask for ({@link #TIMEOUT_MARK}). */
    static int timeoutSeconds(Path luaFile) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(luaFile)) {
            head = in.readNBytes(1024);
        }
        var m = TIMEOUT_MARK.matcher(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
        return m.find() ? Integer.parseInt(m.group(1)) : TIMEOUT_SECONDS;
    }

    // ---------------------------------------------------------------- comparing

    static void check(String name, Path luaFile, Outcome got) throws IOException {
        String base = luaFile.toString().substring(0, luaFile.toString().length() - 4);
        if (got.launchError() != null) fail(name + ": could not start the child JVM: " + got.launchError());
        byte[] expOut = readOr(Path.of(base + ".out"), new byte[0]);
        byte[] expErr = normaliseProgname(readOr(Path.of(base + ".err"), new byte[0]));
        int expStatus = Integer.parseInt(new String(readOr(Path.of(base + ".status"), "0".getBytes()), StandardCharsets.US_ASCII).strip());

        StringBuilder report = new StringBuilder();
        if (got.timedOut()) {
            report.append("TIMED OUT after ").append(timeoutSeconds(luaFile)).append(" s (killed)\n");
        }
        if (!Arrays.equals(expOut, got.out())) report.append(diff("stdout", expOut, got.out()));
        if (!Arrays.equals(expErr, got.err())) report.append(diff("stderr", expErr, got.err()));
        if (!got.timedOut() && expStatus != got.status()) {
            report.append("exit status: expected ").append(expStatus).append(", got ").append(got.status()).append('\n');
        }
        if (report.isEmpty()) return;
        if (Arrays.equals(expErr, got.err()) && got.err().length > 0) {
            report.append("stderr (as expected):\n").append(head(got.err(), 10));
        }
        fail(name + ":\n" + report);
    }

    static byte[] readOr(Path p, byte[] dflt) throws IOException {
        return Files.exists(p) ? Files.readAllBytes(p) : dflt;
    }

    /** "lua5.4: " at the start of a line becomes "lua: " (see the class comment). */
    static byte[] normaliseProgname(byte[] err) {
        String s = new String(err, StandardCharsets.ISO_8859_1);
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(REFERENCE_PROGNAME)) lines[i] = OUR_PROGNAME + lines[i].substring(REFERENCE_PROGNAME.length());
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A unified-diff-like excerpt around the first differing line. */
    static String diff(String what, byte[] expected, byte[] actual) {
        List<String> e = lines(expected), a = lines(actual);
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) i++;
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(" differs at line ").append(i + 1)
                .append(" (expected ").append(expected.length).append(" bytes, got ").append(actual.length).append("):\n");
        sb.append("--- expected\n+++ actual\n@@ line ").append(i + 1).append(" @@\n");
        for (int k = Math.max(0, i - 3); k < i; k++) sb.append(' ').append(show(e.get(k))).append('\n');
        int shown = 8;
        for (int k = i; k < Math.min(e.size(), i + shown); k++) sb.append('-').append(show(e.get(k))).append('\n');
        if (e.size() > i + shown) sb.append("-... (").append(e.size() - i - shown).append(" more lines)\n");
        for (int k = i; k < Math.min(a.size(), i + shown); k++) sb.append('+').append(show(a.get(k))).append('\n');
        if (a.size() > i + shown) sb.append("+... (").append(a.size() - i - shown).append(" more lines)\n");
        return sb.toString();
    }

    /** Lines with their terminators made visible only when missing: a last line without '\n' is marked. */
    static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        else out.set(out.size() - 1, out.get(out.size() - 1) + "\\ (no newline at end)");
        return out;
    }

    static String head(byte[] b, int n) {
        List<String> l = lines(b);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(n, l.size()); k++) sb.append("  ").append(show(l.get(k))).append('\n');
        return sb.toString();
    }

    /** Control bytes and non-ASCII bytes shown as escapes so the report stays readable. */
    static String show(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || (c >= 0x20 && c < 0x7f)) sb.append(c);
            else if (c == '\r') sb.append("\\r");
            else sb.append(String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
