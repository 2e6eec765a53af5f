package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;

/**
 * The allocation-free paths of the library functions ({@link FastFunction})
 * agree with their general bodies on every library case recorded from lua5.4
 * (resources/libcases) that calls such a function with one to three
 * arguments: the interpreter's one-result call ({@code call(th, a, ...)})
 * gives the first result of the general call ({@code invoke}), or raises the
 * same error. LibCasesTest checks the general call against the reference; the
 * corpus case conform_values/fast_and_general_paths does the same from Lua in
 * both tiers.
 */
class FastPathsTest {
    private static Stream<DynamicTest> replay(String file) throws IOException {
        List<LibCases.Case> cases = LibCases.load(file);
        LuaState L = LuaState.create(Profile.TRUSTED);
        LibCases.prepare(L);
        return cases.stream()
                .filter(c -> function(L, c) instanceof FastFunction && !c.outcome().equals("any"))
                .map(c -> DynamicTest.dynamicTest(file + ":" + c, () -> {
                    Object[] args = LibCases.parseList(L, c.args());
                    if (args.length < 1 || args.length > 3) return;
                    FastFunction f = (FastFunction) function(L, c);
                    assertEquals(outcome(L, () -> LuaFunction.first(f.invoke(L.current(), args.clone()))),
                            outcome(L, () -> oneResult(f, L.current(), args.clone())));
                }));
    }

    private static Object function(LuaState L, LibCases.Case c) {
        Object f = L.globals;
        for (String part : c.fname().split("\\.")) f = ((LuaTable) f).rawget(part);
        return f;
    }

    private static Object oneResult(FastFunction f, LuaThread th, Object[] a) {
        return switch (a.length) {
            case 1 -> f.call(th, a[0]);
            case 2 -> f.call(th, a[0], a[1]);
            default -> f.call(th, a[0], a[1], a[2]);
        };
    }

    private interface Call {
        Object run();
    }

    private static String outcome(LuaState L, Call call) {
        int depth = L.current().depth;
        try {
            return "ok(" + LibCases.ser(call.run()) + ")";
        } catch (LuaError e) {
            L.current().unwindTo(depth);
            return "err(" + e.value() + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> math() throws IOException { return replay("math.cases"); }

    @TestFactory
    Stream<DynamicTest> string() throws IOException { return replay("string.cases"); }
}
