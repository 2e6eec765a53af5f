package org.luahost.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The fixed-seed batch of {@link LoadFuzz} in {@code ./test} (issue 13):
 * {@code -Dloadfuzz.count} cases (default 6000, half mutated sources, half
 * mutated binary chunks) of seed {@code -Dloadfuzz.seed} (default 1). Fails on
 * any finding: a Java exception or Java text out of {@code load}, an error
 * raised by {@code load} itself, or a load past the time bound.
 */
class LoadFuzzTest {
    @Test
    void mutatedChunksLoadOrFailWithALuaMessage() throws IOException {
        Path root = Path.of(System.getProperty("luahost.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("tests/corpus")), "no corpus");
        long seed = Long.getLong("loadfuzz.seed", 1);
        int count = Integer.getInteger("loadfuzz.count", 6000);
        long t0 = System.nanoTime();
        LoadFuzz fz = new LoadFuzz(root);
        List<LoadFuzz.Finding> found = fz.run(seed, 0, count);
        System.out.printf("LoadFuzzTest: %d cases of seed %d over %d sources and %d dumps in %.1f s: %d findings%n",
                count, seed, fz.sources(), fz.dumps(), (System.nanoTime() - t0) / 1e9, found.size());
        StringBuilder sb = new StringBuilder();
        for (LoadFuzz.Finding f : found.subList(0, Math.min(10, found.size()))) {
            sb.append("\ncase ").append(f.seed()).append(' ').append(f.index()).append(" (").append(f.kind())
                    .append("): ").append(f.problem());
        }
        assertTrue(found.isEmpty(), found.size() + " findings (replay one: tests/fuzz/load-fuzz.sh --case SEED I):" + sb);
    }

    /**
     * Regression (issue 13): a binary chunk with a valid checksum whose
     * source-name length or upvalue count is a "negative" (64-bit) varint made
     * load throw StringIndexOutOfBoundsException / IllegalArgumentException.
     */
    @Test
    void negativeLengthsAndCountsAreBadBinaryFormat() throws IOException {
        Path root = Path.of(System.getProperty("luahost.root", "..")).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("tests/corpus")), "no corpus");
        LoadFuzz fz = new LoadFuzz(root);
        String minusOne = "\u00ff".repeat(9) + "\u0001";
        org.luahost.vm.LuaState L = org.luahost.vm.LuaState.builder().build();
        String chunk = (String) org.luahost.vm.LuaFunction.first(L.call(L.load(
                "return string.dump(function() return 1 end)", "=t", "t", null)));
        // the payload starts with the source name's length (a varint, here one byte: "=t" is short)
        for (int skip : new int[] {0, 1 + (chunk.charAt(LoadFuzz.HEADER) & 0x7F)}) {   // 0: the length; then: the upvalue count
            StringBuilder b = new StringBuilder(chunk);
            b.replace(LoadFuzz.HEADER + skip, LoadFuzz.HEADER + 1 + skip, minusOne);
            LoadFuzz.fixChecksum(b);
            assertEquals(null, fz.check(b.toString(), true), "varint at payload offset " + skip);
            Object[] r = L.call((org.luahost.vm.LuaFunction) L.getGlobal("load"), b.toString(), "=x", "b");
            assertEquals("x: bad binary format (truncated chunk)", r[1]);
        }
    }
}
