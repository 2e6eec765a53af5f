package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

/** The work-metering hook: calls and loop back-edges reach the state's meter, which may raise an error. */
class WorkMeterTest {
    private static LuaState state() { return state(null); }

    private static LuaState state(WorkMeter meter) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        return LuaState.builder().profile(Profile.SANDBOXED).stdout(out).stderr(out)
                .stdin(new ByteArrayInputStream(new byte[0])).meter(meter).build();
    }

    private static Object run(LuaState L, String code) {
        return LuaFunction.first(L.call(L.load(code, "=t", "t", null)));
    }

    @Test
    void countsLoopIterationsAndCalls() {
        long[] units = {0};
        LuaState L = state(th -> { units[0]++; return 0; });
        run(L, "for i = 1, 1000 do end");
        assertTrue(units[0] >= 1000 && units[0] < 1010, "numeric for: " + units[0]);
        units[0] = 0;
        run(L, "local function f() end for i = 1, 500 do f() end");
        assertTrue(units[0] >= 1000 && units[0] < 1010, "calls and back-edges: " + units[0]);
        units[0] = 0;
        run(L, "local n = 0 ::top:: n = n + 1 if n < 300 then goto top end");
        assertTrue(units[0] >= 299 && units[0] < 310, "backward goto: " + units[0]);
        units[0] = 0;
        run(L, "local function f(n) if n > 0 then return f(n - 1) end end f(400)");
        assertTrue(units[0] >= 400 && units[0] < 410, "tail calls: " + units[0]);
    }

    @Test
    void meterErrorEndsAnEndlessLoop() {
        int[] calls = {0};
        LuaState L = state(th -> {
            if (++calls[0] > 10) throw th.raise(th.where(0) + "budget exceeded");
            return 1000;
        });
        LuaError e = assertThrows(LuaError.class, () -> run(L, "while true do end"));
        assertEquals("t:1: budget exceeded", e.getMessage());
        assertEquals(11, calls[0]);
    }

    @Test
    void withoutMeterNothingIsCalled() {
        LuaState L = state();
        assertEquals(Integer.MAX_VALUE, L.mainThread.workLeft);
        assertEquals(5050L, run(L, "local s = 0 for i = 1, 100 do s = s + i end return s"));
    }
}
