package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

/** The Java side of finalizers and weak tables: close, collectIfDue, captures of Java functions, call unwinding. */
class GcTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LuaState state() {
        PrintStream ps = new PrintStream(out, true);
        return LuaState.create(Profile.TRUSTED, ps, ps, new ByteArrayInputStream(new byte[0]));
    }

    private static Object run(LuaState L, String code) {
        return LuaFunction.first(L.call(L.load(code, "=t", "t", null)));
    }

    @Test
    void closeRunsEveryPendingFinalizerNewestFirstOnce() {
        LuaState L = state();
        run(L, "log = {} keep = {} for i = 1, 3 do keep[i] = setmetatable({}, {__gc = function() log[#log + 1] = i end}) end");
        assertEquals(3, L.gc().pendingFinalizers());
        L.close();
        assertEquals("3 2 1", run(L, "return table.concat(log, ' ')"));
        assertEquals(0, L.gc().pendingFinalizers());
        run(L, "setmetatable({}, {__gc = function() log[#log + 1] = 'late' end})");
        L.close();
        assertEquals(0, L.gc().pendingFinalizers(), "no registrations after close");
        assertEquals("3 2 1", run(L, "return table.concat(log, ' ')"));
    }

    @Test
    void collectIfDueWaitsForEnoughRegistrations() {
        LuaState L = state();
        // no automatic collection while the 1000 are made: a long pause (the default one would
        // collect every few KB with so small a live set)
        run(L, "collectgarbage('incremental', 1000) n = 0 local mt = {__gc = function() n = n + 1 end} "
                + "for i = 1, 999 do setmetatable({}, mt) end");
        assertFalse(L.gc().collectIfDue(L.mainThread), "below the minimum");
        run(L, "setmetatable({}, {__gc = function() n = n + 1 end})");
        assertTrue(L.gc().collectIfDue(L.mainThread));
        assertEquals(1000L, run(L, "return n"));
        assertEquals(0, L.gc().pendingFinalizers());
    }

    @Test
    void valuesCapturedByJavaFunctionsAreReachable() {
        LuaState L = state();
        LuaTable held = new LuaTable();
        L.setGlobal("holder", JavaFunction.of("holder", (th, a) -> new Object[] {held}));
        L.setGlobal("weak", held);   // removed again below: then only the Java function holds it
        run(L, "fin = 0 held = setmetatable({}, {__gc = function() fin = fin + 1 end}) weak.obj = held held = nil weak = nil");
        L.gc().fullCollect(L.mainThread);
        assertEquals(0L, run(L, "return fin"), "reachable through the Java function's captured table");
        L.setGlobal("holder", null);
        L.gc().fullCollect(L.mainThread);
        assertEquals(1L, run(L, "return fin"));
    }

    @Test
    void weakTablesDropEntriesOfUnreachableObjects() {
        LuaState L = state();
        run(L, "cache = setmetatable({}, {__mode = 'k'}) for i = 1, 100 do cache[{}] = i end keep = {} cache[keep] = 0");
        L.gc().fullCollect(L.mainThread);
        assertEquals(1L, run(L, "local n = 0 for _ in pairs(cache) do n = n + 1 end return n"));
    }

    @Test
    void anErrorFromCallLeavesTheStackAsItWas() {
        LuaState L = state();
        int depth = L.mainThread.depth;
        LuaFunction f = L.load("local function g() error('deep') end local function h() g() end h()", "=t", "t", null);
        assertThrows(LuaError.class, () -> L.call(f));
        assertEquals(depth, L.mainThread.depth);
        assertEquals(3L, run(L, "return 1 + 2"));
    }
}
