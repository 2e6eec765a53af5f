package org.luahost.vm.compiler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;

import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Cell;

/**
 * First compiler pass: finds which local variables are captured by inner
 * functions. Only those need a {@link Cell}; the others live directly in
 * frame slots. A declaration is identified by its AST node and its position
 * in that node (the n-th name of a {@code local} statement, the n-th
 * parameter, ...).
 */
final class Captures {
    private final IdentityHashMap<Object, boolean[]> captured = new IdentityHashMap<>();

    private static final class Decl {
        final String name;
        final Object node;
        final int idx;
        final Fn fn;

        Decl(String name, Object node, int idx, Fn fn) { this.name = name; this.node = node; this.idx = idx; this.fn = fn; }
    }

    private static final class Fn {
        final Fn parent;
        final List<Decl> active = new ArrayList<>();

        Fn(Fn parent) { this.parent = parent; }
    }

    private Fn fn;

    static Captures analyze(Ast.Chunk chunk) {
        Captures c = new Captures();
        c.function(chunk.body());
        return c;
    }

    boolean isCaptured(Object node, int idx) {
        boolean[] b = captured.get(node);
        return b != null && idx < b.length && b[idx];
    }

    private void declare(String name, Object node, int idx) {
        fn.active.add(new Decl(name, node, idx, fn));
    }

    private void use(String name) {
        for (Fn f = fn; f != null; f = f.parent) {
            for (int i = f.active.size() - 1; i >= 0; i--) {
                Decl d = f.active.get(i);
                if (d.name.equals(name)) {
                    if (f != fn) mark(d);
                    return;
                }
            }
        }
        if (!name.equals("_ENV")) use("_ENV");
    }

    private void mark(Decl d) {
        boolean[] b = captured.get(d.node);
        if (b == null || b.length <= d.idx) {
            boolean[] nb = new boolean[Math.max(d.idx + 1, 4)];
            if (b != null) System.arraycopy(b, 0, nb, 0, b.length);
            captured.put(d.node, nb);
            b = nb;
        }
        b[d.idx] = true;
    }

    private void function(Ast.FuncBody body) {
        fn = new Fn(fn);
        int k = 0;
        if (body.method()) declare("self", body, k++);
        for (String p : body.params()) declare(p, body, k++);
        block(body.block());
        fn = fn.parent;
    }

    private void block(Ast.Block b) {
        int mark = fn.active.size();
        for (Ast.Stat s : b.stats()) stat(s);
        trim(mark);
    }

    private void trim(int mark) {
        List<Decl> a = fn.active;
        while (a.size() > mark) a.remove(a.size() - 1);
    }

    // instanceof chains, not pattern switches: each type switch is an invokedynamic site the JDK
    // links at its first run by spinning a hidden class, which the AOT cache does not keep (start-up)
    private void stat(Ast.Stat s) {
        if (s instanceof Ast.Local l) {
            exprs(l.exprs());
            for (int i = 0; i < l.names().size(); i++) declare(l.names().get(i), l, i);
        } else if (s instanceof Ast.Assign a) {
            exprs(a.targets()); exprs(a.exprs());
        } else if (s instanceof Ast.CallStat c) {
            expr(c.call());
        } else if (s instanceof Ast.Do d) {
            block(d.block());
        } else if (s instanceof Ast.While w) {
            expr(w.cond()); block(w.block());
        } else if (s instanceof Ast.Repeat r) {
            int mark = fn.active.size();
            for (Ast.Stat st : r.block().stats()) stat(st);
            expr(r.cond());
            trim(mark);
        } else if (s instanceof Ast.If i) {
            exprs(i.conds());
            for (Ast.Block b : i.blocks()) block(b);
            if (i.elseBlock() != null) block(i.elseBlock());
        } else if (s instanceof Ast.NumericFor n) {
            expr(n.start()); expr(n.limit());
            if (n.step() != null) expr(n.step());
            int mark = fn.active.size();
            declare(n.var(), n, 0);
            block(n.block());
            trim(mark);
        } else if (s instanceof Ast.GenericFor g) {
            exprs(g.exprs());
            int mark = fn.active.size();
            for (int i = 0; i < g.names().size(); i++) declare(g.names().get(i), g, i);
            block(g.block());
            trim(mark);
        } else if (s instanceof Ast.FunctionStat f) {
            expr(f.target()); expr(f.function());
        } else if (s instanceof Ast.LocalFunction lf) {
            declare(lf.name(), lf, 0); expr(lf.function());
        } else if (s instanceof Ast.Return r) {
            exprs(r.exprs());
        } else if (!(s instanceof Ast.Break || s instanceof Ast.Goto || s instanceof Ast.Label)) {
            throw new MatchException(String.valueOf(s), null);
        }
    }

    private void exprs(List<Ast.Expr> es) { for (Ast.Expr e : es) expr(e); }

    private void expr(Ast.Expr e) {
        if (e instanceof Ast.Name n) {
            use(n.name());
        } else if (e instanceof Ast.Index i) {
            expr(i.obj()); expr(i.key());
        } else if (e instanceof Ast.Call c) {
            expr(c.fn()); exprs(c.args());
        } else if (e instanceof Ast.MethodCall m) {
            expr(m.obj()); exprs(m.args());
        } else if (e instanceof Ast.Paren p) {
            expr(p.expr());
        } else if (e instanceof Ast.BinOp b) {
            expr(b.left()); expr(b.right());
        } else if (e instanceof Ast.UnOp u) {
            expr(u.operand());
        } else if (e instanceof Ast.Function f) {
            function(f.body());
        } else if (e instanceof Ast.Table t) {
            for (Ast.Field fl : t.fields()) {
                if (fl instanceof Ast.PosField p) expr(p.value());
                else if (fl instanceof Ast.NamedField nf) expr(nf.value());
                else { Ast.KeyedField kf = (Ast.KeyedField) fl; expr(kf.key()); expr(kf.value()); }
            }
        } else {
            Objects.requireNonNull(e);
        }
    }
}
