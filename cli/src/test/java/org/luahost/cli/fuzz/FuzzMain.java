package org.luahost.cli.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Long hunts from the command line ({@code tests/fuzz/generate.sh}):
 * {@code FuzzMain ROOT OUTDIR SEED COUNT [BATCH] [OFF]} runs seeds SEED,
 * SEED+1, ... with BATCH programs each (default 1000) until COUNT programs
 * have run; divergences go to OUTDIR as standalone {@code .lua} files, and
 * one summary line per seed is printed. OFF is a comma-separated list of
 * generator features to leave out. Exits 1 when anything diverged.
 * {@code FuzzMain ROOT --print SEED I} prints program I of SEED;
 * {@code FuzzMain ROOT --verify-ref SEED COUNT OUTDIR} compares the batched
 * lua5.4 runs of COUNT programs with separate ones.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        if (args[1].equals("--print")) {
            System.out.print(FuzzRun.program(Long.parseLong(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Set.of(args[4].split(",")) : Set.of()));
            return;
        }
        if (args[1].equals("--verify-ref")) {
            // the batched reference run against separate runs (FuzzRun.batchReference)
            long seed = Long.parseLong(args[2]);
            int count = Integer.parseInt(args[3]);
            Path work = Files.createTempDirectory("luahost-fuzz");
            List<String> bad = new FuzzRun(root, work, Path.of(args[4]).toAbsolutePath()).verifyReference(seed, count, Set.of());
            System.out.println("seed " + seed + ": " + count + " programs, " + bad.size() + " differ between batched and separate lua5.4 runs " + bad);
            deleteTree(work);
            System.exit(bad.isEmpty() ? 0 : 1);
        }
        Path outDir = Path.of(args[1]).toAbsolutePath();
        long seed = Long.parseLong(args[2]);
        long count = Long.parseLong(args[3]);
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        Set<String> off = new HashSet<>();
        if (args.length > 5) for (String f : args[5].split(",")) if (!f.isBlank()) off.add(f.strip());
        boolean bad = false;
        long done = 0, t0 = System.nanoTime();
        // one work folder and one set of luahost worker JVMs for the whole hunt (TierWorkers)
        Path work = Files.createTempDirectory("luahost-fuzz");
        try (TierWorkers workers = new TierWorkers(root, work)) {
            for (long s = seed; done < count; s++) {
                int n = (int) Math.min(batch, count - done);
                FuzzRun run = new FuzzRun(root, work, outDir, workers);
                FuzzRun.Report r = run.run(s, n, off);
                done += n;
                double cpu = workers.cpuSeconds();
                System.out.printf("seed %d: %d programs, %d divergences, %d internal errors, %d invalid, %.1f s"
                        + " (total %d in %.0f s, %.0f CPU s: %.1f ms of CPU a program)%n",
                        s, n, r.divergences().size(), r.internal().size(), r.invalid().size(), r.millis() / 1000.0,
                        done, (System.nanoTime() - t0) / 1e9, cpu, cpu * 1000 / done);
                for (String d : r.divergences()) System.out.println("  divergence " + d);
                for (String d : r.internal()) System.out.println("  internal error " + d);
                for (String d : r.invalid()) System.out.println("  invalid " + d);
                System.out.flush();
                bad |= !r.clean();
                run.clean();
            }
        }
        deleteTree(work);
        System.exit(bad ? 1 : 0);
    }

    static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
