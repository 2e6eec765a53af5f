/**
 * The random program generator (issue 12, yardsticks 1 and 4): seeded,
 * valid, deterministic and terminating Lua 5.4 programs that print every
 * value they compute, run on the reference {@code lua5.4} and on luahost in
 * both tiers and compared byte for byte.
 *
 * <p>Data flow: {@link org.luahost.cli.fuzz.ProgramGenerator} (seed → Lua
 * text; layers {@code GenBase} → {@code ExprGen} → {@code StmtGen} →
 * {@code Templates} → {@code Corners}) → {@link org.luahost.cli.fuzz.FuzzRun}
 * (writes the programs, runs them in one {@code lua5.4} process and on
 * luahost's worker JVMs, {@code TierWorkers}: one per tier shard running
 * {@code org.luahost.cli.FuzzBatch --serve}, kept for a whole hunt) → a
 * list of divergences, each saved as a standalone {@code .lua} file.
 * {@code RandomProgramsTest} is the fixed-seed batch of {@code ./test};
 * {@link org.luahost.cli.fuzz.FuzzMain} (via {@code tests/fuzz/generate.sh})
 * runs any seeds for long hunts.
 */
package org.luahost.cli.fuzz;
