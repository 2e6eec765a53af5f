package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Replays the string library cases recorded from lua5.4
 * (resources/libcases/string.lua and format.lua, run through gen.lua): every
 * call must give the reference's results or error message.
 *
 * <p>format.cases has tens of thousands of lines, so it runs as one test that
 * reports every mismatch at once rather than one dynamic test per line.
 */
class StringLibCasesTest {
    private static LuaState newState() {
        LuaState L = LuaState.create(Profile.TRUSTED);
        // the string metatable's metamethods, under the global names string.lua calls them by
        for (String ev : new String[] {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__idiv", "__unm"}) {
            L.setGlobal("strmt" + ev, L.stringMeta.rawget(ev));
        }
        return L;
    }

    @TestFactory
    Stream<DynamicTest> string() throws IOException {
        List<LibCases.Case> cases = LibCases.load("string.cases");
        LuaState L = newState();
        return cases.stream().map(c -> DynamicTest.dynamicTest("string.cases:" + c, () -> {
            String got = LibCases.run(L, c);
            if (!LibCases.matches(c, got)) assertEquals(LibCases.expected(c), got);
        }));
    }

    @Test
    void format() throws IOException {
        List<LibCases.Case> cases = LibCases.load("format.cases");
        LuaState L = newState();
        List<String> bad = new ArrayList<>();
        for (LibCases.Case c : cases) {
            String got;
            try {
                got = LibCases.run(L, c);
            } catch (RuntimeException e) {
                got = "exception " + e;
            }
            if (!LibCases.matches(c, got)) bad.add("line " + c.line() + "\n  want " + LibCases.expected(c) + "\n  got  " + got);
        }
        assertEquals(0, bad.size(), bad.size() + " of " + cases.size() + " format cases differ:\n"
                + String.join("\n", bad.subList(0, Math.min(60, bad.size()))));
    }
}
