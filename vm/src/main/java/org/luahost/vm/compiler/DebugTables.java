package org.luahost.vm.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Proto;

/**
 * The debug tables the compiler records in a {@link Proto}: the lines that
 * have code (the reference's lineinfo, for {@code debug.getinfo(f, "L")})
 * and, for each local, the calls its own declaration makes (which do not see
 * the local yet, for {@code debug.getlocal}). Both come from the syntax tree
 * of one function, without descending into nested functions. Stateless.
 */
final class DebugTables {
    private DebugTables() {}

    // ---------------------------------------------------------------- active lines

    /**
     * The lines of a function that have code, ascending: the lines of its
     * statements and expressions, the {@code end} line of nested functions,
     * and (but for a main chunk) its own last line, where its final return is.
     */
    static int[] activeLines(Ast.FuncBody body, boolean main, java.util.function.Predicate<Ast.Expr> constantTest) {
        TreeSet<Integer> lines = new TreeSet<>();
        block(body.block(), lines, constantTest);
        if (!main) lines.add(body.lastLine());
        return lines.stream().mapToInt(Integer::intValue).filter(l -> l > 0).toArray();
    }

    private static void block(Ast.Block b, TreeSet<Integer> out, java.util.function.Predicate<Ast.Expr> constantTest) {
        for (Ast.Stat s : b.stats()) stat(s, out, constantTest);
    }

    // instanceof chains, not pattern switches: each type switch is an invokedynamic site the JDK
    // links at its first run by spinning a hidden class, which the AOT cache does not keep (start-up)
    private static void stat(Ast.Stat s, TreeSet<Integer> out, java.util.function.Predicate<Ast.Expr> constantTest) {
        if (s instanceof Ast.Local l) {
            out.add(l.line());
            exprs(l.exprs(), out);
        } else if (s instanceof Ast.Assign a) {
            out.add(a.line());
            exprs(a.targets(), out);
            exprs(a.exprs(), out);
        } else if (s instanceof Ast.CallStat c) {
            expr(c.call(), out);
        } else if (s instanceof Ast.Do d) {
            block(d.block(), out, constantTest);
        } else if (s instanceof Ast.While w) {
            // 'while true do' has no code for its test
            if (!constantTest.test(w.cond())) {
                out.add(w.line());
                expr(w.cond(), out);
            }
            block(w.block(), out, constantTest);
        } else if (s instanceof Ast.Repeat r) {
            block(r.block(), out, constantTest);
            expr(r.cond(), out);
        } else if (s instanceof Ast.If i) {
            // 'if true then' (or another constant the reference folds: 'if not nil', 'elseif C') has no code for its test
            if (!constantTest.test(i.conds().getFirst())) out.add(i.line());
            for (Ast.Expr c : i.conds()) if (!constantTest.test(c)) expr(c, out);
            for (Ast.Block b : i.blocks()) block(b, out, constantTest);
            if (i.elseBlock() != null) block(i.elseBlock(), out, constantTest);
        } else if (s instanceof Ast.NumericFor n) {
            out.add(n.line());
            expr(n.start(), out);
            expr(n.limit(), out);
            if (n.step() != null) expr(n.step(), out);
            block(n.block(), out, constantTest);
        } else if (s instanceof Ast.GenericFor g) {
            out.add(g.line());
            exprs(g.exprs(), out);
            block(g.block(), out, constantTest);
        } else if (s instanceof Ast.FunctionStat fs) {
            out.add(fs.line());
            out.add(fs.function().body().lastLine());
        } else if (s instanceof Ast.LocalFunction lf) {
            out.add(lf.function().body().lastLine());
        } else if (s instanceof Ast.Return r) {
            out.add(r.line());
            exprs(r.exprs(), out);
        } else if (s instanceof Ast.Break b) {
            out.add(b.line());
        } else if (s instanceof Ast.Goto g) {
            out.add(g.line());
        } else if (!(s instanceof Ast.Label)) {
            throw new MatchException(String.valueOf(s), null);
        }
    }

    private static void exprs(List<Ast.Expr> es, TreeSet<Integer> out) {
        for (Ast.Expr e : es) expr(e, out);
    }

    private static void expr(Ast.Expr e, TreeSet<Integer> out) {
        if (e instanceof Ast.Function f) {
            out.add(f.body().lastLine());
        } else if (e instanceof Ast.Table t) {
            out.add(t.line());
            for (Ast.Field fl : t.fields()) {
                if (fl instanceof Ast.PosField pf) {
                    expr(pf.value(), out);
                } else if (fl instanceof Ast.NamedField nf) {
                    expr(nf.value(), out);
                } else {
                    Ast.KeyedField kf = (Ast.KeyedField) fl;
                    expr(kf.key(), out);
                    expr(kf.value(), out);
                }
            }
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left(), out);
            expr(b.right(), out);
            out.add(b.line());
        } else if (e instanceof Ast.UnOp u) {
            expr(u.operand(), out);
            out.add(u.line());
        } else if (e instanceof Ast.Index ix) {
            expr(ix.obj(), out);
            expr(ix.key(), out);
        } else if (e instanceof Ast.Call c) {
            expr(c.fn(), out);
            exprs(c.args(), out);
            out.add(c.line());
        } else if (e instanceof Ast.MethodCall m) {
            expr(m.obj(), out);
            exprs(m.args(), out);
            out.add(m.line());
        } else if (e instanceof Ast.Paren p) {
            expr(p.expr(), out);
        } else {
            out.add(e.line());
        }
    }

    // ---------------------------------------------------------------- declarations

    /** The calls a declaration's expressions make (outside nested functions); iterator for a generic for's variables. */
    static Proto.Decl decl(List<Ast.Expr> es, boolean iterator) {
        List<String> callees = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Ast.Expr e : es) calls(e, callees, lines);
        return new Proto.Decl(callees.toArray(new String[0]), lines.stream().mapToInt(Integer::intValue).toArray(), iterator);
    }

    private static void calls(List<Ast.Expr> es, List<String> callees, List<Integer> lines) {
        for (Ast.Expr e : es) calls(e, callees, lines);
    }

    private static void calls(Ast.Expr e, List<String> callees, List<Integer> lines) {
        if (e instanceof Ast.Call c) {
            callees.add(calleeOf(c.fn()));
            lines.add(c.line());
            calls(c.fn(), callees, lines);
            calls(c.args(), callees, lines);
        } else if (e instanceof Ast.MethodCall m) {
            callees.add(m.name());
            lines.add(m.line());
            calls(m.obj(), callees, lines);
            calls(m.args(), callees, lines);
        } else if (e instanceof Ast.BinOp b) {
            calls(b.left(), callees, lines);
            calls(b.right(), callees, lines);
        } else if (e instanceof Ast.UnOp u) {
            calls(u.operand(), callees, lines);
        } else if (e instanceof Ast.Index ix) {
            calls(ix.obj(), callees, lines);
            calls(ix.key(), callees, lines);
        } else if (e instanceof Ast.Paren pe) {
            calls(pe.expr(), callees, lines);
        } else if (e instanceof Ast.Table t) {
            for (Ast.Field fl : t.fields()) {
                if (fl instanceof Ast.PosField pf) {
                    calls(pf.value(), callees, lines);
                } else if (fl instanceof Ast.NamedField nf) {
                    calls(nf.value(), callees, lines);
                } else {
                    Ast.KeyedField kf = (Ast.KeyedField) fl;
                    calls(kf.key(), callees, lines);
                    calls(kf.value(), callees, lines);
                }
            }
        } else {
            Objects.requireNonNull(e);
        }
    }

    /** The name a call site gives the function expression: a variable's name or a field's key. */
    private static String calleeOf(Ast.Expr fn) {
        if (fn instanceof Ast.Name n) return n.name();
        if (fn instanceof Ast.Index ix && ix.key() instanceof Ast.Str s) return s.value();
        return null;
    }
}
