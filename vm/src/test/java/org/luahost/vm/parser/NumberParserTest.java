package org.luahost.vm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link NumberParser} against lua5.4's {@code tonumber}: type and exact value
 * of every string in {@code parser-errors/numbers.lua}, as recorded by regen.sh
 * in {@code numbers.txt}.
 */
class NumberParserTest {

    @TestFactory
    Stream<DynamicTest> stringsConvertAsInTheReference() {
        return Expected.rows("/parser-errors/numbers.txt").stream()
                .map(row -> DynamicTest.dynamicTest(Expected.label(row[0]), () -> check(row[0], row[1], row[2])));
    }

    private static void check(String s, String type, String value) {
        Object v = NumberParser.parse(s);
        switch (type) {
            case "nil" -> assertNull(v);
            case "integer" -> assertEquals(Long.valueOf(value), v);
            case "float" -> {
                double d = switch (value) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(value);   // C's %a, a Java hex float literal
                };
                assertEquals(Double.class, v == null ? null : v.getClass(), "type of " + v);
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) v),
                        () -> "expected " + d + " got " + v);
            }
            default -> throw new AssertionError(type);
        }
    }

    @Test
    void lexerNumeralsUseTheSameConversion() {
        Ast.Chunk c = Parser.parse("return 0xff, 1e2, 9223372036854775808, 0x7fffffffffffffff + 1", "=t");
        Ast.Return r = (Ast.Return) c.body().block().stats().getFirst();
        assertEquals(new Ast.Int(1, 255), r.exprs().get(0));
        assertEquals(new Ast.Flt(1, 100.0), r.exprs().get(1));
        assertEquals(new Ast.Flt(1, 9223372036854775808.0), r.exprs().get(2));
    }
}
