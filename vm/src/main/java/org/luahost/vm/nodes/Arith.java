package org.luahost.vm.nodes;

import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.Ops;

/**
 * Arithmetic, bitwise and comparison operators. Each node handles the common
 * cases (two integers, two floats) inline and leaves everything else
 * (mixed numbers, string coercion, metamethods, errors) to {@link Ops}.
 */
public final class Arith {
    private Arith() {}

    public abstract static class Bin extends Expr {
        final Expr a, b;
        final int op;

        Bin(int line, int op, Expr a, Expr b) { super(line); this.op = op; this.a = a; this.b = b; }

        final Object slow(Frame f, Object x, Object y) { f.site = this; return Ops.arith(f.thread, op, x, y, this); }

        @Override
        public String varInfo(int i) {
            // the reference names a constant operand only for strings; variables always
            String d = (i == 0 ? a : b).describe();
            return Calls.info(d);
        }

        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return Ops.EVENTS[op].substring(2); }
    }

    /**
     * An arithmetic or bitwise operation whose left operand is a pending temporary
     * ({@link Exprs.Temp}): the operand is read back from its slot once the right one has
     * run, so a {@code debug.setlocal} on it from the call there changes the operand, as it
     * changes lua5.4's register ({@code (a + 1) + f()}). Only where the right operand makes a
     * call; the second tier emits the same read-back in its code for {@link #bin}.
     */
    public static final class Reload extends Expr {
        public final Bin bin;
        final int slot;

        public Reload(Bin bin, int slot) { super(bin.line); this.bin = bin; this.slot = slot; this.liveSlots = bin.liveSlots; }

        @Override
        public Object eval(Frame f) {
            bin.a.eval(f);
            Object y = bin.b.eval(f);
            return bin.slow(f, f.slots[slot], y);
        }
    }

    public static final class Add extends Bin {
        public Add(int line, Expr a, Expr b) { super(line, Ops.ADD, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i + j;
            if (x instanceof Double i && y instanceof Double j) return Numbers.add(i, j);
            return slow(f, x, y);
        }
    }

    public static final class Sub extends Bin {
        public Sub(int line, Expr a, Expr b) { super(line, Ops.SUB, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i - j;
            if (x instanceof Double i && y instanceof Double j) return Numbers.sub(i, j);
            return slow(f, x, y);
        }
    }

    /**
     * x - k for an integer constant k that is 0 after the reference's constant
     * folding: lua5.4 computes x - k as x + (-k) (OP_ADDI) and keeps __sub for
     * the metamethod, which differs from a subtraction only here: -0.0 - 0 is
     * -0.0 + 0 = 0.0.
     */
    public static final class SubZero extends Bin {
        public SubZero(int line, Expr a, Expr b) { super(line, Ops.SUB, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long) return x;
            if (x instanceof Double d) return d + 0.0;
            return slow(f, x, y);
        }
    }

    public static final class Mul extends Bin {
        public Mul(int line, Expr a, Expr b) { super(line, Ops.MUL, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i * j;
            if (x instanceof Double i && y instanceof Double j) return Numbers.mul(i, j);
            return slow(f, x, y);
        }
    }

    public static final class Div extends Bin {
        public Div(int line, Expr a, Expr b) { super(line, Ops.DIV, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Double i && y instanceof Double j) return Numbers.div(i, j);
            if (x instanceof Long i && y instanceof Long j) return (double) i / (double) j;
            return slow(f, x, y);
        }
    }

    public static final class Mod extends Bin {
        public Mod(int line, Expr a, Expr b) { super(line, Ops.MOD, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j && j != 0) return Ops.imod(i, j);
            if (x instanceof Double i && y instanceof Double j) return Ops.fmod(i, j);
            return slow(f, x, y);
        }
    }

    public static final class IDiv extends Bin {
        public IDiv(int line, Expr a, Expr b) { super(line, Ops.IDIV, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j && j != 0) return Math.floorDiv((long) i, (long) j);
            if (x instanceof Double i && y instanceof Double j) return Ops.idiv(i, j);
            return slow(f, x, y);
        }
    }

    public static final class Pow extends Bin {
        public Pow(int line, Expr a, Expr b) { super(line, Ops.POW, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Double i && y instanceof Double j) return Ops.pow(i, j);
            return slow(f, x, y);
        }
    }

    public static final class Bitwise extends Bin {
        public Bitwise(int line, int op, Expr a, Expr b) { super(line, op, a, b); }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return Ops.bitwiseInt(op, i, j);
            return slow(f, x, y);
        }
    }

    public static final class Neg extends Expr {
        final Expr a;

        public Neg(int line, Expr a) { super(line); this.a = a; }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f);
            if (x instanceof Long i) return -i;
            if (x instanceof Double d) return -d;
            f.site = this;
            return Ops.arith(f.thread, Ops.UNM, x, x, this);
        }

        @Override public String varInfo(int i) { return Calls.info(a.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "unm"; }
    }

    public static final class BNot extends Expr {
        final Expr a;

        public BNot(int line, Expr a) { super(line); this.a = a; }

        @Override
        public Object eval(Frame f) {
            Object x = a.eval(f);
            if (x instanceof Long i) return ~i;
            f.site = this;
            return Ops.arith(f.thread, Ops.BNOT, x, x, this);
        }

        @Override public String varInfo(int i) { return Calls.info(a.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "bnot"; }
    }

    // ---------------------------------------------------------------- comparisons

    abstract static class Cmp extends Expr {
        final Expr a, b;

        Cmp(int line, Expr a, Expr b) { super(line); this.a = a; this.b = b; }

        @Override public final Object eval(Frame f) { return test(f) ? Boolean.TRUE : Boolean.FALSE; }
        @Override public String calleeNameWhat() { return "metamethod"; }
    }

    public static final class Eq extends Cmp {
        final boolean negate;

        public Eq(int line, Expr a, Expr b, boolean negate) { super(line, a, b); this.negate = negate; }

        @Override
        public boolean test(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            boolean r;
            if (x == y) r = !(x instanceof Double d && d.isNaN());
            else if (x instanceof Long i && y instanceof Long j) r = i.longValue() == j.longValue();
            else if (x instanceof String s && y instanceof String t) r = Ops.streq(f.thread, s, t);
            else {
                f.site = this;
                r = Ops.eq(f.thread, x, y);
            }
            return r != negate;
        }

        @Override public String calleeName() { return "eq"; }
    }

    /** a < b, or a > b with the operands swapped (as the reference compiles it). */
    public static final class Lt extends Cmp {
        public Lt(int line, Expr a, Expr b) { super(line, a, b); }

        @Override
        public boolean test(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i < j;
            if (x instanceof Double i && y instanceof Double j) return i < j;
            f.site = this;
            return Ops.lt(f.thread, x, y, this);
        }

        @Override public String calleeName() { return "lt"; }
    }

    /** a > b evaluated left to right, compared as b < a. */
    public static final class Gt extends Cmp {
        public Gt(int line, Expr a, Expr b) { super(line, a, b); }

        @Override
        public boolean test(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i > j;
            if (x instanceof Double i && y instanceof Double j) return i > j;
            f.site = this;
            return Ops.lt(f.thread, y, x, this);
        }

        @Override public String calleeName() { return "lt"; }
    }

    public static final class Le extends Cmp {
        public Le(int line, Expr a, Expr b) { super(line, a, b); }

        @Override
        public boolean test(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i <= j;
            if (x instanceof Double i && y instanceof Double j) return i <= j;
            f.site = this;
            return Ops.le(f.thread, x, y, this);
        }

        @Override public String calleeName() { return "le"; }
    }

    public static final class Ge extends Cmp {
        public Ge(int line, Expr a, Expr b) { super(line, a, b); }

        @Override
        public boolean test(Frame f) {
            Object x = a.eval(f), y = b.eval(f);
            if (x instanceof Long i && y instanceof Long j) return i >= j;
            if (x instanceof Double i && y instanceof Double j) return i >= j;
            f.site = this;
            return Ops.le(f.thread, y, x, this);
        }

        @Override public String calleeName() { return "le"; }
    }
}
