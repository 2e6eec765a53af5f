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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus in two more modes (issue 12, yardstick 3; STYLE.md "run the
 * same corpus in several modes"): every case of {@code tests/corpus} run
 * with its main chunk as the body of a coroutine ({@code coroutine}), and as
 * the script of a scheduler session ({@code session}), compared with the
 * same expectations as {@link DifferentialTest} (interpreted tier).
 *
 * <p>Each folder's cases run in one child JVM per mode ({@link ModeBatch}),
 * started in that folder; two such JVMs at a time. What is compared:
 * <ul>
 * <li>stdout and the exit status byte for byte;</li>
 * <li>stderr with the {@code stack traceback:} block of each report left out
 *     (the main thread's traceback is what these modes change; the message
 *     itself is compared);</li>
 * <li>in session mode, print/io.write and io.stderr share the host's one
 *     output stream: it must be an interleaving of the expected stdout and
 *     the expected stderr without the final uncaught-error report, and that
 *     report must be the session's start failure ({@code lua: message}).
 *     Cases with a {@code .stdin} file are not run in session mode (a
 *     session has no standard input).</li>
 * </ul>
 * Cases whose output legitimately depends on the main thread or the
 * standalone interpreter are listed, with the reason, in
 * {@code tests/modes/exclusions.txt}. In coroutine mode they still run and
 * are compared with what {@code lua5.4} prints running them the same way
 * ({@code tests/modes/corun.lua}; skipped without lua5.4); in session mode
 * they do not run. Cases of {@code tests/known-failures.txt} that fail are
 * reported as skipped, as DifferentialTest does.
 *
 * <p>Properties: {@code -Dcorpus=AREA,...} as for DifferentialTest;
 * {@code -Dmodes=coroutine} or {@code session} runs one mode;
 * {@code -Dluahost.childJvmOpts=-Dluahost.jit=0} runs the compiled tier.
 */
class CorpusModesTest {
    static final List<String> MODES = List.of("coroutine", "session");

    @TestFactory
    Stream<DynamicTest> corpusModes() throws Exception {
        Path root = DifferentialTest.repoRoot();
        Path corpus = root == null ? null : root.resolve("tests/corpus");
        assumeTrue(corpus != null && Files.isDirectory(corpus), "no tests/corpus folder");
        List<Path> cases = DifferentialTest.findCases(corpus, System.getProperty("corpus", ""));
        List<String> modes = System.getProperty("modes", "").isBlank() ? MODES : List.of(System.getProperty("modes").split(","));
        Map<String, String> excluded = exclusions(root);
        java.util.Set<String> known = DifferentialTest.knownFailures(root);
        Path work = Files.createTempDirectory("luahost-modes");

        // one batch per (folder, mode), largest folders first so the two workers finish together
        Map<String, List<Path>> batches = new LinkedHashMap<>();
        List<Object[]> tests = new ArrayList<>();   // mode, case
        for (String mode : modes) {
            for (Path c : cases) {
                String name = rel(corpus, c);
                if (excluded.containsKey("skip " + name)) continue;
                if (mode.equals("session") && excluded.containsKey(mode + " " + name)) continue;
                if (mode.equals("session") && Files.exists(Path.of(base(c) + ".stdin"))) continue;
                batches.computeIfAbsent(mode + " " + c.getParent(), k -> new ArrayList<>()).add(c);
                tests.add(new Object[] {mode, c});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("corpus.threads", 2), r -> {
            Thread t = new Thread(r, "corpus-modes");
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<Path>> done = new HashMap<>();
        batches.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(e -> {
            String mode = e.getKey().substring(0, e.getKey().indexOf(' '));
            done.put(e.getKey(), CompletableFuture.supplyAsync(() -> runBatch(root, work, mode, e.getValue()), pool));
        });
        pool.shutdown();

        AtomicInteger passed = new AtomicInteger(), failed = new AtomicInteger();
        return tests.stream().map(t -> {
            String mode = (String) t[0];
            Path c = (Path) t[1];
            String name = rel(corpus, c);
            return DynamicTest.dynamicTest(mode + ": " + name, () -> {
                boolean ok = false;
                try {
                    Path res = done.get(mode + " " + c.getParent()).get();
                    Path got = res.resolve(c.getFileName() + "." + mode);
                    if (excluded.containsKey(mode + " " + name)) {
                        assumeTrue(referenceInCoroutine(root, c, res), "lua5.4 not installed: " + name + " is in tests/modes/exclusions.txt");
                        check(mode, name, c, got, res.resolve(c.getFileName() + ".ref"));
                    } else if (known.contains(name)) {
                        try {
                            check(mode, name, c, got, Path.of(base(c)));
                        } catch (AssertionError e) {
                            org.junit.jupiter.api.Assumptions.abort("known failure (tests/known-failures.txt): " + e.getMessage());
                        }
                    } else {
                        check(mode, name, c, got, Path.of(base(c)));
                    }
                    ok = true;
                } finally {
                    (ok ? passed : failed).incrementAndGet();
                }
            });
        }).onClose(() -> {
            pool.shutdownNow();
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
            System.out.printf("CorpusModesTest: %d of %d case runs match the reference (%s); %d excluded"
                    + " (tests/modes/exclusions.txt)%n", passed.get(), tests.size(), modes, excluded.size());
        });
    }

    static String rel(Path corpus, Path c) { return corpus.relativize(c).toString().replace(File.separatorChar, '/'); }

    static String base(Path c) { return c.toString().substring(0, c.toString().length() - 4); }

    /** "MODE CASE  # reason" lines; MODE "both" stands for the two modes ("skip": neither runs it, kept as "skip CASE"). */
    static Map<String, String> exclusions(Path root) throws IOException {
        Map<String, String> m = new HashMap<>();
        Path f = root.resolve("tests/modes/exclusions.txt");
        if (!Files.exists(f)) return m;
        for (String line : Files.readAllLines(f)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] w = l.split("\\s+");
            for (String mode : w[0].equals("both") ? MODES : List.of(w[0])) m.put(mode + " " + w[1], l);
            if (w[0].equals("skip")) m.put("session " + w[1], l);
        }
        return m;
    }

    // ---------------------------------------------------------------- running

    /** Runs a folder's cases in a child JVM, a new one after a timeout or crash; returns the results folder. */
    static Path runBatch(Path root, Path work, String mode, List<Path> cases) {
        try {
            Path dir = cases.get(0).getParent();
            Path res = work.resolve(mode + "-" + dir.getFileName());
            Files.createDirectories(res);
            List<String> names = cases.stream().map(c -> c.getFileName().toString()).toList();
            while (true) {
                List<String> left = names.stream().filter(n -> !Files.exists(res.resolve(n + "." + mode + ".st"))).toList();
                if (left.isEmpty()) return res;
                Path list = res.resolve("list.txt");
                Files.write(list, left);
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
                }
                // e.g. -Dluahost.childJvmOpts=-Dluahost.jit=0: the compiled tier, as for DifferentialTest
                String extra = System.getProperty("luahost.childJvmOpts", "").strip();
                if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ModeBatch.class.getName(), mode,
                        list.toString(), res.toString()));
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
                ReferenceEnv.apply(pb);
                Path log = res.resolve("batch.log");
                pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                int st = pb.start().waitFor();
                if (st != 0 && st != 3) {
                    // the JVM itself crashed: the first case without a status is the culprit
                    String n = names.stream().filter(x -> !Files.exists(res.resolve(x + "." + mode + ".st"))).findFirst().orElse(null);
                    if (n == null) return res;
                    String b = n + "." + mode;
                    Files.write(res.resolve(b + ".out"), new byte[0]);
                    Files.write(res.resolve(b + ".err"), ("internal error: batch JVM exited with " + st + ":\n"
                            + Files.readString(log, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
                    Files.writeString(res.resolve(b + ".st"), "crash");
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    // ---------------------------------------------------------------- comparing

    /**
     * Runs {@code lua5.4 tests/modes/corun.lua NAME} in the case's folder, its
     * results as expectations beside luahost's ({@code NAME.ref.out}, ...);
     * false when lua5.4 cannot be started.
     */
    static boolean referenceInCoroutine(Path root, Path c, Path res) throws IOException, InterruptedException {
        String ref = res.resolve(c.getFileName() + ".ref").toString();
        ProcessBuilder pb = new ProcessBuilder("lua5.4", root.resolve("tests/modes/corun.lua").toString(), c.getFileName().toString())
                .directory(c.getParent().toFile());
        ReferenceEnv.apply(pb);
        Path stdin = Path.of(base(c) + ".stdin");
        pb.redirectInput(Files.exists(stdin) ? stdin.toFile() : new File("/dev/null"))
                .redirectOutput(new File(ref + ".out")).redirectError(new File(ref + ".err"));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return false;
        }
        if (!p.waitFor(DifferentialTest.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        int st = p.exitValue();
        if (st != 0) Files.writeString(Path.of(ref + ".status"), st + "\n");
        return true;
    }

    /** Compares luahost's results (got.out, .err, .st) with the expectations expected.out, .err, .status. */
    static void check(String mode, String name, Path c, Path got, Path expected) throws IOException {
        String b = expected.toString();
        byte[] expOut = DifferentialTest.readOr(Path.of(b + ".out"), new byte[0]);
        String expErr = str(DifferentialTest.normaliseProgname(DifferentialTest.readOr(Path.of(b + ".err"), new byte[0])));
        String expStatus = new String(DifferentialTest.readOr(Path.of(b + ".status"), "0".getBytes()), StandardCharsets.US_ASCII).strip();
        byte[] out = Files.readAllBytes(Path.of(got + ".out"));
        String err = str(Files.readAllBytes(Path.of(got + ".err")));
        String status = Files.readString(Path.of(got + ".st")).strip();
        String internal = LibrariesTest.internalError(out, err.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder report = new StringBuilder();
        if (internal != null && LibrariesTest.internalError(expOut, expErr.getBytes(StandardCharsets.ISO_8859_1)) == null) report.append("internal error: ").append(internal).append('\n');
        if (!expStatus.equals(status)) report.append("exit status: expected ").append(expStatus).append(", got ").append(status).append('\n');
        if (mode.equals("coroutine")) {
            if (!Arrays.equals(expOut, out)) report.append(DifferentialTest.diff("stdout", expOut, out));
            compareErr(report, withoutTracebacks(expErr), withoutTracebacks(err));
        } else {
            int at = expStatus.equals("0") ? -1 : finalReport(expErr);
            String own = at < 0 ? expErr : expErr.substring(0, at);
            String expReport = at < 0 ? "" : expErr.substring(at);
            if (!interleaves(str(expOut), own, str(out))) {
                report.append("output is not an interleaving of the expected stdout and stderr:\n")
                        .append(DifferentialTest.diff("output", (str(expOut) + own).getBytes(StandardCharsets.ISO_8859_1), out));
            }
            compareErr(report, withoutTracebacks(expReport), withoutTracebacks(err));
        }
        if (!report.isEmpty()) fail(mode + ": " + name + ":\n" + report);
    }

    private static void compareErr(StringBuilder report, String exp, String got) {
        if (!exp.equals(got)) {
            report.append(DifferentialTest.diff("stderr (tracebacks left out)", exp.getBytes(StandardCharsets.ISO_8859_1),
                    got.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    static String str(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

    /** Where the interpreter's report of the uncaught error starts: the last line starting with "lua: " (-1: none). */
    static int finalReport(String err) {
        String p = DifferentialTest.OUR_PROGNAME;
        if (err.startsWith(p) && err.lastIndexOf("\n" + p) < 0) return 0;
        int i = err.lastIndexOf("\n" + p);
        return i < 0 ? -1 : i + 1;
    }

    /** Every "stack traceback:" line and the tab-indented lines after it left out. */
    static String withoutTracebacks(String s) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : s.split("(?<=\n)")) {
            if (line.equals("stack traceback:\n") || line.equals("stack traceback:")) {
                in = true;
                continue;
            }
            if (in && line.startsWith("\t")) continue;
            in = false;
            sb.append(line);
        }
        return sb.toString();
    }

    /** Whether s is an interleaving of a and b (each keeping its own order). */
    static boolean interleaves(String a, String b, String s) {
        if (a.length() + b.length() != s.length()) return false;
        if (b.isEmpty()) return a.equals(s);
        if (a.isEmpty()) return b.equals(s);
        boolean[] row = new boolean[b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 && j == 0) { row[j] = true; continue; }
                boolean fromA = i > 0 && row[j] && a.charAt(i - 1) == s.charAt(i + j - 1);
                boolean fromB = j > 0 && row[j - 1] && b.charAt(j - 1) == s.charAt(i + j - 1);
                row[j] = fromA || fromB;
            }
        }
        return row[b.length()];
    }
}
