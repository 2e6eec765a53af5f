package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.fresh;
import static org.luahost.persistence.TestStates.roundTrip;
import static org.luahost.persistence.TestStates.run;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;

/** Lua functions in snapshots: code, upvalues (shared ones stay shared), _ENV, and debug information. */
class FunctionsTest {

    @Test
    void closuresKeepTheirUpvalues() {
        LuaState b = roundTrip("""
                local function counter(start)
                  local n = start
                  return function() n = n + 1 return n end
                end
                c1, c2 = counter(10), counter(100)
                c1() c1()
                """);
        assertEquals(13L, eval(b, "c1()"));
        assertEquals(101L, eval(b, "c2()"));
        assertEquals(14L, eval(b, "c1()"));
    }

    @Test
    void sharedUpvaluesStayShared() {
        LuaState b = roundTrip("""
                local balance = 0
                function deposit(x) balance = balance + x end
                function get() return balance end
                deposit(5)
                """);
        run(b, "deposit(7)");
        assertEquals(12L, eval(b, "get()"));
    }

    @Test
    void globalsInsideRestoredFunctionsAreTheNewStatesGlobals() {
        LuaState b = roundTrip("""
                greeting = 'hello'
                function greet(who) return greeting .. ', ' .. who .. ' ' .. string.upper('x') end
                """);
        run(b, "greeting = 'bye'");
        assertEquals("bye, ada X", eval(b, "greet('ada')"));
    }

    @Test
    void recursionIdentityAndClosuresOfOnePrototype() {
        LuaState b = roundTrip("""
                local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
                f = fact
                g = f
                local function mk(i) return function() return i end end
                fs = {}
                for i = 1, 50 do fs[i] = mk(i) end
                byfn = {[fact] = 'fact'}
                """);
        assertEquals(3628800L, eval(b, "f(10)"));
        assertEquals(Boolean.TRUE, eval(b, "f == g and byfn[f] == 'fact'"));
        assertEquals(1275L, eval(b, "(function() local s = 0 for i = 1, 50 do s = s + fs[i]() end return s end)()"));
    }

    @Test
    void methodsInMetatablesAndLibraryExtensions() {
        LuaState b = roundTrip("""
                Account = {}
                Account.__index = Account
                function Account.new(b) return setmetatable({balance = b}, Account) end
                function Account:deposit(v) self.balance = self.balance + v end
                acct = Account.new(10)
                function string.shout(s) return s:upper() .. '!' end
                """);
        run(b, "acct:deposit(5)");
        assertEquals(15L, eval(b, "acct.balance"));
        assertEquals("HI!", eval(b, "('hi'):shout()"));
    }

    @Test
    void errorsInRestoredFunctionsNameTheOriginalLines() {
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        a.call(a.load("\n\nfunction boom()\n  error('kaboom')\nend\n", "@game.lua", "t", null));
        LuaState b = fresh();
        Persister.attach(b).restore(pa.capture().bytes());
        LuaError e = assertThrows(LuaError.class, () -> run(b, "boom()"));
        assertEquals("game.lua:4: kaboom", e.value());
    }

    @Test
    void restoredObjectsWithGcMetamethodsAreFinalized() {
        LuaState b = roundTrip("""
                finalized = {}
                local mt = {__gc = function(o) finalized[#finalized + 1] = o.name end}
                a = setmetatable({name = 'a'}, mt)
                keep = setmetatable({name = 'keep'}, mt)
                """);
        run(b, "a = nil collectgarbage()");
        assertEquals("a", eval(b, "table.concat(finalized, ',')"));
    }

    @Test
    void aCoroutineInsideAnUpvalueIsNamed() {
        LuaState a = fresh();
        Persister p = Persister.attach(a);
        run(a, "local co = coroutine.create(print) function f() return co end");
        UnpersistableValueException e = assertThrows(UnpersistableValueException.class, p::capture);
        assertEquals("cannot persist a thread at _G.f(upvalue 'co')", e.getMessage());
    }

    @Test
    void aMillionClosuresInAList() {
        LuaState b = roundTrip("""
                local head
                for i = 1, 200000 do local prev = head head = function() return i, prev end end
                last = head
                """);
        Object[] r = run(b, "local n, f = 0, last while f do local _ _, f = f() n = n + 1 end return n");
        assertEquals(200000L, r[0]);
        assertTrue(true);
    }
}
