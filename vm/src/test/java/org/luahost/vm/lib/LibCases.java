package org.luahost.vm.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.runtime.NumFmt;
import org.luahost.vm.runtime.Ops;

/**
 * Reads the case files that {@code libcases/gen.lua} produced on the
 * reference interpreter and replays them through the Java API: parses each
 * line's arguments, calls the library function on a Lua state, and
 * serializes the results (or error) and the arguments afterwards exactly as
 * gen.lua does, so a case passes when the two lines are equal.
 */
final class LibCases {
    private LibCases() {}

    /** One line of a case file. */
    record Case(int line, String fname, String args, String outcome, String after) {
        @Override
        public String toString() { return line + ": " + fname + args; }
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = LibCases.class.getResourceAsStream("/libcases/" + resource)) {
            if (in == null) throw new IOException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] p = s.split("\t", -1);
                out.add(new Case(n, p[0], p[1], p[2], p[3]));
            }
        }
        return out;
    }

    /** Defines the globals the case files use besides the libraries (utf8.lua's ITER and LITER). */
    static void prepare(LuaState L) {
        LuaTable utf8 = (LuaTable) L.getGlobal("utf8");
        L.setGlobal("ITER", L.call(utf8.rawget("codes"), "")[0]);
        L.setGlobal("LITER", L.call(utf8.rawget("codes"), "", true)[0]);
    }

    /** Runs a case; returns the line the Java side produces, in the format of the case file's. */
    static String run(LuaState L, Case c) {
        Object[] args = parseList(L, c.args());
        Object f = L.globals;
        for (String part : c.fname().split("\\.")) f = ((LuaTable) f).rawget(part);
        String before = list(args);
        int depth = L.current().depth;
        String outcome;
        try {
            Object[] r = L.call(f, args.clone());
            outcome = c.outcome().equals("any") ? "any" : "ok" + list(r);
        } catch (LuaError e) {
            L.current().unwindTo(depth);   // a Java caller of L.call unwinds the frames of a failed call itself
            Object v = e.value();
            outcome = "err(" + esc(v instanceof String s ? s : Ops.tostringRaw(L, v)) + ")";
        }
        return c.fname() + "\t" + before + "\t" + outcome + "\t" + list(args);
    }

    /**
     * libm functions whose results may differ from glibc's in the last bit
     * (luahost uses Java's implementations, which round differently for a
     * small fraction of arguments).
     */
    private static final java.util.Set<String> INEXACT = java.util.Set.of("math.sin", "math.cos", "math.tan",
            "math.asin", "math.acos", "math.atan", "math.atan2", "math.exp", "math.log", "math.log10",
            "math.sinh", "math.cosh", "math.tanh", "math.pow");

    /** Whether the Java line matches the expected one: equal, or equal up to 1 ulp in inexact libm results. */
    static boolean matches(Case c, String got) {
        String exp = expected(c);
        if (exp.equals(got)) return true;
        if (!INEXACT.contains(c.fname())) return false;
        String[] e = exp.split("\t", -1), g = got.split("\t", -1);
        if (!e[1].equals(g[1]) || !e[3].equals(g[3]) || !e[2].startsWith("ok(") || !g[2].startsWith("ok(")) return false;
        String[] ev = e[2].substring(3, e[2].length() - 1).split(","), gv = g[2].substring(3, g[2].length() - 1).split(",");
        if (ev.length != gv.length) return false;
        for (int i = 0; i < ev.length; i++) {
            if (ev[i].equals(gv[i])) continue;
            if (!ev[i].startsWith("f") || !gv[i].startsWith("f")) return false;
            double x = parseFloat(ev[i].substring(1)), y = parseFloat(gv[i].substring(1));
            if (Math.abs(x - y) > Math.ulp(x)) return false;
        }
        return true;
    }

    static String expected(Case c) {
        return c.fname() + "\t" + c.args() + "\t" + c.outcome() + "\t" + c.after();
    }

    // ---------------------------------------------------------------- serialization (as gen.lua)

    static String list(Object[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(ser(v[i]));
        }
        return sb.append(')').toString();
    }

    static String ser(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Long l) return "i" + l;
        if (v instanceof Double d) return "f" + NumFmt.fmtG(d, 17, false, false);
        if (v instanceof String s) return "s" + esc(s);
        if (v instanceof LuaTable t) {
            List<String> parts = new ArrayList<>();
            Object[] kv = new Object[2];
            Object k = null;
            while (t.next(k, kv)) {
                parts.add(ser(kv[0]) + "=" + ser(kv[1]));
                k = kv[0];
            }
            parts.sort(null);
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof LuaFunction f) {
            for (Map.Entry<String, LuaFunction> e : namedCache.entrySet()) if (e.getValue() == f) return "F" + e.getKey();
            return "function";
        }
        return Lua.typeName(v);
    }

    private static final String KEEP = " _.-+*/:;!?'\"#$&@[]^`|~<>";

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || KEEP.indexOf(c) >= 0) sb.append(c);
            else sb.append(String.format("\\x%02X", (int) c));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- parsing

    private static final Map<String, LuaFunction> namedCache = new TreeMap<>();

    static Object[] parseList(LuaState L, String s) {
        int[] pos = {1};   // after '('
        List<Object> out = new ArrayList<>();
        if (s.charAt(1) != ')') {
            while (true) {
                out.add(parseValue(L, s, pos));
                char c = s.charAt(pos[0]++);
                if (c == ')') break;
            }
        }
        return out.toArray();
    }

    private static Object parseValue(LuaState L, String s, int[] pos) {
        int start = pos[0];
        char c = s.charAt(start);
        if (c == '{') {
            LuaTable t = new LuaTable();
            pos[0]++;
            if (s.charAt(pos[0]) == '}') { pos[0]++; return t; }
            while (true) {
                Object k = parseValue(L, s, pos);
                pos[0]++;   // '='
                Object v = parseValue(L, s, pos);
                t.rawset(k, v);
                char d = s.charAt(pos[0]++);
                if (d == '}') return t;
            }
        }
        int end = start;
        while (end < s.length() && ",)}=".indexOf(s.charAt(end)) < 0) end++;
        pos[0] = end;
        String tok = s.substring(start, end);
        switch (tok) {
            case "nil": return null;
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default: break;
        }
        switch (tok.charAt(0)) {
            case 'i': return Long.parseLong(tok.substring(1));
            case 'f': return parseFloat(tok.substring(1));
            case 's': return unesc(tok.substring(1));
            case 'F': return named(L, tok.substring(1));
            default: throw new IllegalArgumentException("cannot rebuild value " + tok);
        }
    }

    static Double parseFloat(String t) {
        return switch (t) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.longBitsToDouble(0x7FF8000000000000L);
            case "-nan" -> Double.longBitsToDouble(0xFFF8000000000000L);
            default -> Double.parseDouble(t);
        };
    }

    static String unesc(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else sb.append(c);
        }
        return sb.toString();
    }

    /** The functions gen.lua's NAMED table defines. */
    static synchronized LuaFunction named(LuaState L, String name) {
        return namedCache.computeIfAbsent(name, n -> switch (n) {
            case "lt" -> JavaFunction.of("lt", (th, a) -> ret(Ops.lt(th, a[0], a[1], null)));
            case "gt" -> JavaFunction.of("gt", (th, a) -> ret(Ops.lt(th, a[1], a[0], null)));
            case "yes" -> JavaFunction.of("yes", (th, a) -> ret(true));
            case "no" -> JavaFunction.of("no", (th, a) -> ret(false));
            case "first" -> JavaFunction.of("first", (th, a) -> {
                String x = (String) a[0], y = (String) a[1];
                return ret(x.substring(0, Math.min(1, x.length())).compareTo(y.substring(0, Math.min(1, y.length()))) < 0);
            });
            case "byk" -> JavaFunction.of("byk", (th, a) -> ret(Ops.lt(th, Ops.index(th, a[0], "k", null), Ops.index(th, a[1], "k", null), null)));
            case "boom" -> JavaFunction.of("boom", (th, a) -> { throw new LuaError("boom"); });
            case "nilcmp" -> JavaFunction.of("nilcmp", (th, a) -> ret(null));
            default -> throw new IllegalArgumentException("unknown function " + n);
        });
    }

    private static Object[] ret(Object v) { return new Object[] {v}; }
}
