package org.luahost.vm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lexer and parser error messages (and chunk ids, and the nesting limit)
 * against lua5.4: every snippet of {@code parser-errors/cases.lua} must give
 * exactly the outcome regen.sh recorded in {@code expected.txt}.
 */
class ParserErrorsTest {
    /** The generator calls load() from Lua code: two C calls active in the reference. */
    private static final int LOAD_C_CALLS = 2;

    private static final List<String[]> ROWS = Expected.rows("/parser-errors/expected.txt");

    @Test
    void thereAreEnoughCases() {
        long errors = ROWS.stream().filter(r -> !r[2].equals("OK")).count();
        assertTrue(errors >= 200, "only " + errors + " error snippets");
    }

    @TestFactory
    Stream<DynamicTest> snippetsGiveTheReferenceOutcome() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(Expected.label(row[1]), () -> {
            String name = row[0];
            String source = row[1];
            String expected = row[2];
            assertEquals(expected, outcome(source, name));
        }));
    }

    static String outcome(String source, String chunkName) {
        try {
            Parser.parse(source, chunkName, LOAD_C_CALLS);
            return "OK";
        } catch (SyntaxError e) {
            return e.getMessage();
        }
    }
}
