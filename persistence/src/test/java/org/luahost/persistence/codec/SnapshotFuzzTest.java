package org.luahost.persistence.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A bounded batch of {@link SnapshotFuzz} (seed {@code -Dluahost.snapshotFuzzSeed},
 * default 1; {@code -Dluahost.snapshotFuzzCases}, default 10,000): no Java
 * exception escapes a restore, none hangs. Long hunts: {@code tests/fuzz/snapshots.sh}.
 */
class SnapshotFuzzTest {
    @Test
    void mutatedSnapshotsAreRestoredOrRefusedAsCorrupt() {
        long seed = Long.getLong("luahost.snapshotFuzzSeed", 1);
        long cases = Long.getLong("luahost.snapshotFuzzCases", 10_000);
        SnapshotFuzz.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> SnapshotFuzz.run(seed, 0, cases, null));
        System.out.println("SnapshotFuzzTest: seed " + seed + ", " + cases + " mutants: " + r);
        assertEquals(0, r.failures, String.join("\n", r.failed));
        assertTrue(r.corrupt > cases / 4, "most mutants should be refused: " + r);
    }
}
