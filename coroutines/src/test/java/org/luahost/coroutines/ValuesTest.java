package org.luahost.coroutines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.luahost.vm.Args;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaUserdata;

/** The documented Java/Lua conversions and the explicit userdata exposure. */
class ValuesTest {
    static final class Account {
        long balance;
        void deposit(long n) { balance += n; }
    }

    static final UserdataType<Account> ACCOUNT = UserdataType.of(Account.class, "Account")
            .method("balance", (th, self, a) -> self.balance)
            .method("deposit", (th, self, a) -> { self.deposit(Args.checkInteger(th, a, 2)); return null; })
            .method("later", (th, self, a) -> CompletableFuture.completedFuture(new Object[] {"ok", self.balance}))
            .toString(a -> "Account(" + a.balance + ")")
            .build();

    @Test
    void scalarsAndText() {
        LuaRun r = new LuaRun();
        assertEquals(3L, Values.toLua(r.L, 3));
        assertEquals(3L, Values.toLua(r.L, (byte) 3));
        assertEquals(1.5, Values.toLua(r.L, 1.5f));
        assertEquals(Long.MAX_VALUE, Values.toLua(r.L, BigInteger.valueOf(Long.MAX_VALUE)));
        assertEquals(0x1p64, Values.toLua(r.L, BigInteger.ONE.shiftLeft(64)));
        assertEquals("\u00c3\u00a9", Values.toLua(r.L, "\u00e9"));        // UTF-8 bytes, one char per byte
        assertEquals("\u00e9", Values.toJava("\u00c3\u00a9"));
        assertEquals("\u00ff", Values.toLua(r.L, new byte[] {(byte) 0xff}));
        assertNull(Values.toLua(r.L, null));
        assertThrows(IllegalArgumentException.class, () -> Values.toLua(r.L, new Object()));
    }

    @Test
    void containersAreCopiedDeeplyAndSharedOnce() {
        LuaRun r = new LuaRun();
        List<Object> shared = new ArrayList<>(List.of(1, 2));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", shared);
        m.put("b", shared);
        m.put("skip", null);
        LuaTable t = (LuaTable) Values.toLua(r.L, m);
        assertSame(t.rawget("a"), t.rawget("b"));
        assertEquals(2L, ((LuaTable) t.rawget("a")).length());
        assertNull(t.rawget("skip"));
        Map<Object, Object> back = Values.toMap(t);
        assertEquals(List.of("a", "b"), new ArrayList<>(back.keySet()));
        assertEquals(Map.of(1L, 1L, 2L, 2L), back.get("a"));
        assertEquals(List.of(1L, 2L), Values.toList((LuaTable) t.rawget("a")));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        LuaTable c = (LuaTable) Values.toLua(r.L, cyclic);
        assertSame(c, c.rawget(1L));
        assertEquals(3L, ((LuaTable) Values.toLua(r.L, new int[] {7, 8, 9})).length());
    }

    @Test
    void userdataExposesOnlyTheRegisteredMethods() {
        LuaRun r = new LuaRun();
        Account acct = new Account();
        ACCOUNT.register(r.L);
        r.L.setGlobal("acct", Values.toLua(r.L, acct));
        Object[] res = r.run("""
                acct:deposit(5)
                local ok1, e1 = pcall(acct.deposit, acct, "x")
                local ok2, e2 = pcall(function() return acct:deposit("x") end)
                local ok3, e3 = pcall(function() return acct.balance({}) end)
                local ok4, e4 = pcall(function() return acct.getClass end)
                return acct:balance(), tostring(acct), e1, e2, e3, e4, acct:later()
                """, HandOffTest.DEADLINE);
        assertEquals(Arrays.asList(5L, "Account(5)",
                "bad argument #2 to '?' (number expected, got string)",   // called by pcall: no name, as in the reference
                "test:3: bad argument #1 to 'deposit' (number expected, got string)",
                "test:4: bad argument #1 to 'balance' (Account expected, got table)",
                null, "ok", 5L), Arrays.asList(res));
        assertSame(acct, ACCOUNT.test(r.L, r.L.getGlobal("acct")));
        assertSame(acct, Values.toJava(r.L.getGlobal("acct")));
        // another state: its own metatable, not confused with this one's
        LuaRun r2 = new LuaRun();
        LuaUserdata u2 = ACCOUNT.wrap(r2.L, acct);
        assertNull(ACCOUNT.test(r.L, u2));
    }

    record Pair(String name, List<Integer> values) {}

    @Test
    void utf8BothWaysWithSurrogateEscapes() {
        assertEquals("Zo\u00c3\u00ab", Utf8Text.luaString("Zoë"));
        assertEquals("Zoë", Utf8Text.javaText(Utf8Text.luaString("Zoë")));
        assertEquals("张伟😀", Utf8Text.javaText(Utf8Text.luaString("张伟😀")));
        // invalid bytes: escaped, and back to the same bytes
        for (String lua : new String[] {"\u00ff", "a\u00c3", "\u00ed\u00a0\u0080", "\u00c0\u00af", "\u00f4\u0090\u0080\u0080", "\u0080x"}) {
            String java = Utf8Text.javaText(lua);
            assertEquals(lua, Utf8Text.luaString(java), lua);
            assertTrue(java.chars().anyMatch(c -> c >= 0xDC80 && c <= 0xDCFF), lua);
        }
        assertEquals("\udcff", Utf8Text.javaText("\u00ff"));
        assertThrows(IllegalArgumentException.class, () -> Utf8Text.luaString("\ud800"));
        assertThrows(IllegalArgumentException.class, () -> Utf8Text.luaString("x\udc00"));
    }

    @Test
    void recordsJavaDeepAndPaths() {
        LuaRun r = new LuaRun();
        LuaTable t = (LuaTable) Values.toLua(r.L, new Pair("p", List.of(1, 2)));
        assertEquals("p", t.rawget("name"));
        assertEquals(2L, ((LuaTable) t.rawget("values")).rawget(2L));
        assertEquals(Map.of("name", "p", "values", List.of(1L, 2L)), Values.toJavaDeep(t, ValueLimits.DEFAULT, "t"));
        assertEquals(List.of(), Values.toJavaDeep(new LuaTable(), ValueLimits.DEFAULT, "t"));
        // deep values: an error naming the path in its short form, no stack overflow
        Object deep = List.of();
        for (int i = 0; i < 100_000; i++) deep = List.of(deep);
        Object d = deep;
        ValueException e = assertThrows(ValueException.class, () -> Values.toLua(r.L, d));
        assertEquals("value nested deeper than 1000 levels at value[1][1][1][1][1]...[1][1] (depth 1000)", e.getMessage());
        assertEquals(ValueException.Kind.DEPTH, e.kind());
        LuaTable chain = new LuaTable();
        LuaTable cur = chain;
        for (int i = 0; i < 50_000; i++) {
            LuaTable next = new LuaTable();
            cur.rawset("next", next);
            cur = next;
        }
        e = assertThrows(ValueException.class, () -> Values.toJavaDeep(chain, new ValueLimits(10, 100), "list"));
        assertEquals("value nested deeper than 10 levels at list.next.next.next.next.next...next.next (depth 10)", e.getMessage());
        e = assertThrows(ValueException.class, () -> Values.toLua(r.L, Map.of("k", new Object())));
        assertTrue(e.getMessage().startsWith("cannot convert a Java java.lang.Object") && e.getMessage().endsWith(" at value.k"),
                e.getMessage());
    }
}
