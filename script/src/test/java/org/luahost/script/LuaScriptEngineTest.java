package org.luahost.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaTable;

/** The JSR-223 engine: discovery, eval, bindings in both scopes, Invocable, Compilable, output, threads. */
class LuaScriptEngineTest {
    private final ScriptEngineManager manager = new ScriptEngineManager();
    private final ScriptEngine lua = manager.getEngineByName("lua");

    @AfterEach
    void close() {
        ((LuaScriptEngine) lua).close();
    }

    @Test
    void foundByNameExtensionAndMimeType() {
        assertInstanceOf(LuaScriptEngine.class, lua);
        assertInstanceOf(LuaScriptEngine.class, manager.getEngineByExtension("lua"));
        assertInstanceOf(LuaScriptEngine.class, manager.getEngineByMimeType("text/x-lua"));
        assertInstanceOf(LuaScriptEngine.class, manager.getEngineByMimeType("application/x-lua"));
        assertEquals("Lua", lua.getFactory().getLanguageName());
        assertEquals("5.4", lua.getFactory().getParameter(ScriptEngine.LANGUAGE_VERSION));
        assertNull(lua.getFactory().getParameter("THREADING"));
    }

    @Test
    void evalReturnsTheFirstResultAsJava() throws Exception {
        assertEquals(3L, lua.eval("return 1 + 2"));
        assertEquals(0.5, lua.eval("return 1 / 2"));
        assertEquals("héllo", lua.eval("return 'h\\u{E9}llo'"));
        assertNull(lua.eval("local x = 1"));
        assertEquals("Lua 5.4", lua.eval(new StringReader("return _VERSION")));
        assertInstanceOf(LuaTable.class, lua.eval("return {1, 2}"));
    }

    @Test
    void engineScopeIsTheGlobals() throws Exception {
        lua.put("x", 21);
        assertEquals(42L, lua.eval("return x * 2"));
        lua.eval("y = 'from lua'");
        assertEquals("from lua", lua.get("y"));
        lua.put("cfg", Map.of("port", 8080, "hosts", List.of("a", "b")));
        assertEquals("8080 2 b", lua.eval("return cfg.port .. ' ' .. #cfg.hosts .. ' ' .. cfg.hosts[2]"));
        Bindings g = lua.getBindings(ScriptContext.ENGINE_SCOPE);
        assertTrue(g.containsKey("print"));
        assertTrue(g.keySet().containsAll(List.of("x", "y", "string")));
        g.remove("x");
        assertEquals(true, lua.eval("return x == nil"));
        assertThrows(IllegalArgumentException.class, () -> lua.put("", 1));
    }

    @Test
    void globalScopeIsReadWhenAGlobalIsNil() throws Exception {
        manager.put("shared", 7);
        assertEquals(7L, lua.eval("return shared"));
        lua.eval("shared = 8");   // the engine's own global hides it
        assertEquals(8L, lua.eval("return shared"));
        assertEquals(7, manager.get("shared"));
    }

    @Test
    void ownBindingsHoldTheScriptsVariables() throws Exception {
        Bindings b = lua.createBindings();
        b.put("a", 2);
        b.put("s", "abc");
        assertEquals("ABC", lua.eval("b = a + 1 return string.upper(s)", b));
        assertEquals(3L, b.get("b"));
        assertNull(lua.get("b"));    // the globals did not change
        lua.eval("a = nil", b);
        assertFalse(b.containsKey("a"));
    }

    @Test
    void invokeFunctionAndMethod() throws Exception {
        lua.eval("""
                function add(a, b) return a + b end
                function fail() error('boom') end
                Account = {}
                Account.__index = Account
                function Account.new(balance) return setmetatable({balance = balance}, Account) end
                function Account:deposit(n) self.balance = self.balance + n return self.balance end
                """);
        Invocable inv = (Invocable) lua;
        assertEquals(3L, inv.invokeFunction("add", 1, 2));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
        ScriptException e = assertThrows(ScriptException.class, () -> inv.invokeFunction("fail"));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertInstanceOf(LuaError.class, e.getCause());
        Object acc = lua.eval("return Account.new(10)");
        assertEquals(15L, inv.invokeMethod(acc, "deposit", 5));
        assertEquals(17L, inv.invokeMethod(acc, "deposit", 2));
        assertThrows(NoSuchMethodException.class, () -> inv.invokeMethod(acc, "withdraw", 1));
    }

    /** A record built from a Lua table's fields. */
    public record Point(int x, int y) {}

    /** Implemented by global Lua functions. */
    public interface Calculator {
        int add(int a, int b);
        String describe(double x);
        boolean positive(long x);
        Point origin();
        List<Object> names();
        default String twice(int a) { return "=" + add(a, a); }
    }

    /** Implemented by a Lua table's methods. */
    public interface Counter {
        long next();
        void reset() throws ScriptException;
    }

    @Test
    void getInterfaceFromFunctionsAndFromATable() throws Exception {
        Invocable inv = (Invocable) lua;
        assertNull(inv.getInterface(Calculator.class));   // nothing defined yet
        lua.eval("""
                function add(a, b) return a + b end
                function describe(x) return x * 2 end
                function positive(x) return x > 0 end
                function origin() return {x = 1, y = 2} end
                function names() return {'ann', 'bob'} end
                counter = {n = 0}
                function counter:next() self.n = self.n + 1 return self.n end
                function counter:reset() if self.n > 2 then error('too late') end self.n = 0 end
                """);
        Calculator c = inv.getInterface(Calculator.class);
        assertEquals(5, c.add(2, 3));
        assertEquals("3.0", c.describe(1.5));
        assertTrue(c.positive(1));
        assertFalse(c.positive(-1));
        assertEquals("=8", c.twice(4));
        assertEquals(new Point(1, 2), c.origin());
        assertEquals(List.of("ann", "bob"), c.names());
        Counter k = inv.getInterface(lua.get("counter"), Counter.class);
        assertEquals(1L, k.next());
        k.reset();
        assertEquals(1L, k.next());
        k.next();
        k.next();
        assertThrows(ScriptException.class, k::reset);
    }

    @Test
    void compiledScriptsRunAgainWithoutParsing() throws Exception {
        CompiledScript s = ((Compilable) lua).compile("n = (n or 0) + 1 return n");
        assertEquals(1L, s.eval());
        assertEquals(2L, s.eval());
        Bindings own = lua.createBindings();
        own.put("n", 40);
        assertEquals(41L, s.eval(own));
        assertEquals(3L, s.eval());
        assertThrows(ScriptException.class, () -> ((Compilable) lua).compile("return +"));
    }

    @Test
    void outputGoesToTheContextsWriters() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        lua.getContext().setWriter(out);
        lua.getContext().setErrorWriter(err);
        lua.eval("print('h\\u{E9}llo', 1) io.write('x\\xC3') io.write('\\xA9\\n') io.stderr:write('warn\\n')");
        assertEquals("héllo\t1\nxé\n", out.toString());
        assertEquals("warn\n", err.toString());
    }

    @Test
    void coroutinesRecursionAndNestedCalls() throws Exception {
        assertEquals("1 2 3", lua.eval("""
                local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
                return gen() .. ' ' .. gen() .. ' ' .. gen()
                """));
        assertEquals(50000L, lua.eval("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(50000)"));
        lua.put("nested", JavaFunction.of("nested", (th, a) -> {
            try {
                return JavaFunction.ret(lua.eval("return 5"));
            } catch (ScriptException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertEquals(6L, lua.eval("return nested() + 1"));
    }

    @Test
    void onTheCallersThread() throws Exception {
        ((LuaScriptEngine) lua).runOnCallerThread(true);
        StringWriter out = new StringWriter();
        lua.getContext().setWriter(out);
        assertEquals("1 2", lua.eval("local gen = coroutine.wrap(function() for i = 1, 2 do coroutine.yield(i) end end)"
                + " print('x') return gen() .. ' ' .. gen()"));
        assertEquals("x\n", out.toString());
        lua.put("nested", JavaFunction.of("nested", (th, a) -> {
            try {
                return JavaFunction.ret(lua.eval("return 5"));
            } catch (ScriptException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertEquals(6L, lua.eval("return nested() + 1"));
        callsFromSeveralThreadsAreSerialized();
    }

    @Test
    void callsFromSeveralThreadsAreSerialized() throws Exception {
        lua.eval("count = 0 function bump() local c = count coroutine.wrap(function() end)() count = c + 1 end");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 200; i++) ((Invocable) lua).invokeFunction("bump");
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        assertEquals(List.of(), failures);
        assertEquals(800L, lua.get("count"));
    }

    @Test
    void aClosedEngineRefusesScripts() throws Exception {
        lua.eval("x = setmetatable({}, {__gc = function() end})");
        ((LuaScriptEngine) lua).close();
        assertThrows(IllegalStateException.class, () -> lua.eval("return 1"));
        ScriptEngine other = manager.getEngineByName("lua");
        assertSame(LuaScriptEngine.class, other.getClass());
        assertNull(other.get("x"));   // one state per engine
        ((LuaScriptEngine) other).close();
    }
}
