package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory limit against every way of allocating (issue 13): each script
 * tries to keep about ten times the limit in the global {@code keep}, inside a
 * pcall, which must end with {@code false, "not enough memory"}; the state's
 * estimate is then within the limit plus the margin the collector allows
 * ({@link Gc}), the JVM heap really retained is within a small factor of the
 * limit (the estimate models the heap), and once {@code keep} is dropped a
 * collection brings the estimate back down.
 */
class MemoryChargeTest {
    private static final long LIMIT = 8L << 20;
    /** What the collector lets a charge pass the limit by before a safe point (Gc.over). */
    private static final long MARGIN = Math.max(LIMIT / 8, 1 << 20);

    private static final String PRELUDE = """
            local big = ('x'):rep(1 << 20)
            local codes = {} for i = 1, 10000 do codes[i] = 0x10FFFF end
            local bytes = {} for i = 1, 10000 do bytes[i] = 65 + i % 26 end
            local parts = {} for i = 1, 1000 do parts[i] = ('y'):rep(1000) end
            keep = {}
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        // strings
        "local s = 'x' while true do s = s .. s keep[1] = s end",
        "for i = 1, 100 do keep[i] = ('x'):rep((1 << 20) + i) end",
        "keep[1] = ('x'):rep(80 << 20)",
        "keep[1] = ('ab'):rep(40 << 20, ',')",
        "for i = 1, 100 do keep[i] = big:sub(i) end",
        "for i = 1, 100 do keep[i] = big:upper() end",
        "for i = 1, 100 do keep[i] = big:upper():lower() end",
        "for i = 1, 100 do keep[i] = big:reverse() end",
        "for i = 1, 100 do keep[i] = string.format('%s%d', big, i) end",
        "keep[1] = string.format(('%s'):rep(100), table.unpack(setmetatable({}, {__index = function() return big end}), 1, 100))",
        "for i = 1, 100 do keep[i] = table.concat(parts) end",
        "keep[1] = table.concat(parts, big)",
        "for i = 1, 100 do keep[i] = big:gsub('x', 'yy') end",
        "keep[1] = big:gsub('x', ('z'):rep(100))",
        "for i = 1, 1000000 do keep[i] = big:match('(' .. ('x'):rep(100) .. ')', i) end",
        "for w in big:gmatch(('x'):rep(1000)) do keep[#keep + 1] = w end for w in big:gmatch(('x'):rep(999)) do keep[#keep + 1] = w end"
            + " for w in big:gmatch(('x'):rep(998)) do keep[#keep + 1] = w end for i = 1, 100 do keep[#keep + 1] = big .. i end",
        "for i = 1, 100000 do keep[i] = utf8.char(table.unpack(codes)) end",
        "for i = 1, 100000 do keep[i] = string.char(table.unpack(bytes)) end",
        "for i = 1, 100 do keep[i] = string.pack('s4', big) end",
        "keep[1] = string.pack('c100000000', 'x')",
        "for i = 1, 100000000 do keep[i] = tostring(i) end",
        "for i = 1, 100000000 do keep[i] = big:sub(i % 1000 + 1, i % 1000 + 30) end",
        // tables and closures
        "for i = 1, 100000000 do keep[i] = i end",
        "for i = 1, 100000000 do keep[i + 0.5] = i end",
        "local t = table.pack() keep[1] = t for i = 1, 100000000 do t[i] = i end",
        "for i = 1, 100000000 do _G[i] = i end",
        "for i = 1, 100000 do keep[i] = table.pack(table.unpack(bytes)) end",
        "for i = 1, 100000000 do keep[i] = function() return i end end",
        // loaded code
        // (load returns nil and the message, as lua5.4's on a memory error)
        "local f, e = load(('a = 1 '):rep(1 << 17)) keep[1] = f or error(e, 0)",
        "for i = 1, 100000 do local f, e = load(('a = 1 '):rep(10000) .. ' return ' .. i) keep[i] = f or error(e, 0) end",
        "local f, e = load(function() return ('x = 1 '):rep(1000) end) keep[1] = f or error(e, 0)",
    })
    void eachAllocationPathEndsWithNotEnoughMemory(String attack) {
        LuaState L = state();
        long heapBefore = heapAfterGc();
        Object[] r = run(L, PRELUDE + "return pcall(function() " + attack + " end)");
        assertEquals(Boolean.FALSE, r[0], attack);
        assertEquals("not enough memory", r[1], attack);
        long inUse = L.memoryInUse();
        assertTrue(inUse <= LIMIT + MARGIN + (1 << 20), "estimate " + inUse + " after " + attack);
        long retained = heapAfterGc() - heapBefore;
        assertTrue(retained < 3 * LIMIT, "heap retained " + (retained >> 10) + " KB after " + attack);
        // the data dies: a collection brings the estimate down, and the state allocates again
        r = run(L, "keep = nil for k in pairs(_G) do if math.type(k) then _G[k] = nil end end collectgarbage() local u = {} for i = 1, 1000 do u[i] = ('z'):rep(100) .. i end return #u");
        assertEquals(1000L, r[0]);
        if (attack.contains("_G")) return;   // _G keeps the size it grew to (a table shrinks only when it rehashes, as in lua5.4)
        assertTrue(L.memoryInUse() < LIMIT / 2, "estimate " + L.memoryInUse() + " once the data died, after " + attack);
    }

    /**
     * A huge source nested too deeply fails as in lua5.4, with "C stack
     * overflow" near its start, not with the memory its whole parse would
     * take (before, load charged that up front: 1 MB sources said "not
     * enough memory" under this 8 MB limit, and under serve's 64 MB).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "('return function() '):rep(1e5) .. ('end '):rep(1e5)",
        "('if x then '):rep(1e5) .. ('end '):rep(1e5)",
        "('while x do '):rep(1e5) .. ('end '):rep(1e5)",
        "('repeat '):rep(1e5) .. ('until x '):rep(1e5)",
        "('local function f() '):rep(1e5) .. ('end '):rep(1e5)",
        "('do '):rep(1e6) .. ('end '):rep(1e6)",
        "'return ' .. ('('):rep(1e6) .. '1' .. (')'):rep(1e6)",
        "'return ' .. ('{'):rep(1e6) .. ('}'):rep(1e6)",
        "'return ' .. ('not '):rep(1e6) .. '1'",
        "'return ' .. (\"'a' .. \"):rep(1e6) .. '1'",
    })
    void aDeepSourceFailsAsTheReferenceBeforeItsMemory(String source) {
        LuaState L = state();
        Object[] r = run(L, "return pcall(function() return select(2, load(" + source + ")) end)");
        assertEquals(Boolean.TRUE, r[0], source);
        assertEquals("C stack overflow", r[1], source);
    }

    private LuaState state() {
        PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true);
        return LuaState.builder().stdout(ps).stderr(ps).stdin(new ByteArrayInputStream(new byte[0])).memoryLimit(LIMIT)
                .build();
    }

    private static Object[] run(LuaState L, String code) {
        return L.call(L.load(code, "=t", "t", null));
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
