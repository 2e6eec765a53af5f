package org.luahost.cli.fuzz;

import java.util.Random;
import java.util.function.IntFunction;

/**
 * Limit probes of the syntax fuzzer ({@link SyntaxMutator}): statements that
 * nest, declare or use near lua5.4's limits (200 C levels, 200 locals, 255
 * upvalues, 255 registers, long lines and many lines), with sizes drawn
 * around each limit so that off-by-one counts show, inserted at the start
 * of a line of a corpus source (so at a different depth each time) or alone.
 */
final class Limits {
    private Limits() {}

    /** A source with one limit probe in it. */
    static String probe(Random rnd, String src) {
        String p = snippet(rnd);
        if (src.isEmpty() || rnd.nextInt(4) == 0) return p;
        int at = 0;
        for (int tries = 0; tries < 20; tries++) {
            int k = src.indexOf('\n', rnd.nextInt(src.length()));
            if (k >= 0) {
                at = k + 1;
                break;
            }
        }
        return src.substring(0, at) + p + "\n" + src.substring(at);
    }

    /** n, drawn around the limit (limit - 12 ... limit + 12, now and then far beyond). */
    private static int around(Random rnd, int limit) {
        return rnd.nextInt(8) == 0 ? limit + rnd.nextInt(limit * 3) : limit - 12 + rnd.nextInt(25);
    }

    private static String nest(int n, String open, String mid, String close) {
        return open.repeat(n) + mid + close.repeat(n);
    }

    private static String list(int n, IntFunction<String> item, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) b.append(i > 1 ? sep : "").append(item.apply(i));
        return b.toString();
    }

    static String snippet(Random rnd) {
        int c = around(rnd, 200);
        return switch (rnd.nextInt(26)) {
            case 0 -> "local x = " + nest(c, "(", "1", ")");
            case 1 -> "local x = " + nest(c, "{", "", "}");
            case 2 -> nest(c, "do ", "", " end");
            case 3 -> "local x = " + "not ".repeat(c) + "1";
            case 4 -> "local x = " + "- ".repeat(c) + "1";
            case 5 -> "local x = 1" + " .. 1".repeat(c);
            case 6 -> "local x = 1" + " ^ 1".repeat(c);
            case 7 -> "local x = " + nest(c, "function() return ", "1", " end");
            case 8 -> nest(c, "if x then ", "", " end");
            case 9 -> nest(c, "while x do ", "", " end");
            case 10 -> "local x = " + nest(c, "f(", "1", ")");
            case 11 -> "local x = " + nest(c, "a[", "1", "]");
            case 12 -> "local x = " + nest(c, "{x = ", "1", "}");
            case 13 -> "local " + list(around(rnd, 200), i -> "a" + i, ", ");
            case 14 -> list(around(rnd, 200), i -> "local a" + i, rnd.nextBoolean() ? "\n" : " ");
            case 15 -> "local function f(" + list(around(rnd, 200), i -> "a" + i, ", ") + ") end";
            case 16 -> "for " + list(around(rnd, 200), i -> "a" + i, ", ") + " in x do end";
            case 17 -> upvalues(rnd);
            case 18 -> "f(" + list(around(rnd, 250), Integer::toString, ", ") + ")";
            case 19 -> "return " + list(around(rnd, 250), i -> "x" + i, ", ");
            case 20 -> "local x = " + list(around(rnd, 250), i -> "a" + i, " .. ");
            case 21 -> "local x = " + nest(c, "1 + (", "1", ")");
            case 22 -> "local x = {" + list(around(rnd, 250), i -> "f()", ", ") + "}";
            case 23 -> "x = " + "a".repeat(1 + rnd.nextInt(400)) + (rnd.nextBoolean() ? " +" : " y");
            case 24 -> "\n".repeat(rnd.nextInt(100_000)) + "x = = 1";
            default -> nest(c, "repeat ", "", " until x");
        };
    }

    /** A function that refers to about 255 upvalues, taken from two enclosing functions. */
    private static String upvalues(Random rnd) {
        int n = around(rnd, 255), a = Math.min(n, 150 + rnd.nextInt(40));
        return list(a, i -> "local p" + i + " = 1", " ") + " local function f() "
                + list(n - a, i -> "local q" + i + " = 1", " ") + " return function() "
                + list(n, i -> "x = " + (i <= a ? "p" + i : "q" + (i - a)), " ") + " end end";
    }
}
