package org.luahost.vm.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.luahost.vm.nodes.Arith;
import org.luahost.vm.nodes.Calls;
import org.luahost.vm.nodes.Expr;
import org.luahost.vm.nodes.Exprs;
import org.luahost.vm.nodes.HookMark;
import org.luahost.vm.nodes.Pins;
import org.luahost.vm.parser.Ast;
import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Proto;

/**
 * The compiler's expression half: turns syntax-tree expressions into
 * {@link Expr} nodes, picking specialised ones where the tree allows
 * (constant-key field access, fixed-arity calls, folded negative numerals,
 * flattened concatenations), and finds the values of the constant expressions
 * the reference folds for {@code <const>} locals. Names are resolved by
 * {@link Scopes}; a function expression is compiled by the statement half
 * ({@link Compiler}).
 */
abstract class ExprCompiler extends HookLines {
    ExprCompiler(Ast.Chunk chunk, boolean strip) { super(chunk, strip); }

    /** Compiles a function (the statement half does it); a root function has the given upvalues, a nested one null. */
    abstract Proto function(Ast.FuncBody body, String[] rootUpvalues);

    // ---------------------------------------------------------------- variables

    Expr read(Ref r, int line) {
        // instanceof chains, not pattern switches, in this class: see Compiler.stat0
        if (r instanceof LocalRef l) return l.v().cell ? new Exprs.CellLocal(line, l.v().slot, debugName(l.v().name)) : new Exprs.Local(line, l.v().slot, debugName(l.v().name));
        if (r instanceof GlobalRef g) {
            // without debug information the reference cannot tell that an upvalue is _ENV: "field 'x'"
            return strip ? new Exprs.Field(line, env(line), g.name().intern(), false) : new Exprs.Global(line, env(line), g.name());
        }
        if (r instanceof UpRef u) return new Exprs.Upval(line, u.idx(), strip ? "?" : u.name());
        if (r instanceof ConstRef c) return new Exprs.Const(line, c.v().ctcValue);
        throw new MatchException(String.valueOf(r), null);
    }

    Expr env(int line) {
        Ref r = resolve("_ENV", line);
        if (r instanceof GlobalRef) throw new IllegalStateException("_ENV unresolved");
        return read(r, line);
    }

    /** A local's name for error messages, or null without debug information. */
    String debugName(String name) { return strip ? null : name; }

    boolean isEnv(Expr e) {
        if (strip) return false;
        return (e instanceof Exprs.Upval u && u.name.equals("_ENV")) || (e instanceof Exprs.Local l && l.name.equals("_ENV"))
                || (e instanceof Exprs.CellLocal c && c.name.equals("_ENV"));
    }

    // ---------------------------------------------------------------- pending temporaries (D12)

    // While a part of an expression makes a call, lua5.4 keeps the values of the earlier parts
    // that the operation still needs in registers past the active locals, where debug.getlocal
    // shows them as "(temporary)" to the callee and its hooks. The compiler gives each such part
    // a frame slot above the locals (an Exprs.Temp stores its value there) and tells each call the
    // slots pending around it (Calls.CallBase.pending), in lua5.4's register order. A part is
    // kept only when a later part contains a call, so other code is unchanged; which parts take a
    // register follows lua5.4 (learnt by running it with getlocal probes): every part of a call,
    // an expression list or a concatenation, a table being built and its positional items (50 at
    // most: then they are stored), a method and its object, and an operand of arithmetic or a
    // comparison unless it is a local or a constant.

    /** Whether evaluating e makes a call (outside the functions it defines). */
    static boolean hasCall(Ast.Expr e) {
        if (e instanceof Ast.Call || e instanceof Ast.MethodCall) return true;
        if (e instanceof Ast.BinOp b) return hasCall(b.left()) || hasCall(b.right());
        if (e instanceof Ast.UnOp u) return hasCall(u.operand());
        if (e instanceof Ast.Index ix) return hasCall(ix.obj()) || hasCall(ix.key());
        if (e instanceof Ast.Paren p) return hasCall(p.expr());
        if (e instanceof Ast.Table t) {
            for (Ast.Field f : t.fields()) {
                if (f instanceof Ast.PosField pf && hasCall(pf.value())) return true;
                if (f instanceof Ast.NamedField nf && hasCall(nf.value())) return true;
                if (f instanceof Ast.KeyedField kf && (hasCall(kf.key()) || hasCall(kf.value()))) return true;
            }
        }
        return false;
    }

    /** Whether any of es[from..] makes a call. */
    static boolean hasCall(List<Ast.Expr> es, int from) {
        for (int i = from; i < es.size(); i++) if (hasCall(es.get(i))) return true;
        return false;
    }

    /** Whether any of fields[from..] makes a call. */
    static boolean laterCall(List<Ast.Field> fields, int from) {
        for (int i = from; i < fields.size(); i++) {
            Ast.Field f = fields.get(i);
            Ast.Expr v = f instanceof Ast.PosField p ? p.value() : f instanceof Ast.NamedField nf ? nf.value() : ((Ast.KeyedField) f).value();
            if (hasCall(v) || f instanceof Ast.KeyedField kf && hasCall(kf.key())) return true;
        }
        return false;
    }

    /** The slot of a new pending temporary, past the locals and the temporaries already pending. */
    int reserveTemp() {
        if (fs.npend == fs.pend.length) fs.pend = java.util.Arrays.copyOf(fs.pend, fs.npend * 2);
        int s = fs.npend == 0 ? fs.nextSlot : Math.max(fs.pend[fs.npend - 1] + 1, fs.nextSlot);
        fs.pend[fs.npend++] = s;
        if (s + 1 > fs.maxTemp) fs.maxTemp = s + 1;
        return s;
    }

    /** A slot for a pending temporary when later parts make a call (see {@link #reserveTemp}), else -1. */
    int reserveTempIf(boolean later) { return later ? reserveTemp() : -1; }

    /** The pending temporaries now, for a call compiled here ({@link Calls.CallBase#pending}); null when none. */
    int[] pendingNow() { return fs.npend == 0 ? null : java.util.Arrays.copyOf(fs.pend, fs.npend); }

    /** e kept in slot (see {@link Exprs.Temp}), or e itself when slot is -1. */
    static Expr temp(Expr e, int slot) { return slot < 0 ? e : new Exprs.Temp(e, slot); }

    /** Whether lua5.4 uses operand e of a binary operator in place (a local, or a constant it may take as one). */
    boolean inPlace(Ast.BinOpKind op, Ast.Expr e) {
        while (e instanceof Ast.Paren p) e = p.expr();
        if (e instanceof Ast.Name n && resolveName(n) instanceof LocalRef) return true;
        if (!(constValue(e) instanceof Object[] c)) return false;
        if (op == Ast.BinOpKind.EQ || op == Ast.BinOpKind.NE) return true;
        return c[0] instanceof Long || c[0] instanceof Double;
    }

    /** The temporaries of a value list evaluated into consecutive registers: es compiled, each kept while a later one calls. */
    Expr[] listWithTemps(List<Ast.Expr> es, int[] slots) {
        Expr[] r = new Expr[es.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = expr(es.get(i));
            slots[i] = reserveTempIf(hasCall(es, i + 1));
        }
        return r;
    }

    /** Wraps each es[i] whose slot is set in a Temp (after pins: a Temp stores what its part gives). */
    static Expr[] withTemps(Expr[] es, int[] slots, int from) {
        Expr[] out = es;
        for (int i = 0; i < es.length; i++) {
            if (slots[from + i] < 0) continue;
            if (out == es) out = es.clone();
            out[i] = temp(es[i], slots[from + i]);
        }
        return out;
    }

    // ---------------------------------------------------------------- expressions

    Expr[] exprs(List<Ast.Expr> es) {
        Expr[] r = new Expr[es.size()];
        for (int i = 0; i < r.length; i++) r[i] = expr(es.get(i));
        return r;
    }

    static boolean lastMulti(Expr[] es) { return es.length > 0 && es[es.length - 1].isMulti(); }

    Expr expr(Ast.Expr e) {
        Expr x = expr0(e);
        x.liveSlots = fs.nextSlot;
        return x;
    }

    Expr expr0(Ast.Expr e) {
        if (e instanceof Ast.Name n) return name(n);
        if (e instanceof Ast.Index ix) return index(ix);
        if (e instanceof Ast.Call c) return call(c);
        if (e instanceof Ast.Str s) return load(e, new Exprs.Const(s.line(), s.value().intern()));
        if (e instanceof Ast.Int i) return load(e, new Exprs.Const(i.line(), i.value()));
        if (e instanceof Ast.BinOp b) return binop(b);
        if (e instanceof Ast.MethodCall m) return method(m);
        if (e instanceof Ast.Function f) {
            long saved = save();
            Proto p = function(f.body(), null);
            restore(saved);
            return pre(new Exprs.Function(f.line(), p), f.body().lastLine());   // the closure is made at its 'end'
        }
        if (e instanceof Ast.Table t) return table(t);
        if (e instanceof Ast.Nil n) return load(e, new Exprs.Const(n.line(), null));
        if (e instanceof Ast.True t) return load(e, new Exprs.Const(t.line(), Boolean.TRUE));
        if (e instanceof Ast.False f) return load(e, new Exprs.Const(f.line(), Boolean.FALSE));
        if (e instanceof Ast.Flt f) return load(e, new Exprs.Const(f.line(), f.value()));
        if (e instanceof Ast.UnOp u) return unop(u);
        if (e instanceof Ast.Paren p) {
            Expr inner = expr(p.expr());
            return inner.isMulti() ? new Exprs.Paren(p.line(), inner) : inner;
        }
        if (e instanceof Ast.Vararg v) return pre(new Exprs.Vararg(v.line()), line(v, 1));
        throw new MatchException(String.valueOf(e), null);
    }

    /**
     * A constant or a local: an instruction (a load, a move) only where the context takes the
     * value into a register.
     */
    Expr load(Ast.Expr e, Expr x) {
        int d = line(e, 0);
        return d > 0 ? pre(x, d) : x;
    }

    /** A name: a local or constant as {@link #load}; a global or an upvalue is loaded where its context takes it. */
    Expr name(Ast.Name n) {
        Ref r = resolveName(n);
        Expr x = read(r, n.line());
        if (r instanceof LocalRef || r instanceof ConstRef) return load(n, x);
        int d = line(n, 0);
        return pre(x, d != 0 ? Math.abs(d) : n.line());
    }

    Expr index(Ast.Index ix) {
        int at = line(ix, 0) != 0 ? Math.abs(line(ix, 0)) : ix.line();
        // a key the reference knows at compile time (a literal, or a <const> local holding one) is
        // a constant of the instruction: a string key names the field in error messages, a small
        // non-negative integer is an 'integer index' (GETI)
        Object[] kc = ix.key() instanceof Ast.Str || ix.key() instanceof Ast.Int ? null : constValue(ix.key());
        String ks = ix.key() instanceof Ast.Str str ? str.value() : kc != null && kc[0] instanceof String cs ? cs : null;
        // an upvalue indexed by a constant string is one instruction (GETTABUP): no load of the upvalue
        Expr obj = ks != null && ix.obj() instanceof Ast.Name nm && resolveName(nm) instanceof UpRef u
                ? read(u, nm.line()) : expr(ix.obj());
        if (ks != null) return new Exprs.Field(ix.line(), post(obj, at), ks.intern(), isEnv(obj));
        long ki = ix.key() instanceof Ast.Int i ? i.value() : kc != null && kc[0] instanceof Long l ? l : -1;
        String keyName = ki >= 0 && ki <= 255 ? "integer index" : "?";
        int mark = fs.npend;
        // the table waits in a register while the key calls, unless it is a local (or an upvalue, loaded after the key)
        Ast.Expr o = ix.obj();
        while (o instanceof Ast.Paren pe) o = pe.expr();
        boolean inReg = !(o instanceof Ast.Name nm2 && !(resolveName(nm2) instanceof GlobalRef));
        int slot = reserveTempIf(inReg && hasCall(ix.key()));
        Expr key = post(expr(ix.key()), at);
        fs.npend = mark;
        Expr[] p = Pins.held(obj, key);
        return Pins.scope(new Exprs.Index(ix.line(), temp(p[0], slot), p[1], keyName), p[0] != obj);
    }

    /** obj:name(args): the object is pinned while a later argument may call (see {@link Pins}), and so is the method found. */
    Expr method(Ast.MethodCall m) {
        int selfLine = line(m, 1) > 0 ? line(m, 1) : m.line();
        Expr obj = post(expr(m.obj()), line(m, 1));   // SELF, on the method name's line
        int[] pending = pendingNow();
        int mark = fs.npend;
        int tempBase = reserveTempIf(hasCall(m.args(), 0));
        if (tempBase >= 0) reserveTemp();   // the object, after the method
        int[] slots = new int[m.args().size()];
        Expr[] args = listWithTemps(m.args(), slots);
        fs.npend = mark;
        if (args.length == 0) obj = post(obj, m.line());
        else args[args.length - 1] = post(args[args.length - 1], m.line());
        Expr[] p = Pins.held(prepend(obj, args));
        boolean pinFn = Pins.anyMayCall(args, 0);
        Calls.Method x = new Calls.Method(m.line(), selfLine, p[0], m.name().intern(), withTemps(tail(p, args), slots, 0), lastMulti(args), pinFn);
        x.pending = pending;
        x.scope = strip ? null : openLocals();
        x.tempBase = tempBase;
        return Pins.scope(x, pinFn || p[0] != obj);
    }

    /** The call node of c, unscoped (for a tail call, whose pins the function's return drops). */
    Calls.CallBase callNode(Ast.Call c) {
        int[] pending = pendingNow();
        int mark = fs.npend;
        Expr fn = expr(c.fn());
        int fnSlot = reserveTempIf(hasCall(c.args(), 0));
        int[] argSlots = new int[c.args().size()];
        Expr[] args = listWithTemps(c.args(), argSlots);
        fs.npend = mark;
        if (args.length == 0) fn = post(fn, c.line());   // the call, on the line where its expression starts
        else args[args.length - 1] = post(args[args.length - 1], c.line());
        Expr[] p = Pins.held(prepend(fn, args));
        fn = temp(p[0], fnSlot);
        args = withTemps(tail(p, args), argSlots, 0);
        Calls.CallBase x = callNode(c, fn, args);
        x.pending = pending;
        x.scope = strip ? null : openLocals();
        return x;
    }

    private static Calls.CallBase callNode(Ast.Call c, Expr fn, Expr[] args) {
        boolean multi = lastMulti(args);
        if (!multi) {
            switch (args.length) {
                case 0: return new Calls.Call0(c.line(), fn);
                case 1: return new Calls.Call1(c.line(), fn, args[0]);
                case 2: return new Calls.Call2(c.line(), fn, args[0], args[1]);
                case 3: return new Calls.Call3(c.line(), fn, args[0], args[1], args[2]);
                default: break;
            }
        }
        return new Calls.CallN(c.line(), fn, args, multi);
    }

    Expr call(Ast.Call c) {
        Calls.CallBase x = callNode(c);
        x.liveSlots = fs.nextSlot;
        return Pins.scope(x, x.pinned());
    }

    static Expr[] prepend(Expr first, Expr[] rest) {
        Expr[] all = new Expr[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** p[1..] (the parts after the first), or rest itself when held() changed none of them. */
    static Expr[] tail(Expr[] p, Expr[] rest) {
        boolean same = true;
        for (int i = 0; i < rest.length; i++) if (p[i + 1] != rest[i]) same = false;
        return same ? rest : java.util.Arrays.copyOfRange(p, 1, p.length);
    }

    Expr table(Ast.Table t) {
        boolean newMark = reach(line(t, 1));   // NEWTABLE comes before the fields
        List<Expr> items = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> vals = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        // pending temporaries (D12): the table, and the positional items not yet stored (50 at most)
        int mark = fs.npend;
        List<Ast.Field> fields = t.fields();
        int tempSelf = reserveTempIf(hasCall(t));
        int selfMark = fs.npend, tostore = 0;
        List<Integer> itemSlots = new ArrayList<>();
        List<Integer> keySlots = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Ast.Field f = fields.get(i);
            if (tostore == 50) { fs.npend = selfMark; tostore = 0; }   // lua5.4's SETLIST stores them
            if (f instanceof Ast.PosField p) {
                order.add(items.size());
                items.add(expr(p.value()));
                itemSlots.add(reserveTempIf(laterCall(fields, i + 1)));
                tostore++;
            } else if (f instanceof Ast.NamedField nf) {
                order.add(~keys.size());
                keys.add(new Exprs.Const(t.line(), nf.name().intern()));
                keySlots.add(-1);
                vals.add(post(expr(nf.value()), line(nf.value(), 0)));   // stored once parsed
            } else {
                Ast.KeyedField kf = (Ast.KeyedField) f;
                order.add(~keys.size());
                int kmark = fs.npend;
                keys.add(expr(kf.key()));
                keySlots.add(reserveTempIf(!inPlace(Ast.BinOpKind.EQ, kf.key()) && hasCall(kf.value())));
                vals.add(post(expr(kf.value()), line(kf.value(), 0)));
                fs.npend = kmark;
            }
        }
        fs.npend = mark;
        if (!items.isEmpty() && !order.isEmpty()) {   // the last SETLIST, at the '}'
            int o = order.getLast();
            if (o >= 0) items.set(o, post(items.get(o), line(t, 2)));
            else vals.set(~o, post(vals.get(~o), line(t, 2)));
        }
        boolean lastMulti = !items.isEmpty() && t.fields().get(t.fields().size() - 1) instanceof Ast.PosField
                && items.get(items.size() - 1).isMulti();
        // pins (see Pins): the table itself while any part may call, a positional item while a later
        // part may (items are stored at the end), a key while its value may
        List<Expr> seq = new ArrayList<>();
        for (int o : order) {
            if (o >= 0) seq.add(items.get(o));
            else { seq.add(keys.get(~o)); seq.add(vals.get(~o)); }
        }
        boolean pinSelf = Pins.anyMayCall(seq.toArray(new Expr[0]), 0);
        if (pinSelf) {
            Expr[] later = seq.toArray(new Expr[0]);
            int at = 0;
            for (int o : order) {
                if (o >= 0) {
                    if (Pins.anyMayCall(later, at + 1)) items.set(o, Pins.pin(items.get(o)));
                    at++;
                } else {
                    keys.set(~o, Pins.held(keys.get(~o), vals.get(~o))[0]);
                    at += 2;
                }
            }
        }
        for (int i = 0; i < items.size(); i++) items.set(i, temp(items.get(i), itemSlots.get(i)));
        for (int i = 0; i < keys.size(); i++) keys.set(i, temp(keys.get(i), keySlots.get(i)));
        Exprs.Table x0 = new Exprs.Table(t.line(), items.toArray(new Expr[0]), keys.toArray(new Expr[0]), vals.toArray(new Expr[0]),
                order.stream().mapToInt(Integer::intValue).toArray(), lastMulti, pinSelf);
        if (pinSelf) x0.tempSelf = tempSelf;
        Expr x = x0;
        if (newMark) x = new HookMark(line(t, 1), x, false);
        return Pins.scope(x, pinSelf);
    }

    Expr binop(Ast.BinOp b) {
        Ast.Expr folded = foldLogic(b);
        if (folded != b) return expr(folded);
        // constfolding: arithmetic on numerals is a constant, with no instruction (nor line event) of its own
        if (arithmetic(b.op()) && constValue(b) instanceof Object[] c) return load(b, new Exprs.Const(b.line(), c[0]));
        if (b.op() == Ast.BinOpKind.CONCAT) {
            List<Ast.Expr> asts = new ArrayList<>();
            flattenConcat(b, asts);
            List<Expr> parts = new ArrayList<>();
            int mark = fs.npend;
            int[] slots = new int[asts.size()];
            for (int i = 0; i < slots.length; i++) {
                parts.add(expr(asts.get(i)));
                slots[i] = reserveTempIf(hasCall(asts, i + 1));
            }
            fs.npend = mark;
            Ast.BinOp lastOp = b;
            for (Ast.BinOp r; (r = concatOperand(lastOp.right())) != null; ) lastOp = r;
            // lua5.4 merges the chain into one CONCAT instruction, on the last operator's line:
            // its hook event and its errors (the first operator's line for neither)
            parts.set(parts.size() - 1, post(parts.getLast(), lastOp.line()));
            Expr[] ps = parts.toArray(new Expr[0]), p = Pins.held(ps);
            return Pins.scope(new Exprs.Concat(lastOp.line(), withTemps(p, slots, 0)), p != ps);
        }
        boolean logic = b.op() == Ast.BinOpKind.AND || b.op() == Ast.BinOpKind.OR;
        Expr l = expr(b.left());
        if (logic) l = post(l, b.line());   // the test of the left operand, once the operator is read
        int mark = fs.npend;
        int slot = reserveTempIf(!logic && !inPlace(b.op(), b.left()) && hasCall(b.right()));
        Expr r = expr(b.right());
        fs.npend = mark;
        if (logic) {
            if (tracksLines()) cur = UNKNOWN;   // which instruction ran last depends on the branch
        } else {
            // comparisons are emitted after the right operand is read; arithmetic on the operator's line
            r = post(r, comparison(b.op()) ? line(b, 1) : b.line());
        }
        int line = b.line();
        if (b.op() != Ast.BinOpKind.AND && b.op() != Ast.BinOpKind.OR) {   // and/or hold nothing: the left value is the result or dropped
            Expr pl = Pins.held(l, r)[0];
            if (pl != l) {
                return Pins.scope(reload(binop(b, temp(pl, slot), r), slot), true);
            }
        }
        return reload(binop(b, temp(l, slot), r), slot);
    }

    /** An arithmetic or bitwise x whose left operand is kept in slot, reading it back (see {@link Arith.Reload}). */
    static Expr reload(Expr x, int slot) {
        return slot >= 0 && x instanceof Arith.Bin bin && !(x instanceof Arith.SubZero) ? new Arith.Reload(bin, slot) : x;
    }

    Expr binop(Ast.BinOp b, Expr l, Expr r) {
        // a comparison is emitted once its right operand is read: its errors are on that line
        int line = comparison(b.op()) && line(b, 1) > 0 ? line(b, 1) : b.line();
        return switch (b.op()) {
            case OR -> new Exprs.Or(line, l, r, neverTrue(b.left()));
            case AND -> new Exprs.And(line, l, r);
            case LT -> new Arith.Lt(line, l, r);
            case GT -> new Arith.Gt(line, l, r);
            case LE -> new Arith.Le(line, l, r);
            case GE -> new Arith.Ge(line, l, r);
            case EQ -> new Arith.Eq(line, l, r, false);
            case NE -> new Arith.Eq(line, l, r, true);
            case ADD -> new Arith.Add(line, l, r);
            case SUB -> isIntZero(b.right()) ? new Arith.SubZero(line, l, r) : new Arith.Sub(line, l, r);
            case MUL -> new Arith.Mul(line, l, r);
            case DIV -> new Arith.Div(line, l, r);
            case MOD -> new Arith.Mod(line, l, r);
            case IDIV -> new Arith.IDiv(line, l, r);
            case POW -> new Arith.Pow(line, l, r);
            case BAND -> new Arith.Bitwise(line, Ops.BAND, l, r);
            case BOR -> new Arith.Bitwise(line, Ops.BOR, l, r);
            case BXOR -> new Arith.Bitwise(line, Ops.BXOR, l, r);
            case SHL -> new Arith.Bitwise(line, Ops.SHL, l, r);
            case SHR -> new Arith.Bitwise(line, Ops.SHR, l, r);
            case CONCAT -> throw new IllegalStateException();
        };
    }

    /**
     * e without the 'and'/'or' the reference folds away: a left operand that is a constant which
     * decides nothing ({@code true and x}, {@code 1 and x}, {@code nil or x}, {@code false or x})
     * leaves just the right operand, with no test; so the value's origin is the right operand's
     * (error messages name it: "field 'pi'", "constant 'x'"). A call or '...' left alone keeps
     * one value, as the operator gave.
     */
    final Ast.Expr foldLogic(Ast.Expr e) {
        if (!(e instanceof Ast.BinOp b) || (b.op() != Ast.BinOpKind.AND && b.op() != Ast.BinOpKind.OR)) return e;
        // each operator of a chain asks about the chain below it: remembered, or a chain of n costs n^2
        Ast.Expr known = folds.get(b);
        if (known != null) return known;
        Ast.Expr f = fold(b);
        folds.put(b, f);
        return f;
    }

    /** What e folds and its answers, per node of the chunk's tree (see foldLogic, neverTrue). */
    private final java.util.IdentityHashMap<Ast.Expr, Ast.Expr> folds = new java.util.IdentityHashMap<>();
    private final java.util.IdentityHashMap<Ast.Expr, Boolean> neverTrues = new java.util.IdentityHashMap<>();

    private Ast.Expr fold(Ast.BinOp b) {
        Ast.Expr l = literalOf(b.left());
        // besides literals, the constants luaK_exp2const knows: 'not' and '-' of a constant, <const> locals
        // ('not 1 or x', '-1 and x': lua5.4 emits no test, so x's load is the register's last)
        Object[] c = l != null ? constValue(l) : constValue(b.left());
        boolean truthy = c != null && c[0] != null && c[0] != Boolean.FALSE;
        boolean falsy = c != null && !truthy;
        if (!(b.op() == Ast.BinOpKind.AND ? truthy : falsy)) return b;
        Ast.Expr r = foldLogic(b.right());
        return r instanceof Ast.Call || r instanceof Ast.MethodCall || r instanceof Ast.Vararg ? new Ast.Paren(r.line(), r) : r;
    }

    /**
     * Whether e's value can never be true, as lua5.4's code generator sees it: nil, false, and
     * {@code x and y} or {@code x or y} whose right operand can never be true (their value is
     * a false x or that operand), through parentheses. {@code (c and nil or v)} is then always
     * v, and its errors name v.
     */
    final boolean neverTrue(Ast.Expr e) {
        while (e instanceof Ast.Paren p) e = p.expr();
        if (e instanceof Ast.Nil || e instanceof Ast.False) return true;
        if ((e instanceof Ast.UnOp || e instanceof Ast.Name) && constValue(e) instanceof Object[] c) return c[0] == null || c[0] == Boolean.FALSE;
        if (e instanceof Ast.BinOp b && b.op() == Ast.BinOpKind.AND) return neverTrue(b.right());
        if (e instanceof Ast.BinOp b && b.op() == Ast.BinOpKind.OR) {
            Boolean known = neverTrues.get(b);
            if (known == null) neverTrues.put(b, known = neverTrue(b.left()) && neverTrue(b.right()));
            return known;
        }
        return false;
    }

    /** The literal e is, through parentheses and folded 'and'/'or', or null. */
    private Ast.Expr literalOf(Ast.Expr e) {
        for (;;) {
            if (e instanceof Ast.Paren p) {
                e = p.expr();
                continue;
            }
            // foldLogic once per step: calling it again for the result made a chain of n 'and's cost 2^n
            Ast.Expr f = e instanceof Ast.BinOp b ? foldLogic(b) : e;
            if (f == e) break;
            e = f;
        }
        return e instanceof Ast.Nil || e instanceof Ast.True || e instanceof Ast.False || e instanceof Ast.Int
                || e instanceof Ast.Flt || e instanceof Ast.Str ? e : null;
    }

    static boolean comparison(Ast.BinOpKind op) {
        return switch (op) {
            case LT, GT, LE, GE, EQ, NE -> true;
            default -> false;
        };
    }

    /**
     * The parts of a chain of '..': the right operand of a '..' is flattened too when it is a
     * '..' in parentheses, as lua5.4's code generator merges it ('a .. (b .. c)' is one CONCAT
     * of three values; '(a .. b) .. c' is two).
     */
    void flattenConcat(Ast.Expr e, List<Ast.Expr> out) {
        if (e instanceof Ast.BinOp b && b.op() == Ast.BinOpKind.CONCAT) {
            out.add(b.left());
            Ast.BinOp r = concatOperand(b.right());
            flattenConcat(r != null ? r : b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** e as a '..' operation, through any parentheses; null when it is not one. */
    private static Ast.BinOp concatOperand(Ast.Expr e) {
        while (e instanceof Ast.Paren p) e = p.expr();
        return e instanceof Ast.BinOp b && b.op() == Ast.BinOpKind.CONCAT ? b : null;
    }

    Expr unop(Ast.UnOp u) {
        Expr a = expr(u.operand());
        // a constant operand is folded (no instruction); 'not' is emitted after its operand, the others on the operator's line
        boolean folded = folds(u);
        if (!folded) a = post(a, u.op() == Ast.UnOpKind.NOT ? line(u, 1) : u.line());
        Expr x = switch (u.op()) {
            case NOT -> new Exprs.Not(u.line(), a);
            case NEG -> a instanceof Exprs.Const c && c.value instanceof Long l ? new Exprs.Const(u.line(), -l)
                    : a instanceof Exprs.Const c && c.value instanceof Double d ? new Exprs.Const(u.line(), -d)
                    : new Arith.Neg(u.line(), a);
            case LEN -> new Exprs.Len(u.line(), a);
            case BNOT -> new Arith.BNot(u.line(), a);
        };
        return folded ? load(u, x) : x;   // a folded constant is loaded where its context takes it
    }

    /** Whether the reference folds a unary operator (no instruction): 'not' of a constant, '-' of a number, '~' of an integer. */
    private boolean folds(Ast.UnOp u) {
        Object[] c = constValue(u.operand());
        if (c == null) return false;
        return switch (u.op()) {
            case NOT -> true;
            case NEG -> c[0] instanceof Long || c[0] instanceof Double d && d != 0 && !Double.isNaN(d);
            case BNOT -> c[0] instanceof Long;
            case LEN -> false;
        };
    }

    // ---------------------------------------------------------------- compile-time constants

    /**
     * Whether e is the integer 0 after the reference's constant folding of
     * integer operands (literals, parentheses, unary minus and '~', and binary
     * arithmetic and bitwise operators on such operands; a division or modulo
     * by zero is not folded). Then x - e is lua5.4's x + (-0): see Arith.SubZero.
     */
    static boolean isIntZero(Ast.Expr e) {
        Long v = foldInt(e, 0);
        return v != null && v == 0;
    }

    private static Long foldInt(Ast.Expr e, int depth) {
        if (depth > 50) return null;
        if (e instanceof Ast.Int i) return i.value();
        if (e instanceof Ast.Paren p) return foldInt(p.expr(), depth + 1);
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.NEG) return foldInt(u.operand(), depth + 1) instanceof Long x ? -x : null;
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.BNOT) return foldInt(u.operand(), depth + 1) instanceof Long x ? ~x : null;
        if (e instanceof Ast.BinOp b) {
            Long x = foldInt(b.left(), depth + 1), y = x == null ? null : foldInt(b.right(), depth + 1);
            if (y == null) return null;
            return switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case IDIV -> y == 0 ? null : Math.floorDiv(x, y);
                case MOD -> y == 0 ? null : Math.floorMod(x, y);
                case BAND -> x & y;
                case BOR -> x | y;
                case BXOR -> x ^ y;
                case SHL -> y <= -64 || y >= 64 ? 0L : y >= 0 ? x << y : x >>> -y;
                case SHR -> y <= -64 || y >= 64 ? 0L : y >= 0 ? x >>> y : x << -y;
                default -> null;
            };
        }
        Objects.requireNonNull(e);
        return null;
    }

    /**
     * luaK_exp2const: the value of an expression the reference knows at compile
     * time (nil, booleans, numerals, literal strings, another such constant, and
     * the negation or 'not' of one the reference folds), as a one-element array;
     * null if it is not one.
     */
    Object[] constValue(Ast.Expr e) {
        return constant(e, this::usedConst, constants);
    }

    /**
     * findConst, resolving the name when it is a constant: a folded use still counts as a use
     * (an enclosing function's constant is recorded in the proto, for string.dump to recompile it).
     */
    private Object[] usedConst(String name) {
        Object[] c = findConst(name);
        if (c != null) resolve(name, 0);
        return c;
    }

    /** constValue's answers for binary operators (null: not a constant), or a chain of n costs n^2. */
    private final java.util.IdentityHashMap<Ast.Expr, Object[]> constants = new java.util.IdentityHashMap<>();
    private static final Object[] NOT_CONSTANT = new Object[0];

    /** {@link #constValue}, with names resolved by names (a name's constant, or null). */
    private static Object[] constant(Ast.Expr e, java.util.function.Function<String, Object[]> names,
                                     java.util.IdentityHashMap<Ast.Expr, Object[]> memo) {
        if (e instanceof Ast.Nil) return new Object[] {null};
        if (e instanceof Ast.True) return new Object[] {Boolean.TRUE};
        if (e instanceof Ast.False) return new Object[] {Boolean.FALSE};
        if (e instanceof Ast.Int i) return new Object[] {i.value()};
        if (e instanceof Ast.Flt f) return new Object[] {f.value()};
        if (e instanceof Ast.Str s) return new Object[] {s.value().intern()};
        if (e instanceof Ast.Name nm) return names.apply(nm.name());
        if (e instanceof Ast.Paren p) return constant(p.expr(), names, memo);
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.NEG && constant(u.operand(), names, memo) instanceof Object[] c) {
            if (c[0] instanceof Long i) return new Object[] {-i};
            if (!(c[0] instanceof Double x)) return null;
            // constfolding gives up on a float result of zero or NaN
            return -x == 0 || Double.isNaN(x) ? null : new Object[] {-x};
        }
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.NOT && constant(u.operand(), names, memo) instanceof Object[] c) {
            return new Object[] {c[0] == null || c[0] == Boolean.FALSE};
        }
        if (e instanceof Ast.UnOp u && u.op() == Ast.UnOpKind.BNOT && constant(u.operand(), names, memo) instanceof Object[] c) {
            Long i = integral(c[0]);
            return i == null ? null : new Object[] {~i};
        }
        if (e instanceof Ast.BinOp b && arithmetic(b.op())) {
            Object[] known = memo == null ? null : memo.get(b);
            if (known != null) return known == NOT_CONSTANT ? null : known;
            Object[] r = constant(b.left(), names, memo) instanceof Object[] x && constant(b.right(), names, memo) instanceof Object[] y
                    ? foldArith(b.op(), x[0], y[0]) : null;
            if (memo != null) memo.put(b, r == null ? NOT_CONSTANT : r);
            return r;
        }
        Objects.requireNonNull(e);
        return null;
    }

    private static boolean arithmetic(Ast.BinOpKind op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, IDIV, POW, BAND, BOR, BXOR, SHL, SHR -> true;
            default -> false;
        };
    }

    /** A number's integer value if it has one (an integer, or a float with an exact integer value), else null; strings are not folded. */
    private static Long integral(Object v) {
        if (v instanceof Long i) return i;
        return v instanceof Double d ? Numbers.floatToLong(d) : null;
    }

    /**
     * constfolding of a binary operator on two numerals (strings are not folded): not when
     * the operation would raise an error (a bitwise operand without an integer value, an
     * integer division or modulo by zero; the reference skips any division by zero), nor when
     * the result is a float zero or NaN; null then.
     */
    private static Object[] foldArith(Ast.BinOpKind op, Object a, Object b) {
        if (!(a instanceof Long || a instanceof Double) || !(b instanceof Long || b instanceof Double)) return null;
        Object r;
        switch (op) {
            case BAND, BOR, BXOR, SHL, SHR -> {
                Long x = integral(a), y = integral(b);
                if (x == null || y == null) return null;
                r = Ops.bitwiseInt(switch (op) {
                    case BAND -> Ops.BAND;
                    case BOR -> Ops.BOR;
                    case BXOR -> Ops.BXOR;
                    case SHL -> Ops.SHL;
                    default -> Ops.SHR;
                }, x, y);
            }
            default -> {
                if ((op == Ast.BinOpKind.DIV || op == Ast.BinOpKind.IDIV || op == Ast.BinOpKind.MOD)
                        && ((Number) b).doubleValue() == 0) return null;
                int o = switch (op) {
                    case ADD -> Ops.ADD;
                    case SUB -> Ops.SUB;
                    case MUL -> Ops.MUL;
                    case DIV -> Ops.DIV;
                    case MOD -> Ops.MOD;
                    case IDIV -> Ops.IDIV;
                    default -> Ops.POW;
                };
                r = Ops.arithNum(null, o, a, b, null);   // no thread needed: the operations that raise are not folded
            }
        }
        if (r instanceof Double d && (d == 0 || Double.isNaN(d))) return null;
        return new Object[] {r};
    }
}
