package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Corner cases of the library and the lexer that held-out conformance
 * suites test and the other layers did not write (feature {@code corners}):
 * {@code string.format} conversions with flags and precisions, {@code %q} of
 * numbers, {@code string.pack}/{@code unpack}, integer and float division
 * and modulo by negative numbers, zero, inf and nan, float keys that are
 * integers, {@code math.tointeger}/{@code type}/{@code ult}/{@code fmod},
 * {@code utf8} with the lax flag and invalid sequences, overlapping
 * {@code table.move}, {@code select} with negative indices,
 * {@code byte}/{@code sub} out of range, comparisons of integers and floats
 * near 2^53 and 2^63, escapes and long strings, {@code goto continue}, and
 * numeric {@code for} loops at the ends of the integer range.
 *
 * <p>Each statement prints its values through {@code P} inside a
 * {@code pcall}, so an error is one more printed value.
 */
abstract class Corners extends Templates {
    Corners(long seed, Set<String> off) { super(seed, off); }

    static final String[] FMT = {"%a", "%A", "%.3a", "%.0a", "%g", "%.0g", "%.1g", "%.17g", "%#g", "%#.3g", "%-12g|", "%+.3e",
        "%012.3f", "%#x", "%#o", "%.0e", "%5.1g", "%-+8.2f|", "% .2f", "%.99f"};
    static final String[] FMT_ARGS = {"0.0", "-0.0", "1.0", "0.1", "-1.5", "1e300", "5e-324", "2^53", "2^63", "-2^63", "1/0",
        "-1/0", "123456789.125", "1e-5", "100", "-7", "math.pi", "0x1p-1074", "3", "math.maxinteger", "math.mininteger", "255"};
    static final String[] Q_ARGS = {"0.0", "-0.0", "1.5", "1e300", "-1e-300", "1/0", "-1/0", "math.mininteger", "math.maxinteger",
        "0", "-1", "2^63", "0.1", "5e-324", "\"a\\0b\\r\\n\\\"\"", "\"\\200\\255\"", "255", "2^53 + 1"};
    static final String[] PACKS = {"i4", ">I2", "<i8", "b", "B", "h", ">H", "j", "J", "T", "d", "f", "n", "z", "s1", "s2",
        "i3", ">i16", "I7", "<!4 i1 i4", "i1 x i2", "c5", "bXi4", "=I3"};
    static final String[] PACK_VALUES = {"0", "1", "-1", "127", "-128", "255", "256", "65535", "-32768", "math.maxinteger",
        "math.mininteger", "1.5", "2^31", "\"abc\"", "\"\"", "0x7fffffff"};
    static final String[] DIVS = {"7 // -2", "-7 // 2", "7 % -2", "-7 % 2", "7.0 // -2", "-7 % 2.0", "7 % -0.0", "-7 // 0.0",
        "0.0 // 0", "0 % -1", "math.mininteger // -1", "math.mininteger % -1", "math.mininteger // 1.0", "1 // (1/0)",
        "-1 // (1/0)", "1 % (1/0)", "-1 % (1/0)", "(1/0) // 1", "(1/0) % 2", "(0/0) % 1", "5 % (0/0)", "-0.0 // 1",
        "-0.0 % 1", "0.0 % -1", "3 // -0.5", "-3 % 0.75", "5.5 // -1.5", "math.maxinteger % -3", "-9 // 4", "9 % -4.0"};
    static final String[] KEYS = {"1", "1.0", "2^53", "-0.0", "0", "3.5", "math.maxinteger + 0.0", "\"1\"", "2^63", "-2^63"};
    static final String[] MATHS = {"math.tointeger(3.0)", "math.tointeger(-0.0)", "math.tointeger(2^63)", "math.tointeger(-2^63)",
        "math.tointeger(\"5\")", "math.tointeger(1/0)", "math.tointeger(0/0)", "math.type(2^53)", "math.type(\"1\")",
        "math.type(math.mininteger)", "math.ult(-1, 1)", "math.ult(0, math.mininteger)", "math.ult(math.maxinteger, math.mininteger)",
        "math.fmod(7, -3)", "math.fmod(-7, 3)", "math.fmod(-7, 3.0)", "math.fmod(1, 0.0)", "math.fmod(0/0, 1)",
        "math.fmod(math.mininteger, math.mininteger)", "math.fmod(5, 1/0)", "math.fmod(-6.0, -4)", "math.abs(-0.0)",
        "math.max(0.0, -0.0)", "math.min(-0.0, 0.0)", "math.max(1, 1.0)", "math.floor(2^62)", "math.ceil(-2^63)",
        "math.floor(-0.5)", "3 | math.tointeger(2.0)", "math.tointeger(2^53 + 1.0)"};
    static final String[] UTF8 = {"utf8.len(\"\\xff\")", "utf8.len(\"a\\xe4b\")", "utf8.len(\"\\xed\\xa0\\x80\")",
        "utf8.len(\"\\xed\\xa0\\x80\", 1, -1, true)", "utf8.len(\"\\xf4\\x90\\x80\\x80\")", "utf8.len(\"\\xf4\\x90\\x80\\x80\", 1, -1, true)",
        "utf8.len(\"h\\u{e4}llo\", 3)", "utf8.len(\"abc\", 5)", "utf8.len(\"abc\", -1)", "utf8.len(\"\", 1)",
        "utf8.codepoint(\"\\u{7FFFFFFF}\", 1, 1, true)", "utf8.codepoint(\"h\\u{e4}\", 1, -1)", "utf8.codepoint(\"\\xc0\\x80\")",
        "utf8.char(0x7FFFFFFF):byte(1, -1)", "utf8.char(0, 0x10FFFF, 0x110000):byte(1, -1)", "utf8.char()",
        "utf8.offset(\"a\\u{e4}b\", 3)", "utf8.offset(\"a\\u{e4}b\", -1)", "utf8.offset(\"a\\u{e4}b\", 0, 3)",
        "utf8.offset(\"a\\u{e4}b\", 1, 3)", "utf8.offset(\"abc\", 5)", "#utf8.charpattern",
        "utf8.codepoint(\"\\u{D7FF}\\u{E000}\", 1, -1)", "utf8.len(\"\\u{D800}\", 1, -1, true)"};
    static final String[] MOVES = {"1, 3, 2", "2, 5, 1", "1, 5, 3", "3, 5, 1", "1, 0, 2", "1, 2, 4", "-1, 1, 1", "2, 4, 2",
        "1, 5, 5", "5, 5, 1"};
    static final String[] SELECTS = {"select(\"#\")", "select(\"#\", nil, nil)", "select(-1, 1, 2, 3)", "select(-3, 1, 2, 3)",
        "select(-4, 1, 2, 3)", "select(2, 1)", "select(4, 1, 2, 3)", "select(0, 1)", "select(1.0, \"a\")", "select(\"2\", \"a\", \"b\")",
        "select(math.maxinteger, 1)", "select(2.5, 1)"};
    static final String[] SUBS = {"(\"hello\"):sub(-3)", "(\"hello\"):sub(-100, 2)", "(\"hello\"):sub(4, 100)", "(\"hello\"):sub(0)",
        "(\"hello\"):sub(3, 2)", "(\"hello\"):sub(math.mininteger, math.maxinteger)", "(\"hello\"):sub(-2, -3)",
        "(\"hello\"):byte(-1)", "(\"hello\"):byte(10)", "(\"hello\"):byte(0)", "(\"hello\"):byte(-10, 2)", "(\"hello\"):byte(2, -2)",
        "(\"\"):byte()", "(\"x\"):rep(3)", "(\"ab\"):rep(3, \",\")", "(\"%d\"):format(7)", "(\"A\"):lower():upper()", "(\"abc\"):len()",
        "(\"abc\"):reverse()", "(\"x\"):rep(0, \"sep\")", "#(\"x\"):rep(3, \"\")", "(\"hi\"):find(\"i\", -1)", "(\"hi\"):find(\"\", 10)",
        "(\"hi\"):find(\"\", 3)", "(\"a.b\"):find(\".\", 1, true)", "(5):type()"};
    static final String[] TOSTRS = {"tostring(0/0)", "tostring(-(0/0))", "tostring(1/0)", "tostring(-1/0)", "tostring(-0.0)",
        "tostring(2^63)", "tostring(-2^63)", "tostring(1e15)", "tostring(1e16)", "tostring(0.1)", "tostring(1/3)",
        "tostring(123456789012.0)", "tostring(-1e-7)", "tostring(2^53)", "-0.0 == 0", "tostring(3) == tostring(3.0)",
        "math.huge // 0", "-math.huge % 1", "(0/0) // 0.0", "1e308 + 1e308 - 1e308"};
    static final String[] CMPS = {"2^53 == 2^53 + 1", "9007199254740993 == 2^53", "9007199254740993 < 2^53 + 2",
        "9007199254740993 > 2^53", "math.maxinteger == 2^63", "math.maxinteger < 2^63", "math.maxinteger + 1.0 > math.maxinteger",
        "math.mininteger == -2^63", "math.mininteger <= -2^63", "math.mininteger < -2^63", "-9223372036854775807 > -2^63",
        "1 == 1.0", "(1 << 53) + 1 < 2^53 + 2.0", "math.maxinteger >= 0x1p63", "math.maxinteger - 1 < 9.2233720368547758e18",
        "(0/0) < 1", "1 <= 0/0", "math.mininteger < 0/0", "2^63 > math.mininteger", "-(2^63) < math.mininteger + 1"};
    static final String[] ESCAPES = {"\"\\z\n      tail\"", "\"\\x41\\x62\\x7A\"", "\"\\u{48}\\u{e4}\\u{20AC}\"", "\"\\u{7FFFFFFF}\"",
        "\"\\065\\066\\0677\"", "\"a\\\nb\"", "'\\'\\\"'", "[[\nfirst newline skipped]]", "[==[a]]b]=]c]==]", "\"\\9\\09\\009x\"",
        "\"\\u{0}\"", "\"tab\\tbell\\a\\v\\f\"", "[[\r\nx]]", "\"\\255\\128\"", "\"\\z   \""};

    @Override
    void corners(int d) {
        if (!on("corners")) {
            print(d);
            return;
        }
        List<String> es = new ArrayList<>();
        switch (r.nextInt(12)) {
            case 0 -> {
                for (int i = 0; i < between(1, 3); i++) es.add("string.format(\"" + pick(FMT) + "\", " + pick(FMT_ARGS) + ")");
            }
            case 1 -> {
                for (int i = 0; i < between(1, 3); i++) {
                    es.add(chance(70) ? "string.format(\"%q\", " + pick(Q_ARGS) + ")"
                            : "string.format(\"" + pick("%5.2s", "%-5.3s|", "%.0s", "%10s", "%.20s") + "\", " + strExpr(1) + ")");
                }
            }
            case 2 -> pack(es);
            case 3 -> {
                for (int i = 0; i < between(1, 4); i++) es.add(pick(DIVS));
            }
            case 4 -> {
                String t = fresh("kt");
                line("local " + t + " = {}");
                for (int i = 0; i < between(1, 3); i++) line(t + "[" + pick(KEYS) + "] = " + quote(pick(STRS)));
                es.add(t + "[" + pick(KEYS) + "]");
                es.add(t + "[" + pick(KEYS) + "]");
                es.add("next(" + t + ") ~= nil");
                es.add(t);
            }
            case 5 -> {
                for (int i = 0; i < between(1, 4); i++) es.add(pick(MATHS));
            }
            case 6 -> {
                if (!on("utf8")) es.add("1");
                else for (int i = 0; i < between(1, 3); i++) es.add(pick(UTF8));
                if (on("utf8") && chance(30)) {
                    es.clear();
                    open("for p, c in utf8.codes(" + pick("\"a\\u{e4}\\u{20AC}\"", "\"ab\\xff\"", "\"\\xed\\xa0\\x80\"") + pick("", ", true") + ") do");
                    line("P(p, c)");
                    close("end");
                    return;
                }
            }
            case 7 -> {
                String q = fresh("mv");
                line("local " + q + " = {1, 2, 3, 4, 5}");
                es.add("table.move(" + q + ", " + pick(MOVES) + ")");
                es.add("table.move(" + q + ", " + pick(MOVES) + ", " + pick(q, "{}", "{9, 9}") + ")");
                es.add(q);
            }
            case 8 -> {
                for (int i = 0; i < between(1, 4); i++) es.add(pick(pick(SELECTS, SUBS)));
            }
            case 9 -> {
                for (int i = 0; i < between(1, 4); i++) es.add(pick(pick(TOSTRS, CMPS)));
            }
            case 10 -> {
                for (int i = 0; i < between(1, 3); i++) es.add(pick(ESCAPES));
            }
            default -> {
                loopCorner();
                return;
            }
        }
        line("P(pcall(function() return " + String.join(", ", es) + " end))");
    }

    void pack(List<String> es) {
        String f = pick(PACKS);
        int n = f.equals("i1 x i2") || f.equals("<!4 i1 i4") ? 2 : 1;
        List<String> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) vs.add(f.startsWith("s") || f.equals("z") || f.startsWith("c") ? pick("\"abc\"", "\"\"", "\"abcde\"", "1") : pick(PACK_VALUES));
        String packed = "string.pack(\"" + f + "\", " + String.join(", ", vs) + ")";
        es.add("(" + packed + "):byte(1, -1)");
        es.add("string.unpack(\"" + f + "\", " + packed + ")");
        es.add("string.packsize(\"" + pick("i4", "d", "!8 i1 i8", "c3", "j n", "s", "z") + "\")");
        if (chance(40)) es.add("string.unpack(\"" + pick("i2", ">i2", "B", "z", "s1", "c2") + "\", \"\\1\\2\\3\", " + pick("1", "2", "-1", "3", "4") + ")");
    }

    /** goto continue, and numeric loops at the ends of the integer range. */
    void loopCorner() {
        String i = fresh("i");
        switch (r.nextInt(3)) {
            case 0 -> {
                open("for " + i + " = 1, " + between(3, 6) + " do");
                line("if " + i + " % " + between(2, 3) + " == 0 then goto continue end");
                line("P(\"goto\", " + i + ")");
                line("::continue::");
                close("end");
            }
            case 1 -> {
                String c = fresh("c");
                line("local " + c + " = 0");
                open("for " + i + " = " + pick("math.maxinteger - 2, math.maxinteger", "math.mininteger + 2, math.mininteger, -1",
                        "math.maxinteger - 1, math.maxinteger, 2", "math.mininteger, math.mininteger + 2",
                        "1, math.maxinteger, math.maxinteger // 2", "-1, math.mininteger, math.mininteger",
                        "math.maxinteger, math.maxinteger - 5, math.mininteger", "0, 2^53, 2^52", "2^53 - 2, 2^53 - 1",
                        "3, 1.5, -0.5", "1, 3.9", "math.maxinteger - 1, 1/0, 1", "0/0, 1", "1.0, 0/0", "1, 0/0, -1", "1, 0/0",
                        "2.0, 1, 0/0", "-(0/0), 1, -1", "1/0, 1/0", "-1/0, 0, 1e308") + " do");
                line("P(\"edge\", " + i + ", math.type(" + i + "))");
                line(c + " = " + c + " + 1");
                line("if " + c + " > 3 then break end");
                close("end");
            }
            default -> {
                String n = fresh("n");
                line("local " + n + " = 0");
                open("while " + n + " < " + between(2, 5) + " do");
                line(n + " = " + n + " + 1");
                open("do");
                line("if " + n + " == 2 then goto next end");
                line("P(\"w\", " + n + ")");
                close("end");
                line("::next::");
                close("end");
            }
        }
    }
}
