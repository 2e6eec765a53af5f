package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Tables meeting keys whose Java hash codes collide (hash flooding): the
 * table switches to the keyed hash ({@link KeyedHash}) and then behaves as
 * any table: every key found, updated, removed, traversed once by next, and
 * the field caches still find string keys. Also: ordinary keys never switch
 * a table. Not a timing test: it checks the mode and the contents (a flooded
 * table that did not switch would also be correct, only quadratic; the
 * scheduler's HashFloodTest bounds the time with a CPU budget).
 */
class HashFloodTableTest {
    /** The 2^n strings of n blocks "Aa" or "BB": one Java hash code for all. */
    static List<String> colliding(int n) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (int d = 0; d < n; d++) {
            List<String> next = new ArrayList<>();
            for (String s : out) {
                next.add(s + "Aa");
                next.add(s + "BB");
            }
            out = next;
        }
        return out;
    }

    @Test
    void collidingStringsHardenTheTableAndStayCorrect() {
        List<String> keys = colliding(12);
        assertEquals(1, keys.stream().mapToInt(String::hashCode).distinct().count());
        LuaTable t = new LuaTable();
        for (int i = 0; i < keys.size(); i++) t.rawset(keys.get(i), (long) i);
        assertTrue(t.hardened, "the table switched to the keyed hash");
        for (int i = 0; i < keys.size(); i++) assertEquals((long) i, t.rawget(keys.get(i)));
        assertEquals((long) 7, t.rawget((Object) new String(keys.get(7).toCharArray())), "an equal, distinct string");
        assertNull(t.rawget("AaAaAaAaAaAaAaAaAaAaAaAaAaAb"));
        FieldCache fc = new FieldCache(keys.get(100));
        assertEquals(100L, fc.get(t));
        assertTrue(fc.setExisting(t, "changed"));
        assertEquals("changed", t.rawget(keys.get(100)));
        for (int i = 0; i < keys.size(); i += 2) t.rawset(keys.get(i), null);
        Map<Object, Object> seen = traverse(t);
        assertEquals(keys.size() / 2, seen.size());
        for (int i = 1; i < keys.size(); i += 2) assertTrue(seen.containsKey(keys.get(i)), keys.get(i));
        for (int i = 0; i < keys.size(); i += 2) t.rawset(keys.get(i), true);   // back again, after tombstones
        assertEquals(keys.size(), traverse(t).size());
    }

    @Test
    void collidingIntegersAndFloatsHardenTheTableToo() {
        LuaTable t = new LuaTable();
        List<Long> ints = new ArrayList<>();
        for (long hi = 1; hi <= 3000; hi++) ints.add(collidingLong(hi));
        for (long k : ints) t.rawset(k, (Object) k);
        assertTrue(t.hardened);
        for (long k : ints) assertEquals(k, t.rawget(k));
        LuaTable f = new LuaTable();
        List<Double> floats = new ArrayList<>();
        for (long a = 1; a <= 3000; a++) {
            double d = Double.longBitsToDouble(0x3ff0000000000000L | a << 20 | a);
            if (d != Math.rint(d)) floats.add(d);
        }
        for (double d : floats) f.rawset(d, d);
        for (double d : floats) assertEquals(d, f.rawget(d));
        assertEquals(floats.size(), traverse(f).size());
    }

    @Test
    void ordinaryKeysNeverHardenATable() {
        LuaTable t = new LuaTable();
        for (int i = 0; i < 200_000; i++) t.rawset("key" + i, (long) i);
        for (long i = -100_000; i < 100_000; i++) t.rawset(i * 7919, (Object) i);
        for (int i = 0; i < 20_000; i++) t.rawset(i + 0.5, true);
        assertFalse(t.hardened);
        LuaTable scaled = new LuaTable();   // multiples of 1024 and of 2^32, negative integers
        for (long i = 1; i <= 100_000; i++) {
            scaled.rawset(i * 1024, (Object) i);
            scaled.rawset(i << 32, (Object) i);
            scaled.rawset(-i, (Object) i);
        }
        assertFalse(scaled.hardened);
        for (long i = 1; i <= 100_000; i++) assertEquals(i, scaled.rawget(i << 32));
    }

    /**
     * An integer whose unkeyed hash is the same for every hi: LuaTable's
     * integer hash (MurmurHash3's finaliser) run backwards from a final value
     * whose folded low 32 bits are 0x1234567.
     */
    static long collidingLong(long hi) {
        long lo = (0x1234567L ^ (hi >>> 1)) & 0xffffffffL;
        long z = hi << 32 | lo;
        z ^= z >>> 33;                                     // x ^= x >>> 33 is its own inverse (33 > 32)
        z *= inverse(0xc4ceb9fe1a85ec53L);
        z ^= z >>> 33;
        z *= inverse(0xff51afd7ed558ccdL);
        return z ^ (z >>> 33);
    }

    /** c's inverse modulo 2^64 (c odd), by Newton's iteration. */
    private static long inverse(long c) {
        long x = c;
        for (int i = 0; i < 6; i++) x *= 2 - c * x;
        return x;
    }

    private static Map<Object, Object> traverse(LuaTable t) {
        Map<Object, Object> seen = new HashMap<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            assertNull(seen.put(kv[0], kv[1]), "next gave " + kv[0] + " twice");
            k = kv[0];
        }
        return seen;
    }
}
