package org.luahost.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

/**
 * A Java {@link OutOfMemoryError} in Lua code is the Lua error "not enough
 * memory" (issue 13), as the reference's memory errors: {@code pcall} catches
 * it, no message handler runs for it, to-be-closed variables are closed with
 * it, and the thread's depth and C-call count are as before the call. The
 * error is thrown here by a Java function ({@code oom()}), so that the test
 * does not have to fill the heap; where it comes from does not matter to the
 * protected call.
 */
class OutOfMemoryTest {
    private static LuaState state() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        LuaState L = LuaState.builder().profile(Profile.SANDBOXED).stdout(out).stderr(out)
                .stdin(new ByteArrayInputStream(new byte[0])).build();
        L.setGlobal("oom", JavaFunction.of("oom", (th, a) -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        return L;
    }

    private static Object[] run(LuaState L, String code) {
        return L.call(L.load(code, "=t", "t", null));
    }

    @Test
    void pcallCatchesItAsNotEnoughMemory() {
        LuaState L = state();
        assertArrayEquals(new Object[] {false, "not enough memory"}, run(L, "return pcall(oom)"));
        assertArrayEquals(new Object[] {false, "not enough memory"},
                run(L, "return pcall(function() local t = {} t[1] = oom() end)"));
        // deep in Lua calls and a metamethod
        assertArrayEquals(new Object[] {false, "not enough memory"}, run(L, """
                local t = setmetatable({}, {__index = function() return oom() end})
                local function f(n) if n == 0 then return t.x end return (f(n - 1)) end
                return pcall(f, 50)"""));
    }

    @Test
    void noMessageHandlerRunsForIt() {
        LuaState L = state();
        assertArrayEquals(new Object[] {false, "not enough memory", 0L},
                run(L, "local n = 0 local ok, e = xpcall(oom, function(m) n = n + 1 return 'H' end) return ok, e, n"));
    }

    @Test
    void toBeClosedVariablesSeeIt() {
        LuaState L = state();
        assertArrayEquals(new Object[] {false, "not enough memory", "not enough memory"}, run(L, """
                local seen
                local ok, e = pcall(function()
                  local x <close> = setmetatable({}, {__close = function(_, err) seen = err end})
                  oom()
                end)
                return ok, e, seen"""));
    }

    @Test
    void theThreadIsConsistentAfterwards() {
        LuaState L = state();
        LuaThread th = L.mainThread;
        int depth = th.depth, ccalls = th.ccalls;
        CallResult r = th.pcall(L.load("local function f(n) if n == 0 then oom() end f(n - 1) end f(100)", "=t", "t", null),
                LuaFunction.NONE);
        assertEquals("not enough memory", assertInstanceOf(CallResult.Failed.class, r).error());
        assertEquals(depth, th.depth);
        assertEquals(ccalls, th.ccalls);
        assertArrayEquals(new Object[] {3L}, run(L, "return 1 + 2"));
    }
}
