package org.luahost.cli.fuzz;

import java.util.Set;

/**
 * Expressions of each type hint: literals (with the integer and float edge
 * values), variables, operators and library calls. Every operand is
 * parenthesised, so the text never depends on precedence and never forms a
 * comment ({@code - -1}, not {@code --1}).
 *
 * <p>Most expressions are well typed for their hint; a few are not on purpose
 * (division by integer zero, arithmetic on strings, comparisons of mixed
 * types): the error is caught by the enclosing {@code pcall} and printed.
 */
abstract class ExprGen extends GenBase {
    static final String[] INTS = {"0", "1", "-1", "2", "3", "7", "10", "42", "-5", "255", "256", "1000",
        "0x7fffffff", "0xff", "math.maxinteger", "math.mininteger", "(math.maxinteger - 1)", "(math.mininteger + 1)",
        "9007199254740993", "-9223372036854775807", "0x7fffffffffffffff", "0xffffffffffffffff", "(1 << 62)",
        "100000000000000", "(1 << 31)", "-2147483648", "12", "-3"};
    static final String[] FLTS = {"0.0", "-0.0", "0.5", "1.5", "-2.5", "3.0", "1e308", "-1e308", "1e-310", "2^53",
        "2^63", "(-(2^63))", "math.huge", "(-math.huge)", "(0/0)", "(-(0/0))", "math.pi", "1e15", "1e16", "123456.789",
        "0.1", "-0.1", "1e100", "0x1p-2", "5e-324", "3.14159", "2.0^63", "1e300", "-7.25", "100.0", "0x10.8p0"};
    static final String[] STRS = {"", "a", "abc", "hello world", "Hello", "x\0y", "line1\nline2", "\t tab", "10",
        " 5 ", "0x10", "1e2", "3.5", "-7", "abc123", "a,b,,c", "key=val", "((x))", "%d", "\u00ff\u0080\0", "caf\u00c3\u00a9",
        "aaa", "The quick brown fox", "  padded  ", "x.y.z", "inf", "nan", "0x1p4", "9223372036854775807",
        "9223372036854775808", "1e", " 0x ", "[%]", "f(a,b)", "ABCabc", "one two  three", "10.0"};
    static final String[] PATTERNS = {"%a+", "%d+", "(%w+)=(%w+)", "^h", "o$", "[aeiou]", "[^%s]+", "%s*", ".-", "(.)%1",
        "%b()", "%f[%w]%w+", "()", "x*", "[%a_][%w_]*", "a?b", "%.", "[a-c]+", "(h)(e)", "%u", "%p", ".", "(%d)(%d?)",
        "[%d%.]+", "^%s*(.-)%s*$", "%x+", "l+", "(o)", "", "[]]", "%w-", "[a", "%", "(()", "%g", "[%z]", "%1"};
    static final String[] FORMATS_INT = {"%d", "%5d", "%-5d|", "%x", "%X", "%o", "%i", "%05d", "%+d", "%c", "%.3d", "% d"};
    static final String[] FORMATS_NUM = {"%5.2f", "%g", "%.3g", "%e", "%.0f", "%10.4f", "%.14g", "%a", "%G", "%.1e", "%f"};

    ExprGen(long seed, Set<String> off) { super(seed, off); }

    /** An expression with roughly this type; depth bounds the nesting. */
    String expr(T t, int d) {
        return switch (t) {
            case INT -> intExpr(d);
            case FLT -> fltExpr(d);
            case NUM -> numExpr(d);
            case STR -> strExpr(d);
            case BOOL -> boolExpr(d);
            case TBL -> tblExpr(d);
            case OBJ -> objExpr(d);
            case SEQI -> seqExpr(T.INT);
            case SEQS -> seqExpr(T.STR);
            case FUN -> funExpr(d);
            case ANY -> anyExpr(d);
        };
    }

    String atom(T t, String[] lits) {
        V v = var(false, t);
        if (v != null && chance(50)) return v.name();
        return pick(lits);
    }

    String bin(String a, String op, String b) { return "(" + a + " " + op + " " + b + ")"; }

    String intLit() { return pick(INTS); }

    /**
     * The right operand of an integer {@code //} or {@code %}: as is, or, with
     * the feature {@code intdivzero} off, through the prelude's {@code nz}
     * (0 becomes 1) so the division never raises "attempt to divide by zero"
     * (see tests/fuzz/known-divergences.txt).
     */
    String divisor(String e) { return on("intdivzero") ? e : "nz(" + e + ")"; }

    /** A binary operation whose right operand goes through {@link #divisor} when the operator divides. */
    String arith(String a, String op, String b) {
        return bin(a, op, op.equals("//") || op.equals("%") ? divisor(b) : b);
    }

    /** Integer-valued without any chance of error or nil: for sequences that get sorted. */
    String strictInt(int d) {
        if (d <= 0 || chance(40)) return chance(70) ? String.valueOf(between(-20, 99)) : intLit();
        return bin(strictInt(d - 1), pick("+", "-", "*", "&", "|", "~"), strictInt(d - 1));
    }

    String intExpr(int d) {
        if (d <= 0 || chance(25)) return atom(T.INT, INTS);
        return switch (r.nextInt(17)) {
            case 0, 1, 2 -> bin(intExpr(d - 1), pick("+", "-", "*"), intExpr(d - 1));
            case 3 -> arith(intExpr(d - 1), pick("//", "%"), chance(10) ? "0" : intExpr(d - 1));
            case 4 -> on("bitwise") ? bin(intExpr(d - 1), pick("&", "|", "~"), intExpr(d - 1)) : intLit();
            case 5 -> on("bitwise") ? bin(intExpr(d - 1), pick("<<", ">>"), pick("0", "1", "3", "31", "62", "63", "64", "-1", "-63", "100")) : intLit();
            case 6 -> "(" + pick("- ", "~ ") + intExpr(d - 1) + ")";
            case 7 -> "#" + pick(strExpr(d - 1), seqVar());
            case 8 -> pick("math.abs", "math.tointeger", "math.floor", "math.ceil") + "(" + intExpr(d - 1) + ")";
            case 9 -> pick("math.max", "math.min") + "(" + intExpr(d - 1) + ", " + intExpr(d - 1) + ")";
            case 10 -> "math.tointeger(" + numExpr(d - 1) + ")";
            case 11 -> pick("math.floor", "math.ceil") + "(" + fltExpr(d - 1) + ")";
            case 12 -> "(" + strExpr(d - 1) + "):len()";
            case 13 -> vararg && chance(50) ? "select(\"#\", ...)" : "string.byte(" + strExpr(d - 1) + ", " + pick("1", "-1", "2") + ")";
            case 14 -> "tonumber(" + pick("\"10\"", "\"0x7fffffffffffffff\"", "\" 12 \"", "\"-0x10\"", "\"zz\", 36", "\"777\", 8",
                    "\"1e1\"", "\"9223372036854775808\"", "\"ff\", 16", "\"11\", 2", "\"8\", 8", "\"z\", 37") + ")";
            case 15 -> arith(pick("\"10\"", "\"3\"", "\"0x10\"", "\" 7 \"", "\"2\""), pick("+", "*", "//", "-"), intExpr(d - 1));
            default -> "(" + boolExpr(d - 1) + " and " + intExpr(d - 1) + " or " + intExpr(d - 1) + ")";
        };
    }

    String fltExpr(int d) {
        if (!on("float")) return intExpr(d);
        if (d <= 0 || chance(25)) return atom(T.FLT, FLTS);
        return switch (r.nextInt(12)) {
            case 0, 1 -> bin(numExpr(d - 1), "/", numExpr(d - 1));
            case 2 -> bin(numExpr(d - 1), "^", pick("2", "0.5", "-1", "0", "3", "63", "1024", "-1074"));
            case 3, 4 -> arith(fltExpr(d - 1), pick("+", "-", "*", "//", "%"), numExpr(d - 1));
            case 5 -> pick("math.sqrt", "math.abs", "-") + "(" + fltExpr(d - 1) + ")";
            case 6 -> "math.fmod(" + numExpr(d - 1) + ", " + pick(numExpr(d - 1), "0", "0.0", "-1", "math.huge") + ")";
            case 7 -> bin(intExpr(d - 1), "+", "0.0");
            case 8 -> pick("math.max", "math.min") + "(" + fltExpr(d - 1) + ", " + numExpr(d - 1) + ")";
            case 9 -> "tonumber(" + pick("\"1.5\"", "\"0x1p-1\"", "\" 1e10 \"", "\"-.5\"", "\"5.\"", "\"0x.8\"", "\"1e400\"",
                    "\"inf\"", "\"0x1P+4\"") + ")";
            case 10 -> on("libm") ? pick("math.exp", "math.log", "math.sin", "math.cos") + "(" + pick("0", "1", "0.5", "2", "-1", "10") + ")"
                    : "math.sqrt(2)";
            default -> bin(pick("\"1.5\"", "\"1e2\"", "\"0x1p4\"", "\"-0.0\""), pick("+", "*", "/"), numExpr(d - 1));
        };
    }

    String numExpr(int d) {
        if (chance(45)) return intExpr(d);
        if (chance(70)) return fltExpr(d);
        return arith(intExpr(d - 1), pick("+", "-", "*", "/", "//", "%", "^"), fltExpr(d - 1));
    }

    String strLit() {
        String s = pick(STRS);
        if (chance(8)) return "[[" + s.replace("]", "").replace("\0", "").replace("\n", on("longstring") ? "\n" : " ") + "]]";
        if (chance(5)) return on("longstring") ? "[==[\n" + s.replace("]", "").replace("\0", "") + "]==]" : "[==[" + s.replace("]", "").replace("\0", "").replace("\n", " ") + "]==]";
        return quote(s);
    }

    String strExpr(int d) {
        if (d <= 0 || chance(25)) {
            V v = var(false, T.STR);
            return v != null && chance(50) ? v.name() : strLit();
        }
        if (!on("string")) return bin(strExpr(d - 1), "..", strExpr(d - 1));
        return switch (r.nextInt(16)) {
            case 0, 1 -> bin(strExpr(d - 1), "..", pick(strExpr(d - 1), numExpr(d - 1)));
            case 2 -> bin(numExpr(d - 1), "..", strLit());
            case 3 -> "string.rep(" + capped(strExpr(d - 1)) + ", " + pick("0", "1", "2", "3", "-1", "5") + (chance(40) ? ", " + strLit() : "") + ")";
            case 4 -> "(" + strExpr(d - 1) + "):sub(" + pick("1", "2", "-1", "-3", "0", "100", "-100", "math.mininteger", "math.maxinteger")
                    + (chance(70) ? ", " + pick("1", "3", "-1", "-2", "0", "100", "math.maxinteger", "math.mininteger") : "") + ")";
            case 5 -> "(" + strExpr(d - 1) + "):" + pick("upper", "lower", "reverse") + "()";
            case 6, 7 -> format(d);
            case 8 -> "tostring(" + pick(numExpr(d - 1), boolExpr(d - 1), "nil") + ")";
            case 9 -> "string.char(" + between(0, 255) + (chance(60) ? ", " + between(32, 126) : "") + ")";
            case 10 -> on("pattern") ? "(string.gsub(" + capped(strExpr(d - 1)) + ", " + quote(pick(PATTERNS)) + ", " + gsubRepl(d) + "))"
                    : strLit();
            case 11 -> on("pattern") ? "(" + strExpr(d - 1) + "):match(" + quote(pick(PATTERNS)) + ")" : strLit();
            case 12 -> "table.concat(" + seqVar() + ", " + pick("\",\"", "\"\"", "\" - \"") + (chance(30) ? ", 2" : "") + ")";
            case 13 -> "string.format(\"%q\", " + pick(strExpr(d - 1), intExpr(d - 1), fltExpr(d - 1)) + ")";
            case 14 -> "(" + numExpr(d - 1) + " .. \"\")";
            default -> "(" + boolExpr(d - 1) + " and " + strExpr(d - 1) + " or " + strExpr(d - 1) + ")";
        };
    }

    /**
     * A string expression cut to 40 characters: the subject of {@code rep} and
     * {@code gsub}, which would otherwise grow a string geometrically when a
     * loop feeds a variable back into them.
     */
    String capped(String s) { return "(" + s + "):sub(1, 40)"; }

    String gsubRepl(int d) {
        return switch (r.nextInt(5)) {
            case 0 -> quote(pick("<%0>", "%1", "%%", "x", "", "[%1|%2]", "%2"));
            case 1 -> "{a = \"A\", h = 1, e = false, [\"o\"] = 2.5}";
            case 2 -> "function(m, ...) return " + pick("m:upper()", "nil", "false", "#m", "m .. select(\"#\", ...)", "{}") + " end";
            case 3 -> strLit();
            default -> quote("-");
        };
    }

    String format(int d) {
        if (!on("format")) return strLit();
        return switch (r.nextInt(5)) {
            case 0, 1 -> "string.format(\"" + pick(FORMATS_INT) + "\", " + intExpr(d - 1) + ")";
            case 2 -> "string.format(\"" + pick(FORMATS_NUM) + "\", " + numExpr(d - 1) + ")";
            case 3 -> "string.format(\"" + pick("%s|%s", "%-6s|%6s", "%.2s %s", "[%10.3s]%s") + "\", " + strExpr(d - 1) + ", "
                    + pick(strExpr(d - 1), numExpr(d - 1), "true", "nil") + ")";
            default -> "string.format(\"" + pick("%d %s", "%x-%q", "%5.1f%%%d") + "\", " + pick(intExpr(d - 1), fltExpr(d - 1)) + ", "
                    + pick(intExpr(d - 1), strExpr(d - 1)) + ")";
        };
    }

    String boolExpr(int d) {
        if (d <= 0 || chance(15)) {
            V v = var(false, T.BOOL);
            return v != null && chance(50) ? v.name() : pick("true", "false");
        }
        return switch (r.nextInt(11)) {
            case 0, 1 -> bin(numExpr(d - 1), pick("<", "<=", ">", ">=", "==", "~="), numExpr(d - 1));
            case 2 -> bin(strExpr(d - 1), pick("<", "<=", "==", "~="), strExpr(d - 1));
            case 3 -> bin(anyExpr(d - 1), pick("==", "~="), anyExpr(d - 1));
            case 4 -> chance(20) ? bin(numExpr(d - 1), pick("<", ">="), strExpr(d - 1)) : bin(intExpr(d - 1), "<", fltExpr(d - 1));
            case 5 -> "(not " + anyExpr(d - 1) + ")";
            case 6 -> bin(boolExpr(d - 1), pick("and", "or"), boolExpr(d - 1));
            case 7 -> "(math.type(" + numExpr(d - 1) + ") == \"float\")";
            case 8 -> "rawequal(" + anyExpr(d - 1) + ", " + anyExpr(d - 1) + ")";
            case 9 -> "math.ult(" + intExpr(d - 1) + ", " + intExpr(d - 1) + ")";
            default -> on("pattern") ? "(string.find(" + strExpr(d - 1) + ", " + quote(pick(PATTERNS)) + ", " + pick("1", "-3", "10", "0")
                    + (chance(30) ? ", true" : "") + ") ~= nil)" : "true";
        };
    }

    /** A plain table constructor. */
    String tblExpr(int d) {
        V v = var(false, T.TBL);
        if (v != null && chance(40)) return v.name();
        StringBuilder b = new StringBuilder("{");
        int n = between(0, 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(pick(", ", "; "));
            switch (r.nextInt(4)) {
                case 0 -> b.append(pick("a", "b", "name", "x", "y", "n")).append(" = ").append(anyExpr(d - 1));
                case 1 -> b.append("[").append(pick("1", "2", "1.0", "\"k\"", "-1", "0", "2^53", "true", "3.5")).append("] = ").append(anyExpr(d - 1));
                default -> b.append(anyExpr(d - 1));
            }
        }
        if (chance(15)) b.append(n > 0 ? ", " : "").append(vararg ? "..." : "table.unpack({1, 2, nil, 4}, 1, 4)");
        return b.append("}").toString();
    }

    String seqExpr(T elem) {
        StringBuilder b = new StringBuilder("{");
        int n = between(0, 6);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(", ");
            b.append(elem == T.INT ? strictInt(2) : quote(pick(STRS)));
        }
        return b.append("}").toString();
    }

    /** A sequence variable, or a fresh sequence constructor. */
    String seqVar() {
        V v = var(false, T.SEQI, T.SEQS);
        return v != null ? v.name() : seqExpr(pick(T.INT, T.STR));
    }

    String objExpr(int d) {
        V v = var(false, T.OBJ);
        if (v != null && chance(60)) return v.name();
        if (classes.isEmpty() || !on("metatable")) return tblExpr(d);
        return "setmetatable({id = " + (++counter) + ", x = " + numExpr(d - 1) + "}, " + pick(classes).name() + ")";
    }

    String funExpr(int d) {
        V v = var(false, T.FUN);
        if (v != null && chance(60)) return v.name();
        return "function(a, b) return " + noVararg(() -> anyExpr(d - 1)) + ", a end";
    }

    /** A call of a defined function with some arguments; may give any number of values. */
    String call(int d) {
        V f = var(false, T.FUN);
        if (f == null) return "select(" + pick("1", "2", "-1", "\"#\"") + ", " + anyExpr(d - 1) + ", " + anyExpr(d - 1) + ")";
        StringBuilder b = new StringBuilder(f.name()).append("(");
        int n = between(0, 3);
        for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(anyExpr(d - 1));
        return b.append(")").toString();
    }

    String anyExpr(int d) {
        if (d <= 0) return pick(intLit(), pick(FLTS), strLit(), "nil", "true", "false");
        return switch (r.nextInt(20)) {
            case 0, 1 -> intExpr(d);
            case 2, 3 -> fltExpr(d);
            case 4, 5 -> strExpr(d);
            case 6 -> boolExpr(d);
            case 7 -> "nil";
            case 8 -> tblExpr(d);
            case 9 -> objExpr(d);
            case 10 -> "(" + call(d) + ")";
            case 11 -> {
                V v = var(false, T.values());
                yield v != null ? v.name() : "nil";
            }
            case 12 -> on("metatable") ? objArith(d) : intExpr(d);
            case 13 -> field(d);
            case 14 -> "(" + boolExpr(d - 1) + " and " + anyExpr(d - 1) + " or " + anyExpr(d - 1) + ")";
            case 15 -> vararg ? pick("...", "(...)", "select(2, ...)", "select(-1, ...)") : "nil";
            case 16 -> chance(30) ? arith(anyExpr(d - 1), pick("+", "..", "<", "==", "//", "&"), anyExpr(d - 1)) : numExpr(d);
            case 17 -> "#" + pick(objExpr(d - 1), strExpr(d - 1), seqVar());
            default -> numExpr(d);
        };
    }

    /** An operator on an object: the metamethod runs, or the error names the operand. */
    String objArith(int d) {
        String o = objExpr(d - 1);
        String other = pick(intExpr(d - 1), strExpr(d - 1), objExpr(d - 1), intExpr(d - 1), fltExpr(d - 1));
        String op = pick("+", "-", "*", "/", "%", "^", "//", "&", "|", "~", "<<", ">>", "..", "==", "<", "<=", ">", ">=", "~=");
        if (op.equals("&") || op.equals("|") || op.equals("~") || op.equals("<<") || op.equals(">>")) {
            if (!on("bitwise")) op = "+";
        }
        if (chance(25)) return "(" + pick("- ", "~ ", "#") + o + ")";
        if (chance(15)) return "(" + o + ")(" + anyExpr(d - 1) + ")";
        return chance(50) ? arith(o, op, other) : arith(other, op, o);
    }

    /** A field read: plain tables, objects (through __index), strings' methods, chains that may index nil. */
    String field(int d) {
        return switch (r.nextInt(5)) {
            case 0 -> "(" + tblExpr(d - 1) + ")." + pick("a", "b", "name", "x", "missing");
            case 1 -> "(" + objExpr(d - 1) + ")." + pick("x", "id", "name", "get", "base", "missing");
            case 2 -> "(" + objExpr(d - 1) + ")[" + pick("1", "\"x\"", "2.0", "true", intExpr(d - 1)) + "]";
            case 3 -> "(" + tblExpr(d - 1) + ")" + pick(".a.b", "[1][2]", ".x");
            default -> "(" + seqVar() + ")[" + pick("1", "2", "-1", "0", "#" + seqVar(), "1.0", "3.5") + "]";
        };
    }
}
