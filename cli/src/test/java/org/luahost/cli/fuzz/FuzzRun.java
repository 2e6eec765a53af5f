package org.luahost.cli.fuzz;

import org.luahost.cli.ReferenceEnv;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One differential run of generated programs: writes {@code count} programs
 * of a seed to a work folder, runs them on {@code lua5.4} (in one process,
 * {@code tests/fuzz/refbatch.lua}) and on luahost in both tiers (the worker
 * JVMs of {@link TierWorkers}, {@code org.luahost.cli.FuzzBatch --serve},
 * concurrently with the reference run; a hunt keeps them for all its
 * batches), and compares stdout, stderr (with the reference's
 * {@code lua5.4: } prefix read as {@code lua: }) and exit status.
 *
 * <p>Program {@code i} of seed {@code s} is generated from the seed
 * {@code s * 1_000_003 + i}, so any one program can be made again alone.
 * Each divergence is copied to the divergence folder as a standalone
 * {@code .lua} file with {@code .expected}/{@code .actual} beside it.
 */
public final class FuzzRun {
    /** Tiers: a name and the extra options of its child JVM. */
    public static final Map<String, List<String>> TIERS = Map.of(
            "interp", List.of(),
            "compiled", List.of("-Dluahost.jit=0"));
    static final Pattern INTERNAL = Pattern.compile("internal error|java\\.lang\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");
    static final int REF_TIMEOUT = 20;

    /** What was found: divergent program names (per tier), internal errors, programs the reference rejected. */
    public record Report(int programs, List<String> divergences, List<String> internal, List<String> invalid, long millis) {
        public boolean clean() { return divergences.isEmpty() && internal.isEmpty() && invalid.isEmpty(); }
    }

    record Outcome(byte[] out, byte[] err, String status) {}

    private final Path root;
    private final Path work;
    private final Path divergences;
    /** The luahost worker JVMs; null: this run starts its own and ends them when done. */
    private TierWorkers workers;
    /** Names this batch's result folders (the seed): a hunt's batches share the work folder. */
    private long batchTag;
    private List<String> batchNames = List.of();

    public FuzzRun(Path root, Path work, Path divergences) {
        this(root, work, divergences, null);
    }

    FuzzRun(Path root, Path work, Path divergences, TierWorkers workers) {
        this.root = root;
        this.work = work;
        this.divergences = divergences;
        this.workers = workers;
    }

    public static String name(long seed, int i) { return "fz" + seed + "_" + i; }

    public static String program(long seed, int i, Set<String> off) {
        return new ProgramGenerator(seed * 1_000_003L + i, off)
                .generate("luahost random program: seed " + seed + " program " + i + (off.isEmpty() ? "" : " off " + off));
    }

    public Report run(long seed, int count, Set<String> off) throws IOException, InterruptedException {
        if (workers != null) return runOn(seed, count, off);
        try (TierWorkers own = new TierWorkers(root, work)) {
            workers = own;
            return runOn(seed, count, off);
        } finally {
            workers = null;
        }
    }

    private Report runOn(long seed, int count, Set<String> off) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        batchTag = seed;
        Files.createDirectories(work);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = name(seed, i) + ".lua";
            Files.writeString(work.resolve(n), program(seed, i, off), StandardCharsets.ISO_8859_1);
            names.add(n);
        }
        batchNames = names;
        // the compiled tier costs about three times the interpreted one (every block is compiled to
        // bytecode on first use): it gets two JVMs, each running every other program
        List<Thread> tiers = new ArrayList<>();
        for (var t : TIERS.entrySet()) {
            int shards = t.getKey().equals("compiled") && names.size() >= 50 ? 2 : 1;
            for (int k = 0; k < shards; k++) {
                List<String> part = new ArrayList<>();
                for (int i = k; i < names.size(); i += shards) part.add(names.get(i));
                String shard = t.getKey() + "-" + k;
                tiers.add(Thread.ofPlatform().name("fuzz-" + shard).start(() -> runTier(t.getKey(), shard, t.getValue(), part)));
            }
        }
        Map<String, Outcome> ref = batchReference ? runReferenceBatched(names) : runReference(names);
        for (Thread th : tiers) th.join();
        Report rep = compare(names, ref, (System.nanoTime() - t0) / 1_000_000);
        return rep;
    }

    // ---------------------------------------------------------------- reference

    /**
     * Whether the reference runs every program of the batch in one lua5.4
     * process ({@code tests/fuzz/refbatch.lua}, about 1 ms of CPU a program
     * instead of 4; byte-identical to separate runs on the generated
     * programs, which {@link #verifyReference} checks) rather than one
     * process per program.
     */
    boolean batchReference = true;

    static final Pattern MARKER = Pattern.compile("\0\1END (\\d+)\1\0\n");

    /** The batched reference run; programs it could not account for (a timeout, a crash) run alone. */
    Map<String, Outcome> runReferenceBatched(List<String> names) throws IOException, InterruptedException {
        Path list = work.resolve("ref-list.txt");
        Files.write(list, names);
        ProcessBuilder pb = new ProcessBuilder("lua5.4", root.resolve("tests/fuzz/refbatch.lua").toString(), list.toString())
                .directory(work.toFile());
        ReferenceEnv.apply(pb);
        Path out = work.resolve("ref-batch.out"), err = work.resolve("ref-batch.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process p = pb.start();
        if (!p.waitFor(REF_TIMEOUT + names.size() / 10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        List<String[]> o = split(Files.readString(out, StandardCharsets.ISO_8859_1));
        List<String[]> e = split(Files.readString(err, StandardCharsets.ISO_8859_1));
        Files.delete(out);
        Files.delete(err);
        Map<String, Outcome> res = new java.util.HashMap<>();
        int n = Math.min(o.size(), e.size());
        for (int i = 0; i < n; i++) {
            res.put(names.get(i), new Outcome(o.get(i)[0].getBytes(StandardCharsets.ISO_8859_1),
                    e.get(i)[0].getBytes(StandardCharsets.ISO_8859_1), o.get(i)[1]));
        }
        if (n < names.size()) res.putAll(runReference(names.subList(n, names.size())));
        return res;
    }

    /** A stream of the batched reference cut at its markers: {text, status} per program. */
    static List<String[]> split(String s) {
        List<String[]> parts = new ArrayList<>();
        var m = MARKER.matcher(s);
        int pos = 0;
        while (m.find()) {
            parts.add(new String[] {s.substring(pos, m.start()), m.group(1)});
            pos = m.end();
        }
        return parts;
    }

    /** Programs whose batched reference run differs from their separate one (the batching's check). */
    public List<String> verifyReference(long seed, int count, Set<String> off) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = name(seed, i) + ".lua";
            Files.writeString(work.resolve(n), program(seed, i, off), StandardCharsets.ISO_8859_1);
            names.add(n);
        }
        Map<String, Outcome> batched = runReferenceBatched(names), alone = runReference(names);
        List<String> bad = new ArrayList<>();
        for (String n : names) {
            Outcome a = batched.get(n), b = alone.get(n);
            if (!Arrays.equals(a.out(), b.out()) || !Arrays.equals(a.err(), b.err()) || !a.status().equals(b.status())) {
                bad.add(n);
                save(n, "batched-reference", b, a);
            }
        }
        return bad;
    }

    Map<String, Outcome> runReference(List<String> names) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<Outcome>> fs = new java.util.LinkedHashMap<>();
        for (String n : names) fs.put(n, pool.submit(() -> runProcess(List.of("lua5.4", n))));
        Map<String, Outcome> out = new java.util.HashMap<>();
        for (var e : fs.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get());
            } catch (java.util.concurrent.ExecutionException x) {
                out.put(e.getKey(), new Outcome(new byte[0], x.getCause().toString().getBytes(), "launch"));
            }
        }
        pool.shutdown();
        return out;
    }

    Outcome runProcess(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        ReferenceEnv.apply(pb);
        String base = cmd.get(cmd.size() - 1);
        Path out = work.resolve(base + ".ref.out"), err = work.resolve(base + ".ref.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process p = pb.start();
        boolean done = p.waitFor(REF_TIMEOUT, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        Outcome o = new Outcome(Files.readAllBytes(out), Files.readAllBytes(err), done ? Integer.toString(p.exitValue()) : "timeout");
        Files.delete(out);
        Files.delete(err);
        return o;
    }


    // ---------------------------------------------------------------- luahost

    /** Runs the programs on this tier's worker JVM (TierWorkers, kept across batches). */
    void runTier(String tier, String shard, List<String> extra, List<String> names) {
        try {
            workers.run(tier, shard, extra, names, results(tier));
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    private Path results(String tier) { return work.resolve("res-" + batchTag + "-" + tier); }

    /** Deletes a finished batch's programs and results from the work folder (divergences were saved already). */
    void clean() throws IOException {
        for (String n : batchNames) Files.deleteIfExists(work.resolve(n));
        for (String tier : TIERS.keySet()) if (Files.exists(results(tier))) FuzzMain.deleteTree(results(tier));
    }

    // ---------------------------------------------------------------- comparing

    /**
     * Compare outputs with NaN signs ignored ({@code -nan} read as {@code nan}):
     * the fixed-seed batch does, while {@code nansign} is listed in
     * tests/fuzz/known-divergences.txt; long hunts never do.
     */
    boolean nanSignBlind;

    private byte[] nanBlind(byte[] b) {
        if (!nanSignBlind) return b;
        return new String(b, StandardCharsets.ISO_8859_1).replace("-nan", "nan").getBytes(StandardCharsets.ISO_8859_1);
    }

    Report compare(List<String> names, Map<String, Outcome> ref, long millis) throws IOException {
        List<String> div = new ArrayList<>(), internal = new ArrayList<>(), invalid = new ArrayList<>();
        for (String n : names) {
            Outcome e = ref.get(n);
            String refErr = new String(e.err(), StandardCharsets.ISO_8859_1);
            if (e.status().equals("timeout") || e.status().equals("launch") || (refErr.contains(" near ") && !e.status().equals("0"))) {
                invalid.add(n + ": the reference says " + e.status() + " " + refErr.lines().findFirst().orElse(""));
                save(n, "invalid", e, e);
                continue;
            }
            Outcome expected = new Outcome(e.out(), normalise(e.err()), e.status());
            for (String tier : TIERS.keySet()) {
                Path res = results(tier);
                Outcome got = new Outcome(Files.readAllBytes(res.resolve(n + ".out")), Files.readAllBytes(res.resolve(n + ".err")),
                        Files.readString(res.resolve(n + ".st")).strip());
                String all = new String(got.out(), StandardCharsets.ISO_8859_1) + new String(got.err(), StandardCharsets.ISO_8859_1);
                if (INTERNAL.matcher(all).find()) internal.add(n + " (" + tier + ")");
                if (!Arrays.equals(nanBlind(expected.out()), nanBlind(got.out())) || !Arrays.equals(nanBlind(expected.err()), nanBlind(got.err()))
                        || !expected.status().equals(got.status())) {
                    div.add(n + " (" + tier + ")");
                    save(n, tier, expected, got);
                }
            }
        }
        return new Report(names.size(), div, internal, invalid, millis);
    }

    static byte[] normalise(byte[] err) {
        String s = new String(err, StandardCharsets.ISO_8859_1);
        return s.replaceAll("(?m)^lua5\\.4: ", "lua: ").getBytes(StandardCharsets.ISO_8859_1);
    }

    void save(String name, String tier, Outcome expected, Outcome got) throws IOException {
        Files.createDirectories(divergences);
        Files.copy(work.resolve(name), divergences.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String base = name.substring(0, name.length() - 4);
        Files.write(divergences.resolve(base + ".expected"), describe(expected));
        Files.write(divergences.resolve(base + "." + tier + ".actual"), describe(got));
    }

    static byte[] describe(Outcome o) {
        String s = "== status " + o.status() + "\n== stdout\n" + new String(o.out(), StandardCharsets.ISO_8859_1)
                + "== stderr\n" + new String(o.err(), StandardCharsets.ISO_8859_1);
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
