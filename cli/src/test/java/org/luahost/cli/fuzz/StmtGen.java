package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements: local declarations (with {@code <const>}), assignments (single
 * and multiple, with more or fewer values than targets), prints, {@code if},
 * loops of every kind (each with a bounded iteration count), {@code goto},
 * {@code break} and local functions. The statements that build on a
 * library or on metatables live in {@link ProgramGenerator}.
 *
 * <p>Termination: loops run a fixed small number of times, and a function
 * only calls functions defined before it (its own name is not in scope while
 * its body is generated, and function variables are never reassigned), so
 * there is no unbounded recursion.
 */
abstract class StmtGen extends ExprGen {
    StmtGen(long seed, Set<String> off) { super(seed, off); }

    /** A statement from the library/metatable layer. */
    abstract void special(int d);

    void block(int d, int n) {
        for (int i = 0; i < n; i++) stmt(d);
    }

    void stmt(int d) {
        if (d <= 0 || locals() > 120) {
            print(1);
            return;
        }
        switch (r.nextInt(24)) {
            case 0, 1, 2 -> local(d);
            case 3, 4 -> print(d);
            case 5, 6 -> assign(d);
            case 7 -> multiAssign(d);
            case 8 -> ifStmt(d);
            case 9 -> numFor(d);
            case 10 -> genFor(d);
            case 11 -> whileLoop(d);
            case 12 -> function(d);
            case 13 -> {
                if (loops > 0) line("if " + boolExpr(2) + " then break end");
                else print(d);
            }
            case 14 -> gotoLoop(d);
            default -> special(d);
        }
    }

    void print(int d) {
        int n = between(1, 3);
        List<String> es = new ArrayList<>();
        for (int i = 0; i < n; i++) es.add(anyExpr(Math.max(1, Math.min(d, 3))));
        if (chance(20)) es.add(call(2));
        if (chance(45)) line("P(pcall(function(" + (vararg ? "..." : "") + ") return " + String.join(", ", es) + " end" + (vararg ? ", ..." : "") + "))");
        else line("P(" + String.join(", ", es) + ")");
    }

    /** A type hint for a new variable, and its initial value. */
    T someType() {
        return pick(T.INT, T.INT, T.FLT, T.NUM, T.STR, T.STR, T.BOOL, T.TBL, T.OBJ, T.SEQI, T.SEQS, T.ANY);
    }

    void local(int d) {
        if (chance(25)) {
            localList(d);
            return;
        }
        T t = someType();
        String name = fresh("v");
        boolean constant = on("const") && chance(15);
        line("local " + name + (constant ? " <const>" : "") + " = " + expr(t, 3));
        declare(name, t, constant);
        line("P(" + quote(name) + ", " + name + ")");
    }

    /** local a, b, c = e1, e2 (more or fewer values than names, maybe a call last). */
    void localList(int d) {
        int n = between(1, 4);
        int m = between(0, 4);
        List<String> names = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        List<T> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(fresh("v") + (on("const") && chance(10) ? " <const>" : ""));
            tags.add(i < m ? someType() : T.ANY);
        }
        for (int i = 0; i < m; i++) vals.add(expr(i < n ? tags.get(i) : T.ANY, 2));
        if (chance(40)) vals.add(pick(call(2), vararg ? "..." : call(2), "table.unpack({1, nil, 3}, 1, 3)", "string.byte(\"abc\", 1, -1)"));
        line("local " + String.join(", ", names) + (vals.isEmpty() ? "" : " = " + String.join(", ", vals)));
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String nm = names.get(i).split(" ")[0];
            plain.add(nm);
            declare(nm, i < vals.size() ? tags.get(i) : T.ANY, names.get(i).contains("<"));
        }
        line("P(" + String.join(", ", plain) + ")");
    }

    void assign(int d) {
        V v = var(true, T.INT, T.FLT, T.NUM, T.STR, T.BOOL, T.TBL, T.OBJ, T.ANY);
        if (v == null || chance(20)) {
            String g = pick("G1", "G2", "G3", "gx");
            line(g + " = " + anyExpr(2));
            line("P(" + quote(g) + ", " + g + ")");
            return;
        }
        if (chance(20)) {
            V w = var(false, T.TBL, T.OBJ);
            if (w != null) {
                String f = w.name() + pick(".a", ".b", ".name", ".x", "[\"k\"]", ".y");
                line(f + " = " + anyExpr(2));
                line("P(" + w.name() + ")");
                return;
            }
        }
        line(v.name() + " = " + expr(v.tag(), 3));
        line("P(" + quote(v.name()) + ", " + v.name() + ")");
    }

    /** Targets (variables and fields), assigned from a list of a different length. */
    void multiAssign(int d) {
        if (!on("multiassign")) {
            assign(d);
            return;
        }
        int n = between(1, 4);
        List<String> targets = new ArrayList<>();
        List<T> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            V v = var(true, T.INT, T.FLT, T.NUM, T.STR, T.BOOL, T.ANY, T.TBL);
            V t = var(false, T.TBL);
            if (t != null && (v == null || chance(50))) {
                targets.add(t.name() + pick(".a", ".b", "[1]", "[\"x\"]", "[2.0]", ".n"));
                tags.add(T.ANY);
            } else if (v != null && !targets.contains(v.name())) {
                targets.add(v.name());
                tags.add(v.tag());
            }
        }
        if (targets.isEmpty()) {
            print(d);
            return;
        }
        int m = between(Math.max(1, targets.size() - 1), targets.size() + 2);
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < m; i++) vals.add(expr(i < tags.size() ? tags.get(i) : T.ANY, 2));
        if (chance(40)) {
            // a call last fills the targets from position m on with whatever it gives (a table or a function
            // too): only where those targets are untyped, else a string variable could end up holding a table
            // whose address later reaches string.format("%s") (seed 20261338 #924); integers are fine anywhere
            boolean untyped = true;
            for (int i = m; i < tags.size(); i++) untyped &= tags.get(i) == T.ANY;
            vals.add(untyped ? pick(call(2), vararg ? "..." : call(2), "string.byte(\"xyz\", 1, -1)", "table.unpack({7, 8, 9})")
                    : pick("string.byte(\"xyz\", 1, -1)", "table.unpack({7, 8, 9})"));
        }
        line(String.join(", ", targets) + " = " + String.join(", ", vals));
        line("P(" + String.join(", ", targets) + ")");
    }

    void ifStmt(int d) {
        open("if " + boolExpr(3) + " then");
        block(d - 1, between(1, 3));
        int k = between(0, 2);
        for (int i = 0; i < k; i++) {
            middle("elseif " + boolExpr(2) + " then");
            block(d - 1, between(1, 2));
        }
        if (chance(50)) {
            middle("else");
            block(d - 1, between(1, 2));
        }
        close("end");
    }

    static final String[][] RANGES = {{"1", "3"}, {"3", "1", "-1"}, {"1", "6", "2"}, {"0.5", "2.5", "0.5"},
        {"math.maxinteger - 2", "math.maxinteger"}, {"math.mininteger", "math.mininteger + 2"},
        {"math.mininteger + 2", "math.mininteger", "-1"}, {"1", "0"}, {"1", "3", "0"}, {"1.0", "3"}, {"1", "2.5"},
        {"-1", "-3", "-1"}, {"math.maxinteger - 1", "math.huge"}, {"1", "3", "0.5"}, {"3", "1", "math.mininteger"},
        {"0", "math.maxinteger", "math.maxinteger // 2"}, {"1", "\"3\""}, {"math.mininteger", "math.mininteger", "-1"},
        {"1", "0/0"}, {"-0.0", "0"}, {"1", "3", "-1"}, {"2", "4"}, {"1", "-math.huge", "-math.maxinteger"},
        {"0.1", "0.35", "0.1"}, {"math.maxinteger", "math.maxinteger - 1", "-1"}, {"\"1\"", "2"}, {"1", "2", "0.0"}};

    void numFor(int d) {
        String[] rg = pick(RANGES);
        String v = fresh("i");
        open("for " + v + " = " + String.join(", ", rg) + " do");
        declare(v, rg[0].contains(".") || (rg.length > 2 && rg[2].contains(".")) ? T.FLT : T.INT, true);
        loops++;
        line("P(" + quote(v) + ", " + v + ")");
        block(d - 1, between(0, 3));
        loops--;
        close("end");
    }

    void genFor(int d) {
        String k = fresh("k"), v = fresh("e");
        String head = switch (r.nextInt(7)) {
            case 0, 1 -> "for " + k + ", " + v + " in ipairs({table.unpack(" + seqVar() + ")}) do";
            case 2 -> "for " + k + ", " + v + " in spairs(" + pick(tblExpr(2), objExpr(2)) + ") do";
            case 3 -> on("pattern") ? "for " + k + ", " + v + " in string.gmatch((" + strExpr(2) + "):sub(1, 30), "
                    + quote(pick(PATTERNS)) + ") do" : "for " + k + ", " + v + " in ipairs({}) do";
            case 4 -> on("coroutine") ? "for " + k + ", " + v + " in coroutine.wrap(function() for j = 1, " + between(0, 3)
                    + " do coroutine.yield(j, " + noVararg(() -> anyExpr(1)) + ") end end) do" : "for " + k + ", " + v + " in ipairs({1}) do";
            case 5 -> "for " + k + ", " + v + " in function(s, c) if c < " + between(0, 3) + " then return c + 1, s end end, "
                    + anyExpr(1) + ", 0" + (on("close") && on("forclose") ? ", setmetatable({id = " + (++counter) + "}, K)" : "") + " do";
            default -> "for " + k + ", " + v + " in next, {" + anyExpr(2) + "} do";
        };
        open(head);
        declare(k, T.ANY, true);
        declare(v, T.ANY, true);
        loops++;
        line("P(" + k + ", " + v + ")");
        block(d - 1, between(0, 3));
        loops--;
        close("end");
    }

    void whileLoop(int d) {
        String w = fresh("w");
        int n = between(0, 4);
        open("do");
        line("local " + w + " = 0");
        declare(w, T.INT, true);
        loops++;
        if (chance(50)) {
            open("while " + w + " < " + n + " do");
            line(w + " = " + w + " + 1");
            block(d - 1, between(1, 3));
            close("end");
        } else {
            open("repeat");
            line(w + " = " + w + " + 1");
            String u = fresh("u");
            line("local " + u + " = " + w + " * 2");
            declare(u, T.INT, true);
            block(d - 1, between(1, 3));
            close("until " + u + " >= " + (2 * n) + (chance(30) ? " or " + boolExpr(2) : ""));
        }
        loops--;
        line("P(" + quote(w) + ", " + w + ")");
        close("end");
    }

    /** A loop whose body may skip to a label at its end, or a backward goto with a counter. */
    void gotoLoop(int d) {
        if (!on("goto")) {
            numFor(d);
            return;
        }
        String lbl = fresh("L");
        if (chance(50)) {
            String i = fresh("i");
            open("for " + i + " = 1, " + between(1, 4) + " do");
            declare(i, T.INT, true);
            loops++;
            line("if " + bin(i, "%", "2") + " == " + between(0, 1) + " then goto " + lbl + " end");
            open("do");
            block(d - 1, between(1, 2));
            close("end");
            line("::" + lbl + "::");
            loops--;
            close("end");
        } else {
            String c = fresh("c");
            open("do");
            line("local " + c + " = 0");
            declare(c, T.INT, true);
            line("::" + lbl + "::");
            line(c + " = " + c + " + 1");
            open("do");
            block(d - 1, between(1, 2));
            close("end");
            line("if " + c + " < " + between(1, 3) + " then goto " + lbl + " end");
            line("P(" + quote(c) + ", " + c + ")");
            close("end");
        }
    }

    /** local function with parameters (maybe vararg), called right away and maybe later. */
    void function(int d) {
        String f = fresh("f");
        int np = between(0, 3);
        boolean va = on("vararg") && chance(40);
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < np; i++) ps.add(fresh("p"));
        if (va) ps.add("...");
        open("local function " + f + "(" + String.join(", ", ps) + ")");
        boolean savedVa = vararg;
        int savedLoops = loops;
        vararg = va;
        loops = 0;
        for (String p : ps) if (!p.equals("...")) declare(p, T.ANY, false);
        if (va && chance(60)) {
            line("P(" + quote(f) + ", select(\"#\", ...), ...)");
            line("local t = table.pack(...)");
            line("P(t.n, select(" + pick("1", "2", "-1", "\"#\"") + ", ...))");
        }
        block(d - 1, between(1, 4));
        List<String> rets = new ArrayList<>();
        int nr = between(0, 3);
        for (int i = 0; i < nr; i++) rets.add(anyExpr(2));
        if (chance(30)) rets.add(pick(va ? "..." : "nil", call(2)));
        line("return " + String.join(", ", rets));
        vararg = savedVa;
        loops = savedLoops;
        close("end");
        declare(f, T.FUN, true);
        int calls = between(1, 2);
        for (int i = 0; i < calls; i++) {
            List<String> args = new ArrayList<>();
            int na = between(0, np + 2);
            for (int k = 0; k < na; k++) args.add(anyExpr(2));
            line("P(" + f + "(" + String.join(", ", args) + "))");
        }
    }
}
