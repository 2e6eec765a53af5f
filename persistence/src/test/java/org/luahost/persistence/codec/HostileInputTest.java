package org.luahost.persistence.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.ProfileMismatchException;
import org.luahost.persistence.Persister;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * Decoding hostile bytes: every outcome must be a {@link CorruptSnapshotException}
 * or a successful restore, never another exception, an out-of-memory error, a
 * stack overflow or a hang. Mutated bodies are re-sealed with a correct
 * checksum so that they reach the body decoder.
 */
class HostileInputTest {
    private static byte[] sample;

    static LuaState fresh() {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return LuaState.create(Profile.TRUSTED, nul, nul, InputStream.nullInputStream());
    }

    @BeforeAll
    static void makeSample() {
        LuaState L = fresh();
        Persister p = Persister.attach(L);
        L.call(L.load("""
                a = {1, 2.5, 'three', true, false, {nested = {deeper = {}}}}
                a.self = a
                b = setmetatable({x = -7, [1.5] = 'f', [a] = a}, {__index = string})
                s, s2 = 'shared string', 'shared string'
                nums = {math.maxinteger, math.mininteger, 0/0, -0.0, 1/0}
                lib = {fmt = string.format, pr = print}
                string.extra = {1, 2, 3}
                local shared = {count = 0}
                function inc(x) shared.count = shared.count + (x or 1) return shared.count end
                function get() return shared end
                """, "=sample", "t", null));
        sample = p.capture().bytes();
    }

    /** Restores into a fresh state: success or CorruptSnapshotException, nothing else. */
    private static boolean decodes(LuaState L, byte[] snapshot) {
        try {
            Persister p = Persister.of(L);
            p.restore(snapshot);
            return true;
        } catch (CorruptSnapshotException | ProfileMismatchException e) {
            return false;   // a changed fingerprint is a clear error too
        }
    }

    /** The start of a version 2 body: the profile and library fingerprint of a fresh trusted state (string id 0). */
    private static void profile(Sink s) {
        s.u8(Tags.STR); s.varint(7); s.latin1("trusted");
        s.i64(HostIndex.scan(fresh()).fingerprint());
    }

    private static byte[] profile() {
        Sink s = new Sink();
        profile(s);
        return s.toArray(0);
    }

    private static LuaState attached() {
        LuaState L = fresh();
        Persister.attach(L);
        return L;
    }

    private static byte[] reseal(byte[] body) {
        byte[] buf = new byte[SnapshotFormat.HEADER + body.length];
        System.arraycopy(body, 0, buf, SnapshotFormat.HEADER, body.length);
        return SnapshotFormat.seal(buf);
    }

    private static byte[] body(byte[] snapshot) {
        return Arrays.copyOfRange(snapshot, SnapshotFormat.HEADER, snapshot.length);
    }

    @Test
    void sampleRestores() {
        LuaState L = attached();
        assertTrue(decodes(L, sample));
        assertEquals(Boolean.TRUE, LuaFunction.first(L.call(L.load(
                "return a.self == a and b[a] == a and b.format == string.format and string.extra[3] == 3 and nums[3] ~= nums[3] and inc(2) == get().count", "=t", "t", null))));
    }

    @Test
    void truncatedAtEveryByte() {
        LuaState L = attached();
        for (int n = 0; n < sample.length; n++) {
            byte[] cut = Arrays.copyOf(sample, n);
            assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(cut), "cut at " + n);
        }
        byte[] body = body(sample);
        // re-sealed: the checksum passes and the body decoder sees the truncation
        for (int n = 0; n < body.length; n++) {
            byte[] cut = reseal(Arrays.copyOf(body, n));
            assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(cut), "body cut at " + n);
        }
    }

    @Test
    void bitFlipsAreCaughtByTheChecksum() {
        LuaState L = attached();
        for (int i = 0; i < sample.length * 8; i++) {
            byte[] m = sample.clone();
            m[i / 8] ^= (byte) (1 << (i % 8));
            assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(m), "bit " + i);
        }
    }

    @Test
    void randomMutationsOfTheBodyFailCleanlyOrDecode() {
        int cases = Integer.getInteger("luahost.fuzzCases", 100_000);
        byte[] body = body(sample);
        SplittableRandom rnd = new SplittableRandom(42);
        int[] ok = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            LuaState L = attached();
            for (int c = 0; c < cases; c++) {
                byte[] m = body.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = rnd.nextInt(m.length);
                    switch (rnd.nextInt(3)) {
                        case 0 -> m[at] ^= (byte) (1 << rnd.nextInt(8));
                        case 1 -> m[at] = (byte) rnd.nextInt(256);
                        default -> m[at] = (byte) (rnd.nextBoolean() ? 0xFF : 0x7F);   // large varints
                    }
                }
                if (decodes(L, reseal(m))) ok[0]++;
                if (c % 5000 == 4999) L = attached();   // successful restores accumulate globals
            }
        });
        System.out.println("HostileInputTest: " + ok[0] + " of " + cases + " mutated snapshots decoded to a valid graph, the rest failed cleanly");
    }

    @Test
    void hugeLengthsFailBeforeAllocating() {
        LuaState L = attached();
        // a root count, a string length, a table array size and a hash size of 2^62
        byte[][] bodies = {
            cat(profile(), varint(1L << 62)),
            cat(profile(), new byte[] {1, Tags.STR}, varint(1L << 62)),
            cat(profile(), new byte[] {1, Tags.STR, 2, '_', 'G', 1, Tags.STR, 1, 'x', Tags.TABLE}, varint(1L << 62), new byte[] {0}),
            cat(profile(), new byte[] {1, Tags.STR, 2, '_', 'G', 1, Tags.STR, 1, 'x', Tags.TABLE, 0}, varint(Integer.MAX_VALUE)),
            cat(profile(), new byte[] {1, Tags.STR, 2, '_', 'G', 1, Tags.STR, 1, 'x', Tags.STRREF}, varint(1L << 40)),
            cat(profile(), new byte[] {1, Tags.STR, 2, '_', 'G', 1, Tags.STR, 1, 'x', Tags.REF}, varint(-1L)),
            cat(profile(), new byte[] {1, Tags.STR, 2, '_', 'G', 1, Tags.STR, 1, 'x', Tags.INT}, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1}),
        };
        for (byte[] b : bodies) {
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(reseal(b)));
            assertTrue(e.getMessage().startsWith("corrupt snapshot: "), e.getMessage());
        }
    }

    /** Many tables each claiming most of the rest of the input: the total claim is refused, nothing large is allocated. */
    @Test
    void claimsAddingUpBeyondTheInputAreRefused() {
        LuaState L = attached();
        int n = 200_000;
        Sink s = new Sink();
        profile(s);
        s.varint(1);
        s.u8(Tags.STR); s.varint(2); s.latin1("_G");
        s.varint(1);
        s.u8(Tags.STR); s.varint(1); s.latin1("x");
        s.u8(Tags.TABLE); s.varint(n); s.varint(0);
        s.u8(0);
        // the contents of x: each array slot announces a table claiming about what is left
        for (int i = 0; i < n; i++) { s.u8(Tags.TABLE); s.varint(2 * (n - i - 1)); s.varint(0); }
        byte[] body = s.toArray(0);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(reseal(body)));
            assertTrue(e.getMessage().contains("add up to more than the input"), e.getMessage());
        });
    }

    /** A valid chain of tables a million deep decodes without recursion; cut short, it fails cleanly. */
    @Test
    void nestingAMillionDeep() {
        int depth = 1_000_000;
        Sink s = new Sink();
        profile(s);
        s.varint(1);
        s.u8(Tags.STR); s.varint(2); s.latin1("_G");
        s.varint(1);
        s.u8(Tags.STR); s.varint(4); s.latin1("deep");
        s.u8(Tags.TABLE); s.varint(0); s.varint(1);
        s.u8(0);                         // _G's metatable unchanged
        for (int i = 1; i < depth; i++) {
            // contents of table i: next = new table i+1; then its metatable (nil)
            if (i == 1) {
                s.u8(Tags.STR); s.varint(4); s.latin1("next");   // string id 3 (after trusted, _G, deep)
            } else {
                s.u8(Tags.STRREF); s.varint(3);
            }
            s.u8(Tags.TABLE); s.varint(0); s.varint(i + 1 < depth ? 1 : 0);
            s.u8(Tags.NIL);
        }
        s.u8(Tags.NIL);                  // the last table: no entries, no metatable
        byte[] body = s.toArray(0);
        LuaState L = attached();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            boolean okFull = decodes(L, reseal(body));
            assertTrue(okFull, "a valid deep chain must decode");
            Object[] r = L.call(L.load("local n, t = 0, deep while t do n = n + 1 t = t.next end return n", "=t", "t", null));
            assertEquals((long) depth, r[0]);
            assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(reseal(Arrays.copyOf(body, body.length / 2))));
        });
    }

    @Test
    void headerErrorsSayWhatIsWrong() {
        LuaState L = attached();
        byte[] m = sample.clone();
        m[1] = 'X';
        assertEquals("not a luahost snapshot (bad magic number)", assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(m)).getMessage());
        byte[] v = sample.clone();
        v[5] = 9;
        assertEquals("unsupported snapshot format version 9 (this luahost reads versions 1 to 3)",
                assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(v)).getMessage());
        byte[] c = sample.clone();
        c[c.length - 1] ^= 1;
        assertEquals("corrupt snapshot: checksum mismatch", assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(c)).getMessage());
        assertThrows(CorruptSnapshotException.class, () -> Persister.of(L).restore(new byte[3]));
        // an unknown table key type, nothing else wrong
        assertTrue(L.getGlobal("a") == null || L.getGlobal("a") instanceof LuaTable);
    }

    private static byte[] varint(long v) {
        Sink s = new Sink();
        s.varint(v);
        return s.toArray(0);
    }


    private static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) { System.arraycopy(p, 0, out, at, p.length); at += p.length; }
        return out;
    }
}
