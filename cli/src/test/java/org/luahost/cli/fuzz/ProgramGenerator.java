package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A seeded generator of valid, deterministic, terminating Lua 5.4 programs
 * that print everything they compute (see the package comment).
 *
 * <p>A program is the {@link Prelude}, a few metatables ("classes", each
 * with a random subset of metamethods), some shared locals, then groups of
 * random statements, each group inside {@code pcall(function(...) ... end)}
 * so that an error ends only its group (its message is printed), and
 * sometimes an uncaught error at the very end (the standalone interpreter's
 * report and exit status are compared too).
 *
 * <p>Feature names (for {@code -Dfuzz.off=...} and
 * {@code tests/fuzz/known-divergences.txt}): {@link #FEATURES}.
 */
public final class ProgramGenerator extends Corners {
    /** Features that can be switched off, each guarding the constructs of its name. */
    public static final List<String> FEATURES = List.of("bitwise", "float", "libm", "string", "format", "pattern",
            "metatable", "multiassign", "goto", "vararg", "const", "close", "coroutine", "errors", "uncaught",
            "random", "utf8", "tableops", "closures", "intdivzero", "longstring", "forclose", "corners");

    public ProgramGenerator(long seed, Set<String> off) { super(seed, off); }

    /** The program for this seed. */
    public String generate(String header) {
        line("-- " + header);
        out.append(Prelude.TEXT);
        line("local K = {__close = function(o, e) P(\"close\", tag(o), e) end, __name = \"Closer\"}");
        int nc = on("metatable") ? between(1, 3) : 0;
        for (int i = 0; i < nc; i++) defineClass();
        sharedLocals();
        int groups = between(4, 9);
        for (int g = 1; g <= groups; g++) group(g);
        if (on("uncaught") && chance(8)) uncaught();
        return out.toString();
    }

    void sharedLocals() {
        for (T t : List.of(T.INT, T.FLT, T.STR, T.SEQI, T.SEQS, T.TBL)) {
            String n = fresh("s");
            String init = switch (t) {   // literals only: an error here would end the program
                case INT -> intLit();
                case FLT -> pick(FLTS);
                case STR -> strLit();
                case TBL -> "{a = " + intLit() + ", b = " + strLit() + ", " + pick(FLTS) + "}";
                default -> expr(t, 2);
            };
            line("local " + n + " = " + init);
            declare(n, t, false);
        }
        if (!classes.isEmpty()) {
            String n = fresh("o");
            line("local " + n + " = " + "setmetatable({id = " + (++counter) + ", x = 1, name = \"obj\"}, " + pick(classes).name() + ")");
            declare(n, T.OBJ, false);
        }
    }

    void group(int g) {
        boolean va = on("vararg") && chance(50);
        String args = "";
        if (va) {
            List<String> as = new ArrayList<>();
            int n = between(0, 4);
            for (int i = 0; i < n; i++) as.add(pick(anyExpr(0), "nil"));   // literals: evaluated outside the pcall
            args = as.isEmpty() ? "" : ", " + String.join(", ", as);
        }
        open("P(\"G" + g + "\", pcall(function(" + (va ? "..." : "") + ")");
        vararg = va;
        loops = 0;
        block(3, between(3, 8));
        vararg = false;
        close("end" + args + "))");
    }

    /** A metatable with a random subset of the metamethods. */
    void defineClass() {
        String c = fresh("C");
        line("local " + c + " = {}");
        if (chance(40)) line(c + ".__name = \"Class" + counter + "\"");
        switch (r.nextInt(4)) {
            case 0 -> line(c + ".__index = {get = function(self) return rawget(self, \"id\") end, base = 10, name = \"proto\"}");
            case 1 -> line(c + ".__index = function(t, k) return \"idx:\" .. tostring(k) end");
            case 2 -> line(c + ".__index = setmetatable({base = 5}, {__index = function(_, k) return type(k) end})");
            default -> { }
        }
        switch (r.nextInt(3)) {
            case 0 -> line(c + ".__newindex = function(t, k, v) rawset(t, k, show(v)) end");
            case 1 -> line(c + ".__newindex = {}");
            default -> { }
        }
        for (String mm : List.of("add", "sub", "mul", "div", "mod", "pow", "idiv", "band", "bor", "bxor", "shl", "shr", "concat")) {
            if (chance(50)) line(c + ".__" + mm + " = function(a, b) return \"" + mm + "(\" .. tag(a) .. \",\" .. tag(b) .. \")\" end");
        }
        for (String mm : List.of("unm", "bnot")) {
            if (chance(50)) line(c + ".__" + mm + " = function(a, b) return \"" + mm + "\" .. tag(a) .. tag(b) end");
        }
        if (chance(50)) line(c + ".__eq = function(a, b) return rawget(a, \"id\") % 2 == rawget(b, \"id\") % 2 end");
        if (chance(50)) line(c + ".__lt = function(a, b) return tag(a) < tag(b) end");
        if (chance(50)) line(c + ".__le = function(a, b) return " + pick("tag(a) <= tag(b)", "1", "nil") + " end");
        if (chance(50)) line(c + ".__len = function(a) return rawget(a, \"id\") end");
        if (chance(50)) line(c + ".__call = function(self, ...) return tag(self), select(\"#\", ...), ... end");
        if (chance(30)) line(c + ".__close = function(o, e) P(\"close" + counter + "\", tag(o), e) end");
        boolean ts = chance(50);
        if (ts) {
            boolean bad = chance(10);
            line(c + ".__tostring = function(o) return " + (bad ? "42" : "\"Obj\" .. tag(o)") + " end");
            ts = !bad;
        }
        if (chance(10)) line(c + ".__metatable = \"locked\"");
        classes.add(new Cls(c, ts));
    }

    /** An error nobody catches: the interpreter reports it on stderr and exits with status 1. */
    void uncaught() {
        switch (r.nextInt(6)) {
            case 0 -> line("error(" + quote("final ") + " .. " + strExpr(2) + ")");
            case 1 -> line("error(" + pick("{code = 1}", "42", "nil", "true", "2.5") + ")");
            case 2 -> line("local z = nil; z()");
            case 3 -> {
                line("local function failing(x) return x.field.sub end");
                line("failing({})");
            }
            case 4 -> line("error(setmetatable({}, {__tostring = function() return \"custom error\" end}))");
            default -> line("local t = {} ; t.x.y = 1");
        }
    }
}
