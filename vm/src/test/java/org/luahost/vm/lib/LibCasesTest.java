package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Replays the library cases recorded from lua5.4 (resources/libcases, see
 * gen.lua and regen.sh): every call must give the reference's results or
 * error message, and leave its table arguments as the reference left them.
 * Cases of one file run in order on one state (math.random is stateful).
 */
class LibCasesTest {
    private static TimeZone saved;

    @BeforeAll
    static void saveZone() { saved = TimeZone.getDefault(); }

    @AfterAll
    static void restoreZone() { TimeZone.setDefault(saved); }

    private static Stream<DynamicTest> replay(String file, String zone) throws IOException {
        List<LibCases.Case> cases = LibCases.load(file);
        LuaState[] L = new LuaState[1];
        return cases.stream().map(c -> DynamicTest.dynamicTest(file + ":" + c, () -> {
            if (L[0] == null) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                L[0] = LuaState.create(Profile.TRUSTED);
                LibCases.prepare(L[0]);
            }
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            String got = LibCases.run(L[0], c);
            if (!LibCases.matches(c, got)) assertEquals(LibCases.expected(c), got);
        }));
    }

    @TestFactory
    Stream<DynamicTest> math() throws IOException { return replay("math.cases", "UTC"); }

    @TestFactory
    Stream<DynamicTest> table() throws IOException { return replay("table.cases", "UTC"); }

    @TestFactory
    Stream<DynamicTest> utf8() throws IOException { return replay("utf8.cases", "UTC"); }

    @TestFactory
    Stream<DynamicTest> osUtc() throws IOException { return replay("os_utc.cases", "UTC"); }

    @TestFactory
    Stream<DynamicTest> osNewYork() throws IOException { return replay("os_newyork.cases", "America/New_York"); }

    @TestFactory
    Stream<DynamicTest> osParis() throws IOException { return replay("os_paris.cases", "Europe/Paris"); }
}
