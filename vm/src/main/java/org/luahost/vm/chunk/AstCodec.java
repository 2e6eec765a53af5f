package org.luahost.vm.chunk;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.luahost.vm.parser.Ast;

/**
 * The payload of a binary chunk ({@link Dump}): a function's syntax tree in a
 * compact byte form. Each node is a tag byte followed by its fields; integers
 * are unsigned LEB128 varints (zig-zag for signed values), floats their eight
 * IEEE bytes, strings a varint length and their bytes. Lines are written
 * unless the chunk is stripped; a stripped chunk reads back with every line 0
 * except the function's own linedefined and lastlinedefined, which the
 * reference keeps too.
 *
 * <p>The reader trusts nothing: every count is checked against the bytes
 * left, nesting is bounded, and a tree the parser could not have produced
 * (an assignment to a call, say) is refused, so hostile input ends in a
 * {@link Bad} exception, which {@link Dump} turns into a Lua error.
 */
final class AstCodec {
    private AstCodec() {}

    /** Malformed payload; the message is the reason in the reference's "bad binary format (...)" wording. */
    static final class Bad extends RuntimeException {
        Bad(String why) { super(why, null, false, false); }
    }

    // expression tags
    private static final int E_NIL = 0, E_TRUE = 1, E_FALSE = 2, E_VARARG = 3, E_INT = 4, E_FLT = 5, E_STR = 6,
            E_FUNCTION = 7, E_TABLE = 8, E_BINOP = 9, E_UNOP = 10, E_NAME = 11, E_INDEX = 12, E_CALL = 13,
            E_METHOD = 14, E_PAREN = 15;
    // statement tags
    private static final int S_LOCAL = 0, S_ASSIGN = 1, S_CALL = 2, S_DO = 3, S_WHILE = 4, S_REPEAT = 5, S_IF = 6,
            S_NUMFOR = 7, S_GENFOR = 8, S_FUNCTION = 9, S_LOCALFUNCTION = 10, S_RETURN = 11, S_BREAK = 12,
            S_GOTO = 13, S_LABEL = 14;
    // table field tags
    private static final int F_POS = 0, F_NAMED = 1, F_KEYED = 2;

    /** Deepest nesting of nodes the reader accepts (the parser's own limit keeps real trees far below it). */
    private static final int MAX_DEPTH = 2000;

    // the codes of operators and attributes in the format: their index here (not the enum's ordinal, which may change)
    private static final Ast.BinOpKind[] BINOPS = {
        Ast.BinOpKind.OR, Ast.BinOpKind.AND, Ast.BinOpKind.LT, Ast.BinOpKind.GT, Ast.BinOpKind.LE, Ast.BinOpKind.GE,
        Ast.BinOpKind.NE, Ast.BinOpKind.EQ, Ast.BinOpKind.BOR, Ast.BinOpKind.BXOR, Ast.BinOpKind.BAND, Ast.BinOpKind.SHL,
        Ast.BinOpKind.SHR, Ast.BinOpKind.CONCAT, Ast.BinOpKind.ADD, Ast.BinOpKind.SUB, Ast.BinOpKind.MUL,
        Ast.BinOpKind.DIV, Ast.BinOpKind.IDIV, Ast.BinOpKind.MOD, Ast.BinOpKind.POW};
    private static final Ast.UnOpKind[] UNOPS = {Ast.UnOpKind.NOT, Ast.UnOpKind.NEG, Ast.UnOpKind.LEN, Ast.UnOpKind.BNOT};
    private static final Ast.Attrib[] ATTRIBS = {Ast.Attrib.NONE, Ast.Attrib.CONST, Ast.Attrib.CLOSE};

    private static int code(Object[] table, Object v) {
        for (int i = 0; i < table.length; i++) if (table[i] == v) return i;
        throw new IllegalStateException("no binary chunk code for " + v);
    }

    // ================================================================ writing

    static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final boolean strip;

        Writer(boolean strip) { this.strip = strip; }

        void u8(int b) { out.write(b); }

        void uvar(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        void svar(long v) { uvar((v << 1) ^ (v >> 63)); }

        void bool(boolean b) { out.write(b ? 1 : 0); }

        /** A Lua byte string (one char per byte). */
        void str(String s) {
            uvar(s.length());
            for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
        }

        void line(int line) { if (!strip) svar(line); }

        /** A constant value: nil, a boolean, an integer, a float or a string. */
        void constant(Object v) {
            switch (v) {
                case null -> u8(0);
                case Boolean b -> u8(b ? 2 : 1);
                case Long l -> { u8(3); svar(l); }
                case Double d -> {
                    u8(4);
                    long bits = Double.doubleToRawLongBits(d);
                    for (int k = 56; k >= 0; k -= 8) u8((int) (bits >>> k) & 0xFF);
                }
                case String s -> { u8(5); str(s); }
                default -> throw new IllegalStateException("not a constant: " + v);
            }
        }

        void strs(List<String> l) {
            uvar(l.size());
            for (String s : l) str(s);
        }

        void body(Ast.FuncBody b) {
            svar(b.line());
            svar(b.lastLine());
            strs(b.params());
            bool(b.method());
            bool(b.vararg());
            block(b.block());
        }

        void block(Ast.Block b) {
            uvar(b.stats().size());
            for (Ast.Stat s : b.stats()) stat(s);
            line(b.endLine());
            line(b.closeLine());
        }

        void blocks(List<Ast.Block> l) {
            uvar(l.size());
            for (Ast.Block b : l) block(b);
        }

        void exprs(List<Ast.Expr> l) {
            uvar(l.size());
            for (Ast.Expr e : l) expr(e);
        }

        void optExpr(Ast.Expr e) {
            bool(e != null);
            if (e != null) expr(e);
        }

        void stat(Ast.Stat s) {
            switch (s) {
                case Ast.Local l -> {
                    tag(S_LOCAL, l.line());
                    strs(l.names());
                    for (Ast.Attrib a : l.attribs()) u8(code(ATTRIBS, a));
                    exprs(l.exprs());
                }
                case Ast.Assign a -> { tag(S_ASSIGN, a.line()); exprs(a.targets()); exprs(a.exprs()); }
                case Ast.CallStat c -> { tag(S_CALL, c.line()); expr(c.call()); }
                case Ast.Do d -> { tag(S_DO, d.line()); block(d.block()); }
                case Ast.While w -> { tag(S_WHILE, w.line()); expr(w.cond()); block(w.block()); }
                case Ast.Repeat r -> { tag(S_REPEAT, r.line()); block(r.block()); expr(r.cond()); }
                case Ast.If i -> {
                    tag(S_IF, i.line());
                    exprs(i.conds());
                    blocks(i.blocks());
                    bool(i.elseBlock() != null);
                    if (i.elseBlock() != null) block(i.elseBlock());
                }
                case Ast.NumericFor n -> {
                    tag(S_NUMFOR, n.line());
                    str(n.var());
                    expr(n.start());
                    expr(n.limit());
                    optExpr(n.step());
                    block(n.block());
                }
                case Ast.GenericFor g -> { tag(S_GENFOR, g.line()); strs(g.names()); exprs(g.exprs()); block(g.block()); }
                case Ast.FunctionStat f -> { tag(S_FUNCTION, f.line()); expr(f.target()); str(f.name()); expr(f.function()); }
                case Ast.LocalFunction lf -> { tag(S_LOCALFUNCTION, lf.line()); str(lf.name()); expr(lf.function()); }
                case Ast.Return r -> { tag(S_RETURN, r.line()); exprs(r.exprs()); }
                case Ast.Break b -> tag(S_BREAK, b.line());
                case Ast.Goto g -> { tag(S_GOTO, g.line()); str(g.label()); }
                case Ast.Label l -> { tag(S_LABEL, l.line()); str(l.name()); line(l.checkLine()); }
            }
        }

        private void tag(int tag, int line) {
            u8(tag);
            line(line);
        }

        void expr(Ast.Expr e) {
            switch (e) {
                case Ast.Nil n -> tag(E_NIL, n.line());
                case Ast.True t -> tag(E_TRUE, t.line());
                case Ast.False f -> tag(E_FALSE, f.line());
                case Ast.Vararg v -> tag(E_VARARG, v.line());
                case Ast.Int i -> { tag(E_INT, i.line()); svar(i.value()); }
                case Ast.Flt f -> {
                    tag(E_FLT, f.line());
                    long bits = Double.doubleToRawLongBits(f.value());
                    for (int k = 56; k >= 0; k -= 8) u8((int) (bits >>> k) & 0xFF);
                }
                case Ast.Str s -> { tag(E_STR, s.line()); str(s.value()); }
                case Ast.Function f -> { tag(E_FUNCTION, f.line()); body(f.body()); }
                case Ast.Table t -> {
                    tag(E_TABLE, t.line());
                    uvar(t.fields().size());
                    for (Ast.Field fl : t.fields()) {
                        switch (fl) {
                            case Ast.PosField p -> { u8(F_POS); expr(p.value()); }
                            case Ast.NamedField n -> { u8(F_NAMED); str(n.name()); expr(n.value()); }
                            case Ast.KeyedField k -> { u8(F_KEYED); expr(k.key()); expr(k.value()); }
                        }
                    }
                }
                case Ast.BinOp b -> { tag(E_BINOP, b.line()); u8(code(BINOPS, b.op())); expr(b.left()); expr(b.right()); }
                case Ast.UnOp u -> { tag(E_UNOP, u.line()); u8(code(UNOPS, u.op())); expr(u.operand()); }
                case Ast.Name n -> { tag(E_NAME, n.line()); str(n.name()); }
                case Ast.Index i -> { tag(E_INDEX, i.line()); expr(i.obj()); expr(i.key()); }
                case Ast.Call c -> { tag(E_CALL, c.line()); expr(c.fn()); exprs(c.args()); }
                case Ast.MethodCall m -> { tag(E_METHOD, m.line()); expr(m.obj()); str(m.name()); exprs(m.args()); }
                case Ast.Paren p -> { tag(E_PAREN, p.line()); expr(p.expr()); }
            }
        }
    }

    // ================================================================ reading

    static final class Reader {
        private final String b;   // one char per byte
        private int pos;
        private final int end;
        private final boolean strip;
        private int depth;

        Reader(String bytes, int start, int end, boolean strip) {
            this.b = bytes;
            this.pos = start;
            this.end = end;
            this.strip = strip;
        }

        boolean atEnd() { return pos == end; }

        int u8() {
            if (pos >= end) throw new Bad("truncated chunk");
            return b.charAt(pos++) & 0xFF;
        }

        long uvar() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int c = u8();
                if (shift == 63 && (c & 0x7E) != 0) throw new Bad("corrupted chunk");
                v |= (long) (c & 0x7F) << shift;
                if ((c & 0x80) == 0) return v;
                if (shift >= 63) throw new Bad("corrupted chunk");
            }
        }

        long svar() {
            long v = uvar();
            return (v >>> 1) ^ -(v & 1);
        }

        int sint() {
            long v = svar();
            if (v != (int) v) throw new Bad("corrupted chunk");
            return (int) v;
        }

        /** A count of items that each take at least one byte: never more than the bytes left. */
        int count() {
            long n = uvar();   // unsigned: a "negative" count is a huge one
            if (Long.compareUnsigned(n, end - pos) > 0) throw new Bad("truncated chunk");
            return (int) n;
        }

        boolean bool() {
            int v = u8();
            if (v > 1) throw new Bad("corrupted chunk");
            return v == 1;
        }

        String str() {
            long n = uvar();   // unsigned, as count()
            if (Long.compareUnsigned(n, end - pos) > 0) throw new Bad("truncated chunk");
            String s = b.substring(pos, pos + (int) n);
            pos += (int) n;
            return s;
        }

        Object constant() {
            return switch (u8()) {
                case 0 -> null;
                case 1 -> Boolean.FALSE;
                case 2 -> Boolean.TRUE;
                case 3 -> svar();
                case 4 -> {
                    long bits = 0;
                    for (int k = 0; k < 8; k++) bits = (bits << 8) | u8();
                    yield Double.longBitsToDouble(bits);
                }
                case 5 -> str().intern();
                default -> throw new Bad("corrupted chunk");
            };
        }

        private String name() {
            String s = str();
            if (s.isEmpty()) throw new Bad("corrupted chunk");
            return s;
        }

        private int line() { return strip ? 0 : sint(); }

        private List<String> names() {
            int n = count();
            List<String> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) l.add(name());
            return l;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) throw new Bad("corrupted chunk");
        }

        Ast.FuncBody body() {
            enter();
            int line = sint(), lastLine = sint();
            List<String> params = names();
            boolean method = bool(), vararg = bool();
            Ast.FuncBody r = new Ast.FuncBody(line, lastLine, params, method, vararg, block());
            depth--;
            return r;
        }

        Ast.Block block() {
            enter();
            int n = count();
            List<Ast.Stat> stats = new ArrayList<>(n);
            for (int i = 0; i < n; i++) stats.add(stat());
            int endLine = line();
            Ast.Block r = new Ast.Block(stats, endLine, line());
            depth--;
            return r;
        }

        private List<Ast.Expr> exprs(int min) {
            int n = count();
            if (n < min) throw new Bad("corrupted chunk");
            List<Ast.Expr> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) l.add(expr());
            return l;
        }

        private static boolean assignable(Ast.Expr e) { return e instanceof Ast.Name || e instanceof Ast.Index; }

        Ast.Stat stat() {
            enter();
            int tag = u8();
            int line = line();
            Ast.Stat r = switch (tag) {
                case S_LOCAL -> {
                    List<String> names = names();
                    if (names.isEmpty()) throw new Bad("corrupted chunk");
                    List<Ast.Attrib> attribs = new ArrayList<>(names.size());
                    for (int i = 0; i < names.size(); i++) {
                        int a = u8();
                        if (a >= ATTRIBS.length) throw new Bad("corrupted chunk");
                        attribs.add(ATTRIBS[a]);
                    }
                    yield new Ast.Local(line, names, attribs, exprs(0));
                }
                case S_ASSIGN -> {
                    List<Ast.Expr> targets = exprs(1);
                    for (Ast.Expr t : targets) if (!assignable(t)) throw new Bad("corrupted chunk");
                    yield new Ast.Assign(line, targets, exprs(1));
                }
                case S_CALL -> {
                    Ast.Expr c = expr();
                    if (!(c instanceof Ast.Call || c instanceof Ast.MethodCall)) throw new Bad("corrupted chunk");
                    yield new Ast.CallStat(line, c);
                }
                case S_DO -> new Ast.Do(line, block());
                case S_WHILE -> new Ast.While(line, expr(), block());
                case S_REPEAT -> new Ast.Repeat(line, block(), expr());
                case S_IF -> {
                    List<Ast.Expr> conds = exprs(1);
                    int nb = count();
                    if (nb != conds.size()) throw new Bad("corrupted chunk");
                    List<Ast.Block> blocks = new ArrayList<>(nb);
                    for (int i = 0; i < nb; i++) blocks.add(block());
                    Ast.Block orelse = bool() ? block() : null;
                    yield new Ast.If(line, conds, blocks, orelse);
                }
                case S_NUMFOR -> {
                    String var = name();
                    Ast.Expr start = expr(), limit = expr();
                    Ast.Expr step = bool() ? expr() : null;
                    yield new Ast.NumericFor(line, var, start, limit, step, block());
                }
                case S_GENFOR -> {
                    List<String> names = names();
                    if (names.isEmpty()) throw new Bad("corrupted chunk");
                    yield new Ast.GenericFor(line, names, exprs(1), block());
                }
                case S_FUNCTION -> {
                    Ast.Expr target = expr();
                    if (!assignable(target)) throw new Bad("corrupted chunk");
                    String name = name();
                    if (!(expr() instanceof Ast.Function fn)) throw new Bad("corrupted chunk");
                    yield new Ast.FunctionStat(line, target, name, fn);
                }
                case S_LOCALFUNCTION -> {
                    String name = name();
                    if (!(expr() instanceof Ast.Function fn)) throw new Bad("corrupted chunk");
                    yield new Ast.LocalFunction(line, name, fn);
                }
                case S_RETURN -> new Ast.Return(line, exprs(0));
                case S_BREAK -> new Ast.Break(line);
                case S_GOTO -> new Ast.Goto(line, name());
                case S_LABEL -> new Ast.Label(line, name(), line());
                default -> throw new Bad("corrupted chunk");
            };
            depth--;
            return r;
        }

        Ast.Expr expr() {
            enter();
            int tag = u8();
            int line = line();
            Ast.Expr r = switch (tag) {
                case E_NIL -> new Ast.Nil(line);
                case E_TRUE -> new Ast.True(line);
                case E_FALSE -> new Ast.False(line);
                case E_VARARG -> new Ast.Vararg(line);
                case E_INT -> new Ast.Int(line, svar());
                case E_FLT -> {
                    long bits = 0;
                    for (int k = 0; k < 8; k++) bits = (bits << 8) | u8();
                    yield new Ast.Flt(line, Double.longBitsToDouble(bits));
                }
                case E_STR -> new Ast.Str(line, str());
                case E_FUNCTION -> new Ast.Function(line, body());
                case E_TABLE -> {
                    int n = count();
                    List<Ast.Field> fields = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        fields.add(switch (u8()) {
                            case F_POS -> new Ast.PosField(expr());
                            case F_NAMED -> new Ast.NamedField(name(), expr());
                            case F_KEYED -> new Ast.KeyedField(expr(), expr());
                            default -> throw new Bad("corrupted chunk");
                        });
                    }
                    yield new Ast.Table(line, fields);
                }
                case E_BINOP -> {
                    int op = u8();
                    if (op >= BINOPS.length) throw new Bad("corrupted chunk");
                    yield new Ast.BinOp(line, BINOPS[op], expr(), expr());
                }
                case E_UNOP -> {
                    int op = u8();
                    if (op >= UNOPS.length) throw new Bad("corrupted chunk");
                    yield new Ast.UnOp(line, UNOPS[op], expr());
                }
                case E_NAME -> new Ast.Name(line, name());
                case E_INDEX -> new Ast.Index(line, expr(), expr());
                case E_CALL -> new Ast.Call(line, expr(), exprs(0));
                case E_METHOD -> new Ast.MethodCall(line, expr(), name(), exprs(0));
                case E_PAREN -> new Ast.Paren(line, expr());
                default -> throw new Bad("corrupted chunk");
            };
            depth--;
            return r;
        }
    }
}
