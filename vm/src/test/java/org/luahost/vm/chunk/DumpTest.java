package org.luahost.vm.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.LuaClosure;

/**
 * The Java API of binary chunks ({@link Dump#dumpClosure}, {@link Dump#loadClosure},
 * {@link Dump#upvalueCount}) and its behaviour on hostile input: every
 * truncation, every single-bit flip, and damaged payloads whose checksum was
 * fixed up so that the decoder and the compiler see them. Bad input must end
 * in a {@link LuaError} with the reference's "bad binary format" wording, and
 * in nothing else.
 */
class DumpTest {
    private static final String SOURCE = """
            local up1, up2 = 10, {n = 0}
            local function f(a, ...)
              local t = {a, ..., k = 'v', [1 + 1] = 2.5}
              local function g(x) up2.n = up2.n + x return up1 + x end
              for i = 1, #t do up2.n = up2.n + (tonumber(t[i]) or 0) end
              for k, v in pairs(t) do local s <const> = tostring(k) .. tostring(v) end
              while a > 0 do a = a - 1 if a == 5 then break end end
              repeat a = a + 1 until a >= 7
              ::done::
              local m = {} function m:get() return self end
              return g(a), select('#', ...), 1 // 1, 2 ^ 0.5, -a, not a, #'abc', ~5, 'a' .. 'b', m:get() == m
            end
            return f
            """;

    private static LuaState state() {
        return LuaState.create(Profile.TRUSTED, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(new ByteArrayOutputStream(), true), new ByteArrayInputStream(new byte[0]));
    }

    private static LuaClosure sample(LuaState L) {
        return (LuaClosure) LuaFunction.first(L.call(L.load(SOURCE, "@sample.lua", "t", null)));
    }

    private static Cell[] cells(int n) {
        Cell[] c = new Cell[n];
        for (int i = 0; i < n; i++) c[i] = new Cell();
        return c;
    }

    @Test
    void roundTripSharesTheGivenCells() {
        LuaState L = state();
        LuaClosure f = sample(L);
        String bytes = Dump.dumpClosure(f, false);
        assertTrue(bytes.startsWith("\u001bLua"));
        for (int i = 0; i < bytes.length(); i++) assertTrue(bytes.charAt(i) < 256, "one char per byte");
        assertEquals(f.upvals.length, Dump.upvalueCount(bytes));
        Cell[] cells = new Cell[f.upvals.length];
        for (int i = 0; i < cells.length; i++) cells[i] = f.upvals[i];   // share the original's upvalues
        LuaClosure g = Dump.loadClosure(L, bytes, "=test", cells);
        assertSame(cells, g.upvals);
        LuaTable up2 = (LuaTable) cells[upvalueIndex(f, "up2")].v;
        Object[] r1 = L.call(f, 9L, 1L, 2L);
        double n1 = ((Number) up2.rawget("n")).doubleValue();
        Object[] r2 = L.call(g, 9L, 1L, 2L);
        assertArrayEquals(r1, r2);
        // both closures update the same up2 table
        assertTrue(n1 > 0);
        assertEquals(2 * n1, ((Number) up2.rawget("n")).doubleValue());
        assertEquals(f.proto.source, g.proto.source);
        assertEquals(f.proto.line, g.proto.line);
        assertEquals(f.proto.lastLine, g.proto.lastLine);
        assertArrayEquals(f.proto.upvalNames, g.proto.upvalNames);
        assertEquals(f.proto.locals.length, g.proto.locals.length);
        // dumping the loaded function again gives the same bytes
        assertEquals(bytes, Dump.dumpClosure(g, false));
    }

    private static int upvalueIndex(LuaClosure f, String name) {
        for (int i = 0; i < f.proto.upvalNames.length; i++) if (f.proto.upvalNames[i].equals(name)) return i;
        throw new AssertionError(name);
    }

    @Test
    void javaCellsAreTheUpvalues() {
        LuaState L = state();
        LuaClosure counter = (LuaClosure) LuaFunction.first(L.call(L.load(
                "local n = 0 return function(k) n = n + k return n end", "=c", "t", null)));
        String bytes = Dump.dumpClosure(counter, false);
        assertEquals(1, Dump.upvalueCount(bytes));
        Cell n = new Cell(100L);
        LuaClosure g = Dump.loadClosure(L, bytes, "=c", new Cell[] {n});
        assertEquals(105L, LuaFunction.first(L.call(g, 5L)));
        assertEquals(105L, n.v);
        n.v = 1L;
        assertEquals(2L, LuaFunction.first(L.call(g, 1L)));
    }

    @Test
    void strippedChunksHaveNoDebugInformation() {
        LuaState L = state();
        LuaClosure f = sample(L);
        String full = Dump.dumpClosure(f, false), stripped = Dump.dumpClosure(f, true);
        assertTrue(stripped.length() < full.length());
        LuaClosure g = Dump.loadClosure(L, stripped, "=s", cells(Dump.upvalueCount(stripped)));
        assertTrue(g.proto.stripped);
        assertEquals("=?", g.proto.source);
        // no local names: the locals are listed as the reference lists unnamed registers
        assertEquals(f.proto.locals.length, g.proto.locals.length);
        for (var e : g.proto.locals) {
            assertEquals("(temporary)", e.name());
            assertEquals(null, e.decl());
        }
        assertEquals(f.proto.line, g.proto.line);
        // a stripped function stays stripped when dumped without strip
        assertEquals(stripped, Dump.dumpClosure(g, false));
    }

    @Test
    void wrongNumberOfCellsIsAnApiError() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        assertThrows(IllegalArgumentException.class, () -> Dump.loadClosure(L, bytes, "=x", new Cell[0]));
    }

    @Test
    void loadThroughLuaSetsTheFirstUpvalueToTheEnvironment() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        LuaClosure g = (LuaClosure) L.load(bytes, "=x", "b", null);
        assertSame(L.globals, g.upvals[0].v);
        for (int i = 1; i < g.upvals.length; i++) assertEquals(null, g.upvals[i].v);
        LuaError e = assertThrows(LuaError.class, () -> L.load(bytes, "=x", "t", null));
        assertEquals("attempt to load a binary chunk (mode is 't')", e.value());
    }

    @Test
    void everyTruncationIsACleanError() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        for (int n = 0; n < bytes.length(); n++) {
            String cut = bytes.substring(0, n);
            LuaError e = assertThrows(LuaError.class, () -> Dump.upvalueCount(cut), "prefix of " + n + " bytes");
            String msg = (String) e.value();
            if (n == 0 || n >= 4) assertEquals("?: bad binary format (truncated chunk)", msg, "prefix of " + n);
            LuaError e2 = assertThrows(LuaError.class, () -> Dump.loadClosure(L, cut, "@f.lua", new Cell[0]));
            assertTrue(((String) e2.value()).startsWith("f.lua: bad binary format ("), (String) e2.value());
        }
    }

    @Test
    void everyBitFlipIsDetected() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        int n = Dump.upvalueCount(bytes);
        for (int i = 0; i < bytes.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char[] c = bytes.toCharArray();
                c[i] ^= (char) (1 << bit);
                String bad = new String(c);
                LuaError e = assertThrows(LuaError.class, () -> Dump.loadClosure(L, bad, "=flip", cells(n)),
                        "flip of bit " + bit + " of byte " + i);
                assertTrue(((String) e.value()).startsWith("flip: bad binary format ("), (String) e.value());
            }
        }
    }

    /** Damaged payloads with a valid checksum reach the decoder: they may load or fail, but only with a LuaError. */
    @Test
    void damagedPayloadsWithValidChecksumsFailCleanly() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        Random rnd = new Random(42);
        int loaded = 0, refused = 0;
        for (int round = 0; round < 3000; round++) {
            char[] c = bytes.toCharArray();
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = HEADER + rnd.nextInt(c.length - HEADER);
                c[at] = (char) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : c[at] ^ (1 << rnd.nextInt(8)));
            }
            String damaged = withValidChecksum(new String(c));
            try {
                int nup = Dump.upvalueCount(damaged);
                assertNotNull(Dump.loadClosure(L, damaged, "=d", cells(nup)));
                loaded++;
            } catch (LuaError e) {
                refused++;
                assertTrue(e.value() instanceof String s && !s.isEmpty());
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + ": " + e);
            }
        }
        assertTrue(refused > 0 && loaded + refused == 3000);
    }

    @Test
    void randomPayloadsFailCleanly() {
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder(bytes.substring(0, HEADER));
            int len = rnd.nextInt(64);
            for (int k = 0; k < len; k++) sb.append((char) rnd.nextInt(256));
            String junk = withValidChecksum(sb.toString());
            try {
                Dump.loadClosure(L, junk, "=r", cells(Dump.upvalueCount(junk)));
            } catch (LuaError e) {
                assertTrue(((String) e.value()).startsWith("r: bad binary format (") || ((String) e.value()).startsWith("?: bad binary format ("));
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + ": " + e);
            }
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        // a payload of 100,000 nested parentheses: far beyond what the parser produces
        StringBuilder p = new StringBuilder();
        p.append((char) 0);    // no upvalues (stripped chunk: no source)
        p.append((char) 0).append((char) 0).append((char) 0).append((char) 0).append((char) 0);   // line, lastLine, params, method, vararg
        p.append((char) 1);    // one statement
        p.append((char) 11).append((char) 1);   // return with one expression
        for (int i = 0; i < 100_000; i++) p.append((char) 15);   // paren
        p.append((char) 0);    // nil
        p.append((char) 0);    // return list done? (the reader stops earlier)
        String chunk = withValidChecksum("\u001bLua\u0054\u006c\u0019\u0093\r\n\u001a\n\u0001\u0001" + "\0\0\0\0\0\0\0\0" + p);
        LuaError e = assertThrows(LuaError.class, () -> Dump.upvalueCount(chunk));
        assertEquals("?: bad binary format (corrupted chunk)", e.value());
    }

    @Test
    void headerErrorsUseTheReferenceWording() {
        assertEquals("?: bad binary format (truncated chunk)", error("\u001bLua"));
        assertEquals("?: bad binary format (version mismatch)", error("\u001bLuaxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (format mismatch)", error("\u001bLua\u0054\u0001xxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (corrupted chunk)", error("\u001bLua\u0054\u0000xxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (corrupted chunk)", error("\u001bLua\u0054\u006cxxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (Instruction size mismatch)", error(PUC_HEADER.substring(0, 12) + "\u0008xxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (integer format mismatch)", error(PUC_HEADER.substring(0, 15) + "xxxxxxxxxxxxxxxxxxxxxx"));
        assertEquals("?: bad binary format (not a binary chunk)", error("return 1"));
        LuaState L = state();
        String bytes = Dump.dumpClosure(sample(L), false);
        // bytes after the chunk are ignored
        assertEquals(Dump.upvalueCount(bytes), Dump.upvalueCount(bytes + "junk"));
        assertFalse(Dump.dumpClosure(sample(L), true).contains("sample.lua"));
    }

    /** The reference's header (lua5.4 5.4.4 on x86-64), the first 31 bytes of every chunk it dumps. */
    private static final String PUC_HEADER = "\u001bLua\u0054\u0000\u0019\u0093\r\n\u001a\n\u0004\u0008\u0008"
            + "\u0078\u0056\u0000\u0000\u0000\u0000\u0000\u0000" + "\u0000\u0000\u0000\u0000\u0000\u0028\u0077\u0040";

    /** string.dump(load("return 1"), true) of lua5.4: the reference's bytecode, which luahost cannot run. */
    private static final String PUC_CHUNK = PUC_HEADER + "\u0001\u0080\u0080\u0080\u0000\u0001\u0002\u0084\u0051\u0000"
            + "\u0000\u0000\u0001\u0000\u0000\u0080\u0046\u0000\u0002\u0001\u0046\u0000\u0001\u0001\u0080\u0081"
            + "\u0001\u0000\u0000\u0080\u0080\u0080\u0080\u0080";

    @Test
    void headerIsTheReferenceHeaderAndItsBytecodeIsRefused() {
        LuaState L = state();
        assertTrue(Dump.dumpClosure(sample(L), false).startsWith(PUC_HEADER));
        assertTrue(Dump.dumpClosure(sample(L), true).startsWith(PUC_HEADER));
        assertEquals(65, PUC_CHUNK.length());
        assertEquals("?: bad binary format (format mismatch)", error(PUC_CHUNK));
        LuaError e = assertThrows(LuaError.class, () -> L.load(PUC_CHUNK, "=luac.out", "bt", null));
        assertEquals("luac.out: bad binary format (format mismatch)", e.value());
    }

    private static String error(String chunk) {
        return (String) assertThrows(LuaError.class, () -> Dump.upvalueCount(chunk)).value();
    }

    private static final int HEADER = 44;

    /** Rewrites the length and CRC-32 fields so the payload after the header passes the checksum. */
    private static String withValidChecksum(String chunk) {
        int HEADER = chunk.charAt(5) == 0x6c ? 22 : DumpTest.HEADER;   // the earlier layout (still read) has no sizes and marker
        String payload = chunk.substring(HEADER);
        CRC32 crc = new CRC32();
        for (int i = 0; i < payload.length(); i++) crc.update(payload.charAt(i));
        StringBuilder sb = new StringBuilder(chunk.substring(0, HEADER - 8));
        int len = payload.length(), sum = (int) crc.getValue();
        for (int k = 24; k >= 0; k -= 8) sb.append((char) ((len >>> k) & 0xFF));
        for (int k = 24; k >= 0; k -= 8) sb.append((char) ((sum >>> k) & 0xFF));
        return sb.append(payload).toString();
    }
}
