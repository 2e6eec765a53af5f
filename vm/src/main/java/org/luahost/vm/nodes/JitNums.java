package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_long;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

import org.luahost.vm.runtime.Numbers;

/**
 * The per-site fast paths of the compiled tier's numeric operators ({@code + - * /} and the
 * order comparisons): the operands' type tests are emitted in the unit's own bytecode, so
 * each site has its own branch profile and C2 keeps only the paths that site took.
 *
 * <p>Only the kinds the node met in the first tier get a path (its {@code seen} bits): a
 * site that saw only floats gets no integer path, which keeps the unit's bytecode close to
 * its size with the helper call alone.
 *
 * <p>Through the shared {@link JitRt} helpers alone every site inlined the profile of all
 * sites of all units: a site that only ever saw floats still got the integer paths (more
 * code for C2 in large units such as {@code awfy_cd}'s), and a type new to the helper's
 * profile threw away every unit that had inlined it ({@code class_check} traps). Anything
 * not covered here (mixed integer and float operands, strings, metamethods) jumps to the
 * helper, which does the whole operation; the fast paths compute exactly what the helper's
 * first lines compute (wrapping integer arithmetic, {@link Numbers}' float rules).
 */
final class JitNums {
    private static final ClassDesc CD_Long = ConstantDescs.CD_Long, CD_Double = ConstantDescs.CD_Double,
            CD_Numbers = JitExprs.desc(Numbers.class);
    private static final MethodTypeDesc MTD_DDD = MethodTypeDesc.of(CD_double, CD_double, CD_double);

    private JitNums() {}

    /** The constant type of e (Long or Double) when e is a numeric constant, else null. */
    private static Class<?> constType(Expr e) {
        return e instanceof Exprs.Const c && (c.value instanceof Long || c.value instanceof Double) ? c.value.getClass() : null;
    }

    /** Whether the operator has a fast path for this kind (Long or Double operands). */
    private static boolean covers(String op, Class<?> kind) {
        return kind == Double.class || !op.equals("div");
    }

    /**
     * Emits the fast paths of operator op (add, sub, mul, div, lt, le, gt, ge) on the operands in
     * temporaries x and y (expressions a and b): each leaves the result (a boxed number, or an
     * int 0/1 for a comparison) and jumps to end; when none applies, control reaches slow with
     * an empty stack. Returns false (and emits nothing) when the operator has none.
     */
    static boolean emit(CodeBuilder cb, String op, Expr a, Expr b, int x, int y, int seen, Label slow, Label end) {
        boolean cmp = op.length() == 2;
        if (!cmp && !op.equals("add") && !op.equals("sub") && !op.equals("mul") && !op.equals("div")) return false;
        Class<?> ka = constType(a), kb = constType(b);
        if (ka != null && kb != null) return false;   // constant operands: left to the helper (folded by C2)
        Class<?> only = ka != null ? ka : kb;
        boolean doLong = (only == null || only == Long.class) && covers(op, Long.class) && (seen & Arith.SEEN_LONG) != 0;
        boolean doDouble = (only == null || only == Double.class) && (seen & Arith.SEEN_DOUBLE) != 0;
        if (!doLong && !doDouble) return false;
        if (doLong) {
            Label next = doDouble ? cb.newLabel() : slow;
            path(cb, op, Long.class, x, y, cval(a), cval(b), next, end);
            if (doDouble) cb.labelBinding(next);
        }
        if (doDouble) path(cb, op, Double.class, x, y, cval(a), cval(b), slow, end);
        return true;
    }

    /** One kind's path: tests the non-constant operands, computes, jumps to end; else jumps to fail. */
    private static void path(CodeBuilder cb, String op, Class<?> kind, int x, int y, Object xc, Object yc,
                             Label fail, Label end) {
        ClassDesc box = kind == Long.class ? CD_Long : CD_Double;
        if (xc == null) cb.aload(x).instanceOf(box).ifeq(fail);
        if (yc == null) cb.aload(y).instanceOf(box).ifeq(fail);
        unbox(cb, x, xc, box, kind);
        unbox(cb, y, yc, box, kind);
        boolean isLong = kind == Long.class;
        switch (op) {
            case "add" -> arith(cb, isLong, "add");
            case "sub" -> arith(cb, isLong, "sub");
            case "mul" -> arith(cb, isLong, "mul");
            case "div" -> arith(cb, false, "div");
            default -> {
                // NaN: dcmpg gives 1 (so < and <= are false), dcmpl gives -1 (so > and >= are false)
                if (isLong) cb.lcmp();
                else if (op.equals("lt") || op.equals("le")) cb.dcmpg();
                else cb.dcmpl();
                Label t = cb.newLabel();
                switch (op) {
                    case "lt" -> cb.iflt(t);
                    case "le" -> cb.ifle(t);
                    case "gt" -> cb.ifgt(t);
                    default -> cb.ifge(t);
                }
                cb.iconst_0().goto_(end);
                cb.labelBinding(t);
                cb.iconst_1().goto_(end);
                return;
            }
        }
        if (isLong) cb.invokestatic(CD_Long, "valueOf", MethodTypeDesc.of(CD_Long, CD_long));
        else cb.invokestatic(CD_Double, "valueOf", MethodTypeDesc.of(CD_Double, CD_double));
        cb.goto_(end);
    }

    private static void arith(CodeBuilder cb, boolean isLong, String name) {
        if (isLong) {
            switch (name) {
                case "add" -> cb.ladd();
                case "sub" -> cb.lsub();
                default -> cb.lmul();
            }
        } else {
            cb.invokestatic(CD_Numbers, name, MTD_DDD);
        }
    }

    /** A numeric constant operand's value, else null. */
    private static Object cval(Expr e) { return constType(e) != null ? ((Exprs.Const) e).value : null; }

    /** Loads the number in temporary t (or constant c when not null) as a long or double. */
    private static void unbox(CodeBuilder cb, int t, Object c, ClassDesc box, Class<?> kind) {
        if (c instanceof Long l) {
            cb.loadConstant(l.longValue());
            return;
        }
        if (c instanceof Double d) {
            cb.loadConstant(d.doubleValue());
            return;
        }
        cb.aload(t).checkcast(box);
        if (kind == Long.class) cb.invokevirtual(box, "longValue", MethodTypeDesc.of(CD_long));
        else cb.invokevirtual(box, "doubleValue", MethodTypeDesc.of(CD_double));
    }
}
