package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

/** Automatic collection from Java: allocation accounting, the memory limit, memoryInUse. */
class GcAutoTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LuaState state(long limit) {
        PrintStream ps = new PrintStream(out, true);
        return LuaState.builder().stdout(ps).stderr(ps).stdin(new ByteArrayInputStream(new byte[0])).memoryLimit(limit).build();
    }

    private static Object[] run(LuaState L, String code) {
        return L.call(L.load(code, "=t", "t", null));
    }

    @Test
    void collectionsHappenWithoutCollectgarbage() {
        LuaState L = state(0);
        long before = L.gc().collections();
        Object[] r = run(L, "local w = setmetatable({{}}, {__mode = 'v'}) for i = 1, 200000 do local g = {i} end return w[1] == nil");
        assertEquals(Boolean.TRUE, r[0]);
        assertTrue(L.gc().collections() > before, "collections ran");
    }

    @Test
    void memoryInUseRisesWithLiveDataAndFallsWhenItIsDropped() {
        LuaState L = state(0);
        run(L, "collectgarbage()");
        long base = L.memoryInUse();
        run(L, "keep = {} for i = 1, 50000 do keep[i] = {i} end collectgarbage()");
        long grown = L.memoryInUse();
        assertTrue(grown > base + 50000L * 56, "grown " + grown + " from " + base);
        run(L, "keep = nil collectgarbage()");
        assertTrue(L.memoryInUse() < grown - 50000L * 56, "fell to " + L.memoryInUse() + " from " + grown);
        assertEquals(L.memoryInUse() / 1024.0, (Double) run(L, "return collectgarbage('count')")[0], 0.5);
    }

    @Test
    void memoryLimitGivesNotEnoughMemoryCatchableByPcall() {
        long limit = 8L << 20;
        LuaState L = state(limit);
        Object[] r = run(L, "t = {} return pcall(function() for i = 1, 10000000 do t[i] = {i} end end)");
        assertEquals(Boolean.FALSE, r[0]);
        assertEquals("not enough memory", r[1]);
        assertTrue(L.memoryInUse() <= limit + Math.max(limit / 8, 1 << 20) + 4096, "in use " + L.memoryInUse());
        // once the data is dropped, the state works again
        r = run(L, "t = nil collectgarbage() local u = {} for i = 1, 1000 do u[i] = {i} end return #u");
        assertEquals(1000L, r[0]);
        assertTrue(L.memoryInUse() < limit);
    }

    @Test
    void memoryLimitCollectsGarbageBeforeFailing() {
        LuaState L = state(4L << 20);
        // far more than the limit in total, but never more than a little live at once
        Object[] r = run(L, "local n = 0 for i = 1, 300000 do local g = {i, i, i} n = n + #g end return n");
        assertEquals(900000L, r[0]);
    }

    @Test
    void memoryLimitAppliesToStringsBuiltByConcatenation() {
        LuaState L = state(4L << 20);
        Object[] r = run(L, "local parts = {} return pcall(function() for i = 1, 1000000 do parts[i] = 'item ' .. i .. ' of a long list' end end)");
        assertEquals(Boolean.FALSE, r[0]);
        assertEquals("not enough memory", r[1]);
    }

    @Test
    void aLimitedStateStillRunsFinalizers() {
        LuaState L = state(16L << 20);
        Object[] r = run(L, "done = false setmetatable({}, {__gc = function() done = true end}) "
                + "local n = 0 while not done do local g = {n} n = n + 1 end return done");
        assertEquals(Boolean.TRUE, r[0]);
    }
}
