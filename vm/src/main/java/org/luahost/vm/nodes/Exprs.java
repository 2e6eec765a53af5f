package org.luahost.vm.nodes;

import org.luahost.vm.FieldCache;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaTable;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Proto;

/** Leaf and structural expressions: constants, variables, indexing, functions, tables, logic. */
public final class Exprs {
    private Exprs() {}

    public static final class Const extends Expr {
        public final Object value;
        final String info;

        public Const(int line, Object value) {
            super(line);
            this.value = value;
            this.info = value instanceof String s ? "constant '" + s + "'" : null;
        }

        @Override public Object eval(Frame f) { return value; }
        @Override public boolean test(Frame f) { return Lua.isTruthy(value); }
        @Override public String describe() { return info; }
    }

    public static final class Local extends Expr {
        final int slot;
        public final String name;

        public Local(int line, int slot, String name) { super(line); this.slot = slot; this.name = name; }

        @Override public Object eval(Frame f) { return f.slots[slot]; }
        @Override public String describe() { return name == null ? null : "local '" + name + "'"; }
    }

    /**
     * A value that lua5.4 keeps in a register past the active locals while a later part of
     * the same expression makes a call (the left operand of {@code (a + 1) + f()}, the function
     * and earlier arguments of {@code g(x, f())}): also stored in frame slot {@link #slot},
     * above the locals' slots, where {@code debug.getlocal} finds it as a {@code "(temporary)"}
     * of the calling frame (see {@link Calls.CallBase#pending}). The compiler adds one only
     * where a later part contains a call, so code without such a call pays nothing.
     */
    public static final class Temp extends Expr {
        final Expr e;
        final int slot;

        public Temp(Expr e, int slot) { super(e.line); this.e = e; this.slot = slot; this.liveSlots = e.liveSlots; }

        @Override
        public Object eval(Frame f) {
            Object v = e.eval(f);
            f.slots[slot] = v;
            return v;
        }

        @Override public String describe() { return e.describe(); }
        @Override public String varInfo(int i) { return e.varInfo(i); }
    }

    public static final class CellLocal extends Expr {
        final int slot;
        public final String name;

        public CellLocal(int line, int slot, String name) { super(line); this.slot = slot; this.name = name; }

        @Override public Object eval(Frame f) { return ((Cell) f.slots[slot]).v; }
        @Override public String describe() { return name == null ? null : "local '" + name + "'"; }
    }

    public static final class Upval extends Expr {
        final int idx;
        public final String name;

        public Upval(int line, int idx, String name) { super(line); this.idx = idx; this.name = name; }

        @Override public Object eval(Frame f) { return f.closure.upvals[idx].v; }
        @Override public String describe() { return "upvalue '" + name + "'"; }
    }

    /** A global: _ENV.name, with a fast path for a plain table _ENV. */
    public static final class Global extends Expr {
        final Expr env;
        final String name;
        final FieldCache cache;

        public Global(int line, Expr env, String name) { super(line); this.env = env; this.cache = new FieldCache(name); this.name = cache.key; }

        @Override
        public Object eval(Frame f) {
            Object e = env.eval(f);
            if (e instanceof LuaTable t) {
                Object v = cache.get(t);
                if (v != null || t.getMetatable() == null) return v;
            }
            f.site = this;
            return Ops.index(f.thread, e, name, this);
        }

        @Override public String describe() { return "global '" + name + "'"; }
        @Override public String varInfo(int i) { return Calls.info(env.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "index"; }
    }

    /** obj[key] with a constant string key (obj.name). */
    public static final class Field extends Expr {
        final Expr obj;
        final String key;
        final boolean global;
        final FieldCache cache;

        public Field(int line, Expr obj, String key, boolean global) {
            super(line);
            this.obj = obj; this.global = global;
            this.cache = new FieldCache(key);
            this.key = cache.key;
        }

        /** The __index chain of tables that gave the last inherited value (see {@link Calls.MethodCache}), or null. */
        private Calls.MethodCache chain;

        @Override
        public Object eval(Frame f) {
            Object o = obj.eval(f);
            if (o instanceof LuaTable t) {
                Object v = cache.get(t);
                LuaTable mt;
                if (v != null || (mt = t.getMetatable()) == null) return v;
                return inherited(f, t, mt);
            }
            f.site = this;
            return Ops.index(f.thread, o, key, this);
        }

        /**
         * The value of a key the table t lacks, through its metatable mt: the cached
         * chain's value while none of its tables changed, else the full lookup.
         */
        Object inherited(Frame f, LuaTable t, LuaTable mt) {
            Calls.MethodCache c = chain;
            if (c != null && c.t0 == mt && c.valid()) return c.fn;
            f.site = this;
            Object v = Ops.index(f.thread, t, key, this);
            if (v != null) chain = Calls.MethodCache.of(mt, key, v);
            return v;
        }

        @Override public String describe() { return (global ? "global '" : "field '") + key + "'"; }
        @Override public String varInfo(int i) { return Calls.info(obj.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "index"; }
    }

    /** obj[key] in general. */
    public static final class Index extends Expr {
        final Expr obj, key;
        final String keyName;

        public Index(int line, Expr obj, Expr key, String keyName) { super(line); this.obj = obj; this.key = key; this.keyName = keyName; }

        @Override
        public Object eval(Frame f) {
            Object o = obj.eval(f);
            Object k = key.eval(f);
            if (o instanceof LuaTable t) {
                Object v = k instanceof Long l ? t.rawget(l.longValue()) : t.rawget(k);
                if (v != null || t.getMetatable() == null) return v;
            }
            f.site = this;
            return Ops.index(f.thread, o, k, this);
        }

        @Override public String describe() { return "field '" + keyName + "'"; }
        @Override public String varInfo(int i) { return Calls.info(obj.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "index"; }
    }

    public static final class Vararg extends Expr {
        public Vararg(int line) { super(line); }

        @Override public Object eval(Frame f) { Object[] v = f.varargs; return v.length == 0 ? null : v[0]; }
        @Override public Object[] evalMulti(Frame f) { Object[] v = f.varargs; return v.length == 0 ? v : org.luahost.vm.runtime.Copy.of(v); }
        @Override public boolean isMulti() { return true; }
    }

    /** (expr): one value. */
    public static final class Paren extends Expr {
        final Expr e;

        public Paren(int line, Expr e) { super(line); this.e = e; }

        @Override public Object eval(Frame f) { return e.eval(f); }
    }

    public static final class And extends Expr {
        final Expr a, b;

        public And(int line, Expr a, Expr b) { super(line); this.a = a; this.b = b; }

        @Override public Object eval(Frame f) { Object v = a.eval(f); return Lua.isFalsy(v) ? v : b.eval(f); }
        @Override public boolean test(Frame f) { return a.test(f) && b.test(f); }
    }

    public static final class Or extends Expr {
        final Expr a, b;
        /**
         * The left operand can never be true ({@code c and nil or v}): the value is always
         * {@code b}'s, which lua5.4 loads last into the result's register, so its errors name
         * {@code b} as they would name it alone.
         */
        private final boolean leftNeverTrue;

        public Or(int line, Expr a, Expr b) { this(line, a, b, false); }

        public Or(int line, Expr a, Expr b, boolean leftNeverTrue) {
            super(line);
            this.a = a;
            this.b = b;
            this.leftNeverTrue = leftNeverTrue;
        }

        @Override public String describe() { return leftNeverTrue ? b.describe() : null; }

        @Override public Object eval(Frame f) { Object v = a.eval(f); return Lua.isTruthy(v) ? v : b.eval(f); }
        @Override public boolean test(Frame f) { return a.test(f) || b.test(f); }
    }

    public static final class Not extends Expr {
        final Expr a;

        public Not(int line, Expr a) { super(line); this.a = a; }

        @Override public Object eval(Frame f) { return a.test(f) ? Boolean.FALSE : Boolean.TRUE; }
        @Override public boolean test(Frame f) { return !a.test(f); }
    }

    /** function ... end: makes a closure capturing the current cells and upvalues. */
    public static final class Function extends Expr {
        final Proto proto;

        public Function(int line, Proto proto) { super(line); this.proto = proto; }

        @Override
        public Object eval(Frame f) {
            Proto p = proto;
            int n = p.upvalIndex.length;
            Cell[] ups = new Cell[n];
            for (int i = 0; i < n; i++) {
                ups[i] = p.upvalInStack[i] ? (Cell) f.slots[p.upvalIndex[i]] : f.closure.upvals[p.upvalIndex[i]];
            }
            f.thread.state.gc().charge(org.luahost.vm.Gc.closureBytes(n));
            return new LuaClosure(p, ups);
        }
    }

    /** A table constructor. */
    public static final class Table extends Expr {
        final Expr[] items;      // positional items, in order
        final Expr[] keys, vals; // keyed/named fields, in source order (interleaving handled by order arrays)
        final int[] order;       // for each field in source order: >= 0 positional index, < 0 ~(keyed index)
        final boolean lastMulti;
        /** Whether the new table is pinned while its parts are evaluated (one of them may call; see {@link Pins}). */
        final boolean pinSelf;
        /** With {@link #pinSelf}: the slot that keeps the new table while a part makes a call (see {@link Temp}); -1: none. */
        public int tempSelf = -1;

        public Table(int line, Expr[] items, Expr[] keys, Expr[] vals, int[] order, boolean lastMulti) {
            this(line, items, keys, vals, order, lastMulti, false);
        }

        public Table(int line, Expr[] items, Expr[] keys, Expr[] vals, int[] order, boolean lastMulti, boolean pinSelf) {
            super(line);
            this.items = items; this.keys = keys; this.vals = vals; this.order = order; this.lastMulti = lastMulti;
            this.pinSelf = pinSelf;
        }

        /** Positional items are stored in batches of this many, as the reference's SETLIST does. */
        private static final int FLUSH = 50;

        @Override
        public Object eval(Frame f) {
            int npos = items.length;
            LuaTable t = new LuaTable(f.thread.state.gc(), lastMulti ? npos - 1 : npos, keys.length);
            if (pinSelf) {
                f.thread.pin(t);
                if (tempSelf >= 0) f.slots[tempSelf] = t;
            }
            if (npos == 0) {
                for (int o : order) setKeyed(f, t, ~o);
                return t;
            }
            // Keyed fields are stored at once, positional ones when 50 are pending or at the end,
            // so that {x, [1] = y} ends with t[1] == x as in lua5.4.
            Object[] pending = new Object[Math.min(npos, FLUSH)];
            int tostore = 0, stored = 0;
            for (int o : order) {
                if (tostore == FLUSH) {
                    for (int j = 0; j < FLUSH; j++) t.rawset((long) (stored + j + 1), pending[j]);
                    stored += FLUSH;
                    tostore = 0;
                }
                if (o < 0) setKeyed(f, t, ~o);
                else if (o == npos - 1 && lastMulti) {
                    Object[] vs = items[o].evalMulti(f);
                    long last = (long) stored + tostore + vs.length;
                    if (last <= Integer.MAX_VALUE - 8) t.ensureArray((int) last);
                    for (int j = 0; j < tostore; j++) t.rawset((long) (stored + j + 1), pending[j]);
                    for (int j = 0; j < vs.length; j++) t.rawset((long) (stored + tostore + j + 1), vs[j]);
                    return t;
                } else pending[tostore++] = items[o].eval(f);
            }
            for (int j = 0; j < tostore; j++) t.rawset((long) (stored + j + 1), pending[j]);
            return t;
        }

        private void setKeyed(Frame f, LuaTable t, int k) {
            Object key = keys[k].eval(f);
            Object v = vals[k].eval(f);
            Ops.rawsetChecked(f.thread, t, key, v, this);
        }
    }

    public static final class Len extends Expr {
        final Expr a;

        public Len(int line, Expr a) { super(line); this.a = a; }

        @Override
        public Object eval(Frame f) {
            Object v = a.eval(f);
            if (v instanceof String s) return (long) s.length();
            if (v instanceof LuaTable t && t.getMetatable() == null) return t.length();
            f.site = this;
            return Ops.len(f.thread, v, this);
        }

        @Override public String varInfo(int i) { return Calls.info(a.describe()); }
        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "len"; }
    }

    public static final class Concat extends Expr {
        /** Results longer than this are charged to the work meter. */
        private static final int LONG_CONCAT = 1 << 12;
        final Expr[] parts;

        public Concat(int line, Expr[] parts) { super(line); this.parts = parts; }

        @Override
        public Object eval(Frame f) {
            int n = parts.length;
            if (n == 2) {
                Object a = parts[0].eval(f), b = parts[1].eval(f);
                if (Ops.isStringLike(a) && Ops.isStringLike(b)) return charged(f, Ops.tostrNumOrString(a).concat(Ops.tostrNumOrString(b)));
                return slow(f, new Object[] {a, b});
            }
            Object[] vs = new Object[n];
            boolean simple = true;
            for (int i = 0; i < n; i++) {
                Object v = parts[i].eval(f);
                vs[i] = v;
                if (!Ops.isStringLike(v)) simple = false;
            }
            return simple ? charged(f, join(vs)) : slow(f, vs);
        }

        /** r, charged to the collector's allocation count and, when long, to the work meter. */
        private static String charged(Frame f, String r) {
            f.thread.state.gc().charge(org.luahost.vm.Gc.stringBytes(r.length()));
            // a long result's copying counts as work (about 64 bytes a unit), so `s = s .. s` is metered
            if (r.length() > LONG_CONCAT) f.thread.charge(r.length() >>> 6);
            return r;
        }

        /**
         * The strings (or numbers as strings) of vs joined with one copy: String.join
         * sizes the result first and fills it in place (a StringBuilder copies twice).
         */
        static String join(Object[] vs) {
            String[] ss = new String[vs.length];
            for (int i = 0; i < vs.length; i++) ss[i] = Ops.tostrNumOrString(vs[i]);
            return String.join("", ss);
        }

        private Object slow(Frame f, Object[] vs) {
            int n = vs.length;
            // right to left, pairwise, as the reference's concat does with metamethods; the parts
            // waiting for their turn are pinned while a __concat runs
            org.luahost.vm.LuaThread th = f.thread;
            int mark = th.pinMark();
            for (Object v : vs) th.pin(v);
            f.site = this;
            Object acc = vs[n - 1];
            for (int i = n - 2; i >= 0; i--) {
                acc = Ops.concat(th, vs[i], acc, new ConcatSite(this, i));
            }
            th.unpin(mark);
            return acc;
        }

        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "concat"; }
    }

    /** The site of one pairwise step of a concatenation, naming its operands. */
    static final class ConcatSite extends Node {
        final Concat c;
        final int i;

        ConcatSite(Concat c, int i) { super(c.line); this.c = c; this.i = i; }

        @Override
        public String varInfo(int operand) {
            if (operand == 0) return Calls.info(c.parts[i].describe());
            return i + 1 == c.parts.length - 1 ? Calls.info(c.parts[i + 1].describe()) : "";
        }

        @Override public String calleeNameWhat() { return "metamethod"; }
        @Override public String calleeName() { return "concat"; }
    }
}
