package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements built around a library or a language mechanism, each filled
 * with random expressions: objects and their metamethods, the table library
 * on sequences, errors and {@code pcall}/{@code xpcall}, coroutines,
 * {@code <close>} variables, string functions with several results, closures
 * over fresh loop variables, varargs, and lists of integer/float edge cases.
 */
abstract class Templates extends StmtGen {
    static final String[] EDGES = {"math.maxinteger + 1 == math.mininteger", "math.mininteger // -1", "math.mininteger % -1",
        "math.maxinteger * 2", "-math.mininteger", "math.abs(math.mininteger)", "2^63 == math.maxinteger + 1.0",
        "math.maxinteger + 0.0", "math.tointeger(2^53)", "math.tointeger(\"8\")", "1e308 * 10", "-1e308 * 10",
        "1/0 > math.maxinteger", "math.mininteger < -1e308", "0.0 == -0.0", "1/-0.0", "-0.0", "0/0 ~= 0/0", "3 // 0.0",
        "-3 // 0.0", "3 % math.huge", "-3 % math.huge", "3 % -math.huge", "5.3 % -2", "-5 // 2", "7 // -2.0", "5 % -3",
        "-5 % 3", "0.0 % -1", "1 << 64", "1 >> -1", "-1 >> 1", "1 << 63", "\"10\" // \"3\"", "\"3\" * \"4\"", "10 // 3.0",
        "math.fmod(-6, 4)", "math.fmod(6, -4)", "math.fmod(math.mininteger, -1)", "math.fmod(5.5, 2)", "1e15", "1e16",
        "123456789012345678", "math.maxinteger < 2^63", "math.maxinteger + 0.0 == 2^63", "2^53 + 1 == 2^53",
        "9007199254740993 < 9007199254740992.0", "math.mininteger == -2^63", "math.mininteger + 0.0", "-(-0.0)",
        "0.1 + 0.2", "100 // 1e-300", "math.floor(-0.0)", "math.ceil(-0.5)", "math.floor(1e100)", "math.floor(-3.5)",
        "math.huge // 1", "-math.huge % 2", "(0/0) // 1", "2^1023 * 2", "5 // 0", "5 % 0", "5.0 // 0", "5 % 0.0",
        "math.ult(1, -1)", "math.type(1//1)", "math.type(1/1)", "math.type(\"1\")", "8 | 1.0", "1.5 | 0", "\"8\" | 1",
        "2^63 | 0", "\"abc\" + 1", "{} + 1", "nil .. \"x\"", "1 < \"2\"", "\"a\" < 1", "{} < {}", "math.tointeger(3.5)",
        "tostring(1e100)", "tostring(-1e-100)", "1e15 + 0.5", "string.format(\"%.20f\", 0.1)", "string.format(\"%5.1f\", -0.0)",
        "0x7fffffffffffffff + 1", "0xffffffffffffffffff", "1e309", "-1e309", "tostring(2^63)", "math.mininteger // 1.0",
        "math.maxinteger // -1", "(-2)^0.5", "0^0", "0^-1", "2^-1", "7 // 0.5", "-7 % 0.5", "3 - -3", "~0", "~math.mininteger"};

    Templates(long seed, Set<String> off) { super(seed, off); }

    /** Library and lexer corner cases (feature {@code corners}, {@link Corners}). */
    abstract void corners(int d);

    @Override
    void special(int d) {
        switch (r.nextInt(13)) {
            case 0 -> objects(d);
            case 1 -> tableOps(d);
            case 2, 3 -> errors(d);
            case 4 -> coroutines(d);
            case 5 -> closeBlock(d);
            case 6 -> strings(d);
            case 7 -> edges();
            case 8 -> closures(d);
            case 9 -> varargs(d);
            case 10 -> misc(d);
            case 11 -> corners(d);
            default -> print(d);
        }
    }

    void objects(int d) {
        if (classes.isEmpty() || !on("metatable")) {
            print(d);
            return;
        }
        Cls c = pick(classes);
        String o = fresh("o");
        line("local " + o + " = setmetatable({id = " + (++counter) + ", x = " + numExpr(2) + "}, " + c.name() + ")");
        declare(o, T.OBJ, false);
        switch (r.nextInt(6)) {
            case 0 -> line(o + "." + pick("z", "name", "x", "w") + " = " + anyExpr(2));
            case 1 -> line("P(" + o + ":get(), " + o + ".base)");
            case 2 -> line("P(getmetatable(" + o + ") == " + c.name() + ", " + pick("getmetatable(\"s\").__index == string",
                    "pcall(setmetatable, " + o + ", nil)", "rawlen(" + o + ")", "rawequal(" + o + ", " + o + ")") + ")");
            case 3 -> {
                if (c.tostring()) line("print(" + o + ", tostring(" + o + "))");
                else line("P(" + o + ")");
            }
            default -> { }
        }
        line("P(" + o + ", " + objArith(2) + ", " + objArith(2) + ")");
    }

    void tableOps(int d) {
        if (!on("tableops")) {
            print(d);
            return;
        }
        V s = var(false, T.SEQI, T.SEQS);
        String seq = s != null ? s.name() : null;
        if (seq == null) {
            seq = fresh("q");
            T t = pick(T.SEQI, T.SEQS);
            line("local " + seq + " = " + seqExpr(t == T.SEQI ? T.INT : T.STR));
            declare(seq, t, false);
            s = new V(seq, t, false);
        }
        String elem = s.tag() == T.SEQI ? strictInt(2) : quote(pick(STRS));
        switch (r.nextInt(12)) {
            case 0 -> line("table.insert(" + seq + ", " + elem + ")");
            case 1 -> line("table.insert(" + seq + ", " + pick("1", "math.min(2, #" + seq + " + 1)", "#" + seq + " + 1") + ", " + elem + ")");
            case 2 -> line("P(table.remove(" + seq + pick("", ", 1", ", #" + seq) + "))");
            case 3 -> line("table.sort(" + seq + pick("", ", function(a, b) return a > b end") + ")");
            case 4 -> line(seq + "[#" + seq + " + 1] = " + elem);
            case 5 -> line("P(table.unpack(" + seq + ", " + pick("1", "2", "-1") + ", " + pick("#" + seq, "3", "0") + "))");
            case 6 -> line("table.move(" + seq + ", 1, math.min(2, #" + seq + "), #" + seq + " + 1)");
            case 7 -> line("P(table.move(" + seq + ", 1, 3, " + pick("1", "2", "0") + ", {}))");
            case 8 -> line("P(pcall(table.insert, " + seq + pick(", 1, 2, 3", ", 10, 1", ", -1, 5", "", ", 1.5, 2") + "))");
            case 9 -> line("P(#" + seq + ", rawlen(" + seq + "), select(\"#\", table.unpack(" + seq + ")), " + seq + "[#" + seq + "])");
            case 10 -> line("P(table.concat(" + seq + ", " + pick("\",\"", "\"\"") + ", " + pick("1", "2") + ", " + pick("#" + seq, "2", "1") + "))");
            default -> {
                V t = var(false, T.TBL);
                String tn = t != null ? t.name() : "{}";
                line("P(pcall(rawset, " + tn + ", " + pick("1.0", "2^53", "\"k\"", "0/0", "nil", "true", "-0.0") + ", " + anyExpr(1) + "))");
            }
        }
        line("P(" + seq + ")");
    }

    void errors(int d) {
        if (!on("errors")) {
            print(d);
            return;
        }
        switch (r.nextInt(11)) {
            case 0 -> line("P(pcall(error, " + pick("\"msg\"", "42", "nil", "{code = 1}", "true", "1.5", objExpr(1)) + pick("", ", 0", ", 1", ", 2", ", 3") + "))");
            case 1 -> line("P(pcall(error))");
            case 2 -> {
                String th = fresh("thrower"), ca = fresh("caller");
                line("local function " + th + "(lvl) error(" + pick("\"boom\"", "{}", "7") + ", lvl) end");
                line("local function " + ca + "(lvl) " + th + "(lvl) return 1 end");
                line("P(pcall(" + ca + ", " + pick("1", "2", "3", "0") + "))");
            }
            case 3 -> line("P(pcall(function() " + pick("local x; return x.y", "return undefined_global.z", "local t = {} return t.a.b",
                    "local n = 5; n()", "local b = true; return b + 1", "return (\"x\")()", "local t = {}; t.f.g = 1",
                    "return #5", "return -{}", "local s = \"a\"; return s < 1", "return math.floor(\"x\")", "return ({}):nope()",
                    "local t = setmetatable({}, {__index = function(t, k) error(\"in index\") end}) return t.k",
                    "return string.rep(\"x\", -1) .. nil") + " end))");
            case 4 -> line("P(pcall(" + pick("string.rep", "string.sub", "math.floor", "table.concat", "setmetatable",
                    "string.char", "select", "tonumber", "ipairs", "math.max", "string.format", "table.unpack", "rawlen",
                    "coroutine.resume", "string.byte") + pick("", ", {}", ", nil", ", \"x\", {}", ", -1", ", 1, 2, 3", ", 256", ", \"%d\", 1.5")
                    + "))");
            case 5 -> line("P(xpcall(" + pick(funExpr(2), "error", "function(...) return select(\"#\", ...), ... end") + ", function(m) return \"handled: \" .. show(m) end"
                    + (chance(50) ? ", " + anyExpr(1) : "") + "))");
            case 6 -> line("P(select(\"#\", pcall(error)), pcall(pcall), pcall(pcall, error, \"e\"))");
            case 7 -> line("P(pcall(error, setmetatable({}, {__tostring = function() return \"E!\" end})))");
            case 8 -> line("P(pcall(string.rep, \"x\", math.maxinteger), pcall(string.rep, \"x\", 1 << 62, \",\"))");
            case 9 -> line("P(xpcall(function() error(\"deep\") end, function(m) return select(\"#\", m), m end))");
            default -> line("P(pcall(function(...) " + pick(on("intdivzero") ? "return 1 // 0" : "return 1 // 0.0", on("intdivzero") ? "return 1 % 0" : "return 1 % 0.0", "return 2^63 | 0", "return 1 < \"x\"",
                    "return {} .. \"x\"", "return 1 & 1.5", "return \"1\" & 2", "local t = {}; t[0/0] = 1", "local t = {}; t[nil] = 1",
                    "return math.random(2, 1)", "return ('x'):rep(1, 2, 3)") + " end))");
        }
    }

    void coroutines(int d) {
        if (!on("coroutine")) {
            print(d);
            return;
        }
        String co = fresh("co");
        switch (r.nextInt(4)) {
            case 0, 1 -> {
                open("local " + co + " = coroutine.create(function(a, b)");
                boolean sv = vararg;
                int sl = loops;
                vararg = false;
                loops = 0;
                declare("a", T.ANY, false);
                declare("b", T.ANY, false);
                line("P(\"start\", a, b, coroutine.isyieldable())");
                line("local x, y = coroutine.yield(a, " + anyExpr(2) + ")");
                line("P(\"got\", x, y)");
                block(d - 1, between(0, 2));
                if (chance(40)) line("P(pcall(function() return coroutine.yield(\"in pcall\") end))");
                if (chance(30)) line("local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end}) P(t.key)");
                if (chance(20)) line("error(" + pick("\"co fail\"", "{1}") + ")");
                line("return " + anyExpr(2) + ", \"done\"");
                vararg = sv;
                loops = sl;
                close("end)");
                for (int i = 0; i < between(1, 5); i++) {
                    line("P(coroutine.resume(" + co + ", " + anyExpr(1) + ", " + anyExpr(1) + "), coroutine.status(" + co + "))");
                }
            }
            case 2 -> {
                line("local " + co + " = coroutine.wrap(function(...) local n = select(\"#\", ...) for i = 1, " + between(1, 3)
                        + " do n = n + (coroutine.yield(i, n) or 0) end return \"end\", n end)");
                for (int i = 0; i < between(1, 5); i++) line("P(pcall(" + co + ", " + intExpr(1) + "))");
            }
            default -> {
                line("local " + co + " = coroutine.create(function() local c <close> = setmetatable({id = " + (++counter)
                        + "}, K) coroutine.yield(1) " + pick("return 2", "error(\"after\")") + " end)");
                line("P(coroutine.resume(" + co + "))");
                line("P(" + pick("coroutine.close(" + co + ")", "coroutine.resume(" + co + ")") + ", coroutine.status(" + co + "))");
                line("P(coroutine.close(" + co + "), coroutine.resume(" + co + "), select(2, coroutine.running()))");
                line("P(pcall(coroutine.yield, 1), coroutine.isyieldable())");
            }
        }
    }

    void closeBlock(int d) {
        if (!on("close")) {
            print(d);
            return;
        }
        open("do");
        String c = fresh("cl");
        String val = pick("setmetatable({id = " + (++counter) + "}, K)", "nil", "false", "setmetatable({id = " + (++counter) + "}, K)",
                chance(20) ? "42" : "nil", chance(20) && !classes.isEmpty() ? objExpr(1) : "false");
        if (chance(30)) {
            String a = fresh("v"), b = fresh("v");
            line("local " + a + ", " + c + " <close>, " + b + " = " + anyExpr(1) + ", " + val + ", " + anyExpr(1));
            declare(a, T.ANY, false);
            declare(b, T.ANY, false);
        } else {
            line("local " + c + " <close> = " + val);
        }
        declare(c, T.ANY, true);
        line("P(\"closable\", " + c + ")");
        block(d - 1, between(0, 3));
        if (chance(25)) line("error(" + pick("\"in close block\"", "{1, 2}", "nil") + ")");
        close("end");
    }

    void strings(int d) {
        if (!on("string")) {
            print(d);
            return;
        }
        String s = strExpr(2);
        String p = quote(pick(PATTERNS));
        switch (r.nextInt(9)) {
            case 0 -> line("P(string.find(" + s + ", " + p + pick("", ", 2", ", -2", ", 100", ", 1, true") + "))");
            case 1 -> line("P(string.match(" + s + ", " + p + pick("", ", 2", ", -3") + "))");
            case 2 -> line("P(string.gsub(" + capped(s) + ", " + p + ", " + gsubRepl(2) + pick("", ", 1", ", 0", ", 2") + "))");
            case 3 -> {
                open("for m1, m2 in string.gmatch((" + s + "):sub(1, 24), " + p + ") do");
                line("P(m1, m2)");
                close("end");
            }
            case 4 -> line("P((" + s + "):sub(1, 20):byte(1, -1))");
            case 5 -> line("P(" + format(2) + ", " + format(2) + ")");
            case 6 -> line("P(string.rep(" + capped(s) + ", " + pick("2", "0", "-1") + ", " + strLit() + "), (" + s + "):len())");
            case 7 -> {
                if (on("utf8")) line("P(utf8.char(72, 228, 8364, 128512), utf8.len(" + s + "), pcall(utf8.codepoint, " + s + ", 1, -1))");
                else line("P(#" + s + ")");
            }
            default -> line("P(tostring(" + numExpr(2) + "), tonumber(" + s + "), tonumber(" + s + ", " + pick("16", "36", "2", "10") + "))");
        }
    }

    void edges() {
        List<String> es = new ArrayList<>();
        for (int i = 0; i < between(1, 4); i++) {
            String e = pick(EDGES);
            if (on("intdivzero") || !e.matches(".*[/%] 0$")) es.add(e);
        }
        if (es.isEmpty()) es.add("1");
        line("P(pcall(function() return " + String.join(", ", es) + " end))");
    }

    void closures(int d) {
        if (!on("closures")) {
            print(d);
            return;
        }
        if (chance(50)) {
            String fs = fresh("fs");
            line("local " + fs + " = {}");
            open("for i = 1, " + between(1, 3) + " do");
            line("local j = i * " + between(1, 3));
            line(fs + "[#" + fs + " + 1] = function(d) j = j + (d or 1) return i, j, " + noVararg(() -> anyExpr(1)) + " end");
            close("end");
            line("P(" + fs + "[1](), " + fs + "[#" + fs + "](2), " + fs + "[1]())");
        } else {
            String mk = fresh("mk"), inc = fresh("inc"), get = fresh("get");
            line("local function " + mk + "(n) local c = n return function(d) c = c + (d or 1) return c end, function() return c end end");
            line("local " + inc + ", " + get + " = " + mk + "(" + numExpr(1) + ")");
            line("P(" + inc + "(), " + inc + "(" + numExpr(1) + "), " + get + "())");
        }
    }

    void varargs(int d) {
        if (!on("vararg")) {
            print(d);
            return;
        }
        String f = fresh("va");
        line("local function " + f + "(...) local a, b = ... P(select(\"#\", ...), a, b) local t = table.pack(...) "
                + "P(t.n, t[1], t[t.n]) return select(" + pick("2", "-1", "1", "\"#\"") + ", ...) end");
        List<String> args = new ArrayList<>();
        for (int i = 0; i < between(0, 4); i++) args.add(pick(anyExpr(1), "nil"));
        line("P(pcall(" + f + (args.isEmpty() ? "" : ", " + String.join(", ", args)) + "))");
        line("P((" + f + "(1, 2, 3)), " + f + "(" + call(1) + "))");
        line("P(table.unpack({1, 2, 3}, " + pick("2", "-1, 1", "1, 5", "3, 1") + "))");
    }

    void misc(int d) {
        switch (r.nextInt(4)) {
            case 0 -> {
                if (on("random")) line("math.randomseed(" + between(0, 99) + ") P(math.random(1, 100), math.random(), math.random(0), math.random(" + between(1, 9) + "))");
                else print(d);
            }
            case 1 -> line("P(" + String.join(", ", List.of(numExpr(3), numExpr(3), numExpr(2))) + ")");
            case 2 -> line("P(" + String.join(", ", List.of(strExpr(3), strExpr(3))) + ")");
            default -> line("P(" + String.join(", ", List.of(boolExpr(3), intExpr(3), fltExpr(3))) + ")");
        }
    }
}
