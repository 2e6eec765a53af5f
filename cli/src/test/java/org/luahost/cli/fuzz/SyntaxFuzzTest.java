package org.luahost.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fixed-seed batch of the syntax fuzzer ({@link SyntaxFuzz}) in {@code ./test} (issue 12):
 * {@code -Dsyntaxfuzz.count} malformed chunks (default 15000) of seed {@code -Dsyntaxfuzz.seed}
 * (default 1) through {@code load} on lua5.4 and on luahost in both tiers. Fails on any
 * divergence whose class is not listed in {@code tests/fuzz/syntax-known.txt}; divergent cases
 * are saved in {@code cli/target/syntax-divergences}.
 */
class SyntaxFuzzTest {
    @Test
    void malformedChunksGetTheReferenceMessages() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("luahost.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(root.resolve("bin/jvm.options")), "no repository root");
        assumeTrue(RandomProgramsTest.onPath("lua5.4"), "lua5.4 not installed: the syntax fuzzer has no reference");
        long seed = Long.getLong("syntaxfuzz.seed", 1);
        int count = Integer.getInteger("syntaxfuzz.count", 15000);
        long t0 = System.nanoTime();
        SyntaxFuzz fz = new SyntaxFuzz(root);
        Path work = Files.createTempDirectory("luahost-syntaxfuzz");
        List<SyntaxFuzz.Divergence> ds = fz.compare(fz.generate(seed, 0, count), List.of("interp", "jit0"), work);
        Path saved = root.resolve("cli/target/syntax-divergences");
        for (SyntaxFuzz.Divergence d : ds) SyntaxFuzz.save(d, saved);
        long unknown = ds.stream().filter(d -> !d.known()).count();
        System.out.printf("SyntaxFuzzTest: %d cases of seed %d over %d sources in %.1f s: %d divergent runs, %d not known%n",
                count, seed, fz.sources.size(), (System.nanoTime() - t0) / 1e9, ds.size(), unknown);
        SyntaxFuzz.counts(ds).forEach((k, v) -> System.out.println("  " + v + "\t" + k));
        StringBuilder sb = new StringBuilder();
        ds.stream().filter(d -> !d.known()).limit(10).forEach(d -> sb.append("\ncase ").append(d.c().seed()).append(' ')
                .append(d.c().index()).append(" (").append(d.tier()).append(", ").append(d.cls()).append(")\n  lua5.4:  ")
                .append(d.ref()).append("\n  luahost: ").append(d.ours()));
        assertTrue(unknown == 0, unknown + " divergent runs (saved in " + saved
                + "; replay one: tests/fuzz/syntax-fuzz.sh --case SEED I):" + sb);
        FuzzMain.deleteTree(work);
    }
}
