package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.luahost.vm.CallResult;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.WorkMeter;

/**
 * Library functions charge the work meter inside their loops (issue 13): each
 * hostile call below runs under a turn-like meter with a small budget of work
 * units, which raises a sticky "budget exceeded" error once the budget is
 * spent; without the library's charging the call would run for minutes (or
 * for ever) inside one Java call that the meter never sees. The assertion is
 * on the outcome (the budget error, raised from inside the call); the
 * preemptive time-out is only a guard against a hang, not a timing assertion.
 */
class LibraryWorkTest {
    /** Work units the hostile calls may spend (a few ms of Lua). */
    private static final long BUDGET = 200_000;

    /** A meter like the scheduler's budget: counts from arm() on, sticky once exhausted. */
    private static final class Budget implements WorkMeter {
        long spent;
        boolean armed;
        static final int ALLOWANCE = 1024;

        @Override
        public int onWork(LuaThread th) {
            if (!armed) return ALLOWANCE;
            spent += ALLOWANCE - (long) th.workLeft;   // the units used since the last look (a charge may overshoot)
            if (spent > BUDGET) throw th.raise("budget exceeded");
            return ALLOWANCE;
        }
    }

    private static LuaState state(WorkMeter meter) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        return LuaState.builder().profile(Profile.SANDBOXED).stdout(out).stderr(out)
                .stdin(new ByteArrayInputStream(new byte[0])).meter(meter).build();
    }

    /** Runs code under a fresh budget that starts when it calls arm(); the error value (or "ok" when it finished). */
    private static Object runBudgeted(String code) {
        Budget b = new Budget();
        LuaState L = state(b);
        L.setGlobal("arm", JavaFunction.of("arm", (th, a) -> {
            b.armed = true;
            th.workLeft = Budget.ALLOWANCE;   // counted from here
            return LuaFunction.NONE;
        }));
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CallResult r = L.mainThread.pcall(L.load(code, "=t", "t", null), LuaFunction.NONE);
            return r instanceof CallResult.Failed f ? f.error() : "ok";
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arm() table.move({}, 1, 2^62, 2)",
        "local s, p = ('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40) arm() return s:match(p)",
        "local s = string.rep('a', 3000) arm() return s:find('.-.-.-.-b')",
        "local s = string.rep('a', 30000) arm() return s:find('a*a*a*a*b')",
        "local s = string.rep('a', 3000) arm() return s:gsub('.-.-.-b', 'x')",
        "local s = string.rep('a', 1 << 24) arm() return s:find(string.rep('a', 64) .. 'b', 1, true)",
        "local s = string.rep('a', 1 << 24) arm() return s:find('ab', 1, true)",
        "local s = string.rep('a', 1 << 24) arm() return s:find('b')",
        "local s = string.rep('a', 1 << 24) arm() return s:find('[b-z]')",
        "local s = string.rep('(', 1 << 24) arm() return s:find('%b()')",
        "arm() return #string.rep('abc', 1 << 26)",
        "arm() return #string.rep('abc', 1 << 24, ',')",
        "local s = string.rep('abc', 1 << 22) arm() return #s:upper() + #s:lower() + #s:reverse()",
        "local t = {} for i = 1, 1 << 20 do t[i] = i end arm() for k = 1, 5 do table.insert(t, 1, k) end",
        "local t = {} for i = 1, 1 << 20 do t[i] = i end arm() for k = 1, 5 do table.remove(t, 1) end",
        "local t = {} for i = 1, 1000 do t[i] = 'x' end local sep = string.rep(',', 100000) arm() return #table.concat(t, sep)",
        "local t = setmetatable({}, {__index = function() return 'x' end}) arm() return #table.concat(t, '', 1, 2^40)",
        "local s = string.rep('\\u{10FFFF}', 1 << 22) arm() return utf8.len(s)",
        "local s = string.rep('\\u{7FF}', 1 << 22) arm() return utf8.offset(s, -(1 << 22))",
        "local f, t = string.rep('i4', 1 << 18), {} for i = 1, 1 << 18 do t[i] = i end arm() return #string.pack(f, table.unpack(t))",
        "arm() return #string.pack('c' .. (1 << 30), '')",
        "local src = string.rep('x = 1\\n', 1 << 20) arm() return load(src)",
        "local s = string.rep('x', 1 << 26) arm() return #string.format('%s%s', s, 'y')",
        "local s = string.rep('x', 1 << 20) arm() s = s .. s s = s .. s s = s .. s s = s .. s s = s .. s return #s",
        "local t = {} for i = 1, 300000 do t[i] = (i * 7919) % 300000 end arm() table.sort(t)",
        "local t = {} for i = 1, 300000 do t[i] = (i * 7919) % 300000 .. '' end arm() table.sort(t)",
    })
    void hostileCallEndsWithTheBudgetError(String code) {
        assertEquals("budget exceeded", runBudgeted(code), code);
    }

    @Test
    void loadPassesTheMetersErrorOn() {
        // the meter's error is not load's syntax error: it propagates (a pcall around sees it)
        assertEquals("budget exceeded", runBudgeted("local src = string.rep('x = 1\\n', 1 << 20) arm() local f, e = load(src) return e"));
    }

    @Test
    void ordinaryLibraryWorkStaysWithinTheBudget() {
        assertEquals("ok", runBudgeted("""
                arm()
                local s = string.rep('hello world ', 1000)
                assert(s:find('world', 1, true) == 7)
                assert(s:upper():sub(1, 5) == 'HELLO')
                assert(select(2, s:gsub('o', '0')) == 2000)
                local t = {} for i = 1, 1000 do t[i] = i end
                table.sort(t, function(a, b) return a > b end)
                assert(table.concat(t, ',', 1, 3) == '1000,999,998')
                assert(load('return 1 + 1')() == 2)
                """));
    }

    @Test
    void plainFindAgreesWithASimpleSearch() {
        LuaState L = state(null);
        java.util.Random rnd = new java.util.Random(13);
        for (int round = 0; round < 3000; round++) {
            int n = rnd.nextInt(200), m = 1 + rnd.nextInt(round % 3 == 0 ? 40 : 8);
            String s = randomString(rnd, n, 2 + round % 3), p = randomString(rnd, m, 2 + round % 3);
            int from = n == 0 ? 0 : rnd.nextInt(n + 1);
            int expected = s.indexOf(p, from);
            assertEquals(expected, PlainFind.indexOf(L.mainThread, s, p, from), s + " / " + p + " from " + from);
        }
        String hay = "a".repeat(100_000);
        assertEquals(-1, PlainFind.indexOf(L.mainThread, hay, "b" + "a".repeat(1000), 0));
        assertEquals(100_000 - 1, PlainFind.indexOf(L.mainThread, hay + "b" + "a".repeat(1000), "a" + "b" + "a".repeat(1000), 0));
        assertTrue(PlainFind.indexOf(L.mainThread, hay, "a".repeat(1000), 5) == 5);
    }

    private static String randomString(java.util.Random rnd, int n, int alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) ('a' + rnd.nextInt(alphabet)));
        return sb.toString();
    }
}
