package org.luahost.vm.nodes;

import org.luahost.vm.FieldCache;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Copy;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.Ops;
import org.luahost.vm.runtime.Site;

/**
 * Call expressions. Fixed small arities have their own node so that a call
 * to a Lua closure passes arguments without an array. Each call records
 * itself as the frame's current site just before calling, which gives the
 * frame's current line and the name the callee was called by.
 */
public final class Calls {
    private Calls() {}

    static String info(String d) {
        if (d == null) return "";
        int z = d.indexOf('\0');   // the reference formats the name with "%s": a C string ends at its first '\0'
        return " (" + (z < 0 ? d : d.substring(0, z) + "'") + ")";
    }

    /** Splits a description "global 'f'" into {"global", "f"}. */
    static String[] split(String d) {
        if (d == null) return new String[] {null, null};
        int q = d.indexOf(' ');
        String what = d.substring(0, q);
        if (what.equals("constant")) return new String[] {null, null};
        return new String[] {what, d.substring(q + 2, d.length() - 1)};
    }

    /** Base of all call nodes: the callee description. */
    public abstract static class CallBase extends Expr {
        final String nameWhat, name, fnInfo;

        public CallBase(int line, String fnDescription) {
            super(line);
            String[] s = split(fnDescription);
            this.nameWhat = s[0];
            this.name = s[1];
            this.fnInfo = info(fnDescription);
        }

        /** Whether some of this call's parts are pinned (the compiler then puts it in a pin scope; see {@link Pins}). */
        public boolean pinned() { return false; }

        /** For the call of a {@code return f()}: see {@link #returnTransfer()}; set by the compiler. */
        public int tailTransfer;

        @Override public int returnTransfer() { return tailTransfer; }

        /**
         * The frame slots that hold, while this call runs, the values lua5.4 keeps in the
         * registers between the calling frame's active locals and the called function's
         * (its {@code "(temporary)"} entries for {@code debug.getlocal}; see {@link Exprs.Temp}),
         * in register order; null when there are none. Set by the compiler.
         */
        public int[] pending;

        @Override public int[] pendingTemps() { return pending; }

        /** See {@link #scopeLocals()}; set by the compiler. */
        public int[] scope;

        @Override public int[] scopeLocals() { return scope; }

        @Override public boolean isMulti() { return true; }
        @Override public String varInfo(int i) { return fnInfo; }
        @Override public String calleeNameWhat() { return nameWhat; }
        @Override public String calleeName() { return name; }
    }

    /** Whether e is pinned (also when kept as a pending temporary, {@link Exprs.Temp}). */
    static boolean isPin(Expr e) { return e instanceof Pins.Pin || e instanceof Exprs.Temp t && t.e instanceof Pins.Pin; }

    static boolean anyPinned(Expr... es) {
        for (Expr e : es) if (isPin(e)) return true;
        return false;
    }

    static Object[] evalArgs(Frame f, Expr[] args, boolean lastMulti) {
        int n = args.length;
        if (!lastMulti) {
            Object[] a = new Object[n];
            for (int i = 0; i < n; i++) a[i] = args[i].eval(f);
            return a;
        }
        Object[] head = new Object[n - 1];
        for (int i = 0; i < n - 1; i++) head[i] = args[i].eval(f);
        Object[] tail = args[n - 1].evalMulti(f);
        if (n == 1) return tail.length == 0 ? tail : Copy.of(tail);
        Object[] a = new Object[n - 1 + tail.length];
        Copy.copy(head, 0, a, 0, n - 1);
        Copy.copy(tail, 0, a, n - 1, tail.length);
        return a;
    }

    public static final class Call0 extends CallBase {
        final Expr fn;

        public Call0(int line, Expr fn) { super(line, fn.describe()); this.fn = fn; }

        @Override public boolean pinned() { return isPin(fn); }

        @Override
        public Object eval(Frame f) {
            Object fv = fn.eval(f);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.call(f.thread);
            return LuaFunction.first(Ops.callMeta(f.thread, fv, LuaFunction.NONE, this));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, LuaFunction.NONE);
            return Ops.callMeta(f.thread, fv, LuaFunction.NONE, this);
        }
    }

    public static final class Call1 extends CallBase {
        final Expr fn, a0;

        public Call1(int line, Expr fn, Expr a0) { super(line, fn.describe()); this.fn = fn; this.a0 = a0; }

        @Override public boolean pinned() { return anyPinned(fn, a0); }

        @Override
        public Object eval(Frame f) {
            Object fv = fn.eval(f);
            Object a = a0.eval(f);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.call(f.thread, a);
            return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a}, this));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] args = {a0.eval(f)};
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, args);
            return Ops.callMeta(f.thread, fv, args, this);
        }
    }

    public static final class Call2 extends CallBase {
        final Expr fn, a0, a1;

        public Call2(int line, Expr fn, Expr a0, Expr a1) { super(line, fn.describe()); this.fn = fn; this.a0 = a0; this.a1 = a1; }

        @Override public boolean pinned() { return anyPinned(fn, a0, a1); }

        @Override
        public Object eval(Frame f) {
            Object fv = fn.eval(f);
            Object a = a0.eval(f);
            Object b = a1.eval(f);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.call(f.thread, a, b);
            return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a, b}, this));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] args = {a0.eval(f), a1.eval(f)};
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, args);
            return Ops.callMeta(f.thread, fv, args, this);
        }
    }

    public static final class Call3 extends CallBase {
        final Expr fn, a0, a1, a2;

        public Call3(int line, Expr fn, Expr a0, Expr a1, Expr a2) {
            super(line, fn.describe());
            this.fn = fn; this.a0 = a0; this.a1 = a1; this.a2 = a2;
        }

        @Override public boolean pinned() { return anyPinned(fn, a0, a1, a2); }

        @Override
        public Object eval(Frame f) {
            Object fv = fn.eval(f);
            Object a = a0.eval(f);
            Object b = a1.eval(f);
            Object c = a2.eval(f);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.call(f.thread, a, b, c);
            return LuaFunction.first(Ops.callMeta(f.thread, fv, new Object[] {a, b, c}, this));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] args = {a0.eval(f), a1.eval(f), a2.eval(f)};
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, args);
            return Ops.callMeta(f.thread, fv, args, this);
        }
    }

    public static final class CallN extends CallBase {
        final Expr fn;
        final Expr[] args;
        final boolean lastMulti;

        public CallN(int line, Expr fn, Expr[] args, boolean lastMulti) {
            super(line, fn.describe());
            this.fn = fn; this.args = args; this.lastMulti = lastMulti;
        }

        @Override public boolean pinned() { return isPin(fn) || anyPinned(args); }

        @Override
        public Object eval(Frame f) {
            Object fv = fn.eval(f);
            Object[] a = evalArgs(f, args, lastMulti);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.callFirst(f.thread, a);
            return LuaFunction.first(Ops.callMeta(f.thread, fv, a, this));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] a = evalArgs(f, args, lastMulti);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, a);
            return Ops.callMeta(f.thread, fv, a, this);
        }
    }

    /** obj:name(args) */
    public static final class Method extends CallBase {
        public final Expr obj;
        final String method;
        final Expr[] args;
        final boolean lastMulti;
        final Site indexSite;
        /** Whether the method found is pinned while the arguments are evaluated (one of them may call; see {@link Pins}). */
        final boolean pinFn;
        /** The cache of the method's lookup in the object itself (usually a quick proof of absence). */
        final FieldCache own;
        /**
         * With {@link #pinFn}: the slot that keeps the method found (and the next one, the object)
         * while an argument makes a call, as lua5.4's registers do (see {@link Exprs.Temp}); -1: none.
         * Set by the compiler.
         */
        public int tempBase = -1;

        public Method(int line, Expr obj, String method, Expr[] args, boolean lastMulti) { this(line, obj, method, args, lastMulti, false); }

        public Method(int line, Expr obj, String method, Expr[] args, boolean lastMulti, boolean pinFn) {
            this(line, line, obj, method, args, lastMulti, pinFn);
        }

        /** selfLine: where the method is looked up (lua5.4's SELF, on the method name's line), for the index error. */
        public Method(int line, int selfLine, Expr obj, String method, Expr[] args, boolean lastMulti, boolean pinFn) {
            super(line, "method '" + method + "'");
            this.obj = obj; this.args = args; this.lastMulti = lastMulti; this.pinFn = pinFn;
            this.own = new FieldCache(method);
            this.method = own.key;
            String objInfo = info(obj.describe());
            this.indexSite = new Node(selfLine) {
                @Override public String varInfo(int i) { return objInfo; }
                @Override public String calleeNameWhat() { return "metamethod"; }
                @Override public String calleeName() { return "index"; }
            };
        }

        /** The __index chains that gave this call's method, one per metatable seen (at most 4; see {@link #lookup}). */
        private MethodCache[] caches = NO_CACHES;

        /**
         * The method of o. For a table without the method but with a metatable, the
         * result found through a chain of __index tables is cached with the versions of
         * the tables it went through: while none of them changed, the chain gives the
         * same function (the tables and their versions are read as one immutable snapshot).
         */
        Object lookup(Frame f, Object o) {
            if (o instanceof LuaTable t) {
                Object v = own.surelyAbsent(t) ? null : own.get(t);
                LuaTable mt;
                if (v != null || (mt = t.getMetatable()) == null) return v;
                MethodCache[] cs = caches;
                for (MethodCache c : cs) if (c.t0 == mt && c.valid()) return c.fn;
                f.site = indexSite;
                v = Ops.index(f.thread, o, method, indexSite);
                if (v != null) remember(cs, mt, v);
                return v;
            }
            f.site = indexSite;
            return Ops.index(f.thread, o, method, indexSite);
        }

        /** Adds the chain from mt to the caches (replacing a stale one for mt), unless there are 4 others. */
        private void remember(MethodCache[] cs, LuaTable mt, Object v) {
            MethodCache[] n = java.util.Arrays.stream(cs).filter(x -> x.t0 != mt).toArray(MethodCache[]::new);
            if (n.length >= 4) return;
            MethodCache c = MethodCache.of(mt, method, v);
            if (c == null) return;
            n = java.util.Arrays.copyOf(n, n.length + 1);
            n[n.length - 1] = c;
            caches = n;   // a new array each time: a reader sees a whole snapshot
        }

        @Override
        public Object eval(Frame f) {
            Object o = obj.eval(f);
            Object fv = lookup(f, o);
            LuaThread th = f.thread;
            if (pinFn) pinned(f, o, fv);
            if (!lastMulti && fv instanceof LuaFunction lf) {
                switch (args.length) {
                    case 0: f.site = this; return lf.call(th, o);
                    case 1: { Object a = args[0].eval(f); f.site = this; return lf.call(th, o, a); }
                    case 2: { Object a = args[0].eval(f), b = args[1].eval(f); f.site = this; return lf.call(th, o, a, b); }
                    default: break;
                }
            }
            return LuaFunction.first(callWith(f, o, fv));
        }

        @Override
        public Object[] evalMulti(Frame f) {
            Object o = obj.eval(f);
            Object fv = lookup(f, o);
            if (pinFn) pinned(f, o, fv);
            return callWith(f, o, fv);
        }

        /** Pins the method found and keeps it and the object where debug.getlocal finds them (see {@link #tempBase}). */
        void pinned(Frame f, Object o, Object fv) {
            f.thread.pin(fv);
            if (tempBase >= 0) {
                f.slots[tempBase] = fv;
                f.slots[tempBase + 1] = o;
            }
        }

        private Object[] callWith(Frame f, Object o, Object fv) {
            Object[] a = allArgs(f, o);
            f.site = this;
            if (fv instanceof LuaFunction lf) return lf.invoke(f.thread, a);
            return Ops.callMeta(f.thread, fv, a, this);
        }

        Object[] allArgs(Frame f, Object o) {
            Object[] rest = evalArgs(f, args, lastMulti);
            Object[] a = new Object[rest.length + 1];
            a[0] = o;
            Copy.copy(rest, 0, a, 1, rest.length);
            return a;
        }
    }

    private static final MethodCache[] NO_CACHES = new MethodCache[0];

    /** A method found through a chain of __index tables, with the versions of the tables it depends on. */
    static final class MethodCache {
        final LuaTable[] chain;   // metatable, its __index table, that table's metatable, ...
        final long[] versions;
        final Object fn;
        /** The first two tables of the chain and their versions (a metatable and its __index table: the usual chain, checked without the arrays). */
        final LuaTable t0, t1;
        final long v0, v1;
        /** Whether the chain is exactly {t0, t1}. */
        private final boolean two;

        private MethodCache(LuaTable[] chain, long[] versions, Object fn) {
            this.chain = chain; this.versions = versions; this.fn = fn;
            this.t0 = chain[0]; this.t1 = chain[1]; this.v0 = versions[0]; this.v1 = versions[1];
            this.two = chain.length == 2;
        }

        boolean valid() {
            if (two) return t0.version() == v0 && t1.version() == v1;
            LuaTable[] c = chain;
            long[] v = versions;
            for (int i = 0; i < c.length; i++) if (c[i].version() != v[i]) return false;
            return true;
        }

        /**
         * The chain from metatable mt that gives fn for key, or null when the lookup
         * does not go through tables only (an __index function, a non-table) or is long.
         */
        static MethodCache of(LuaTable mt, String key, Object fn) {
            LuaTable[] chain = new LuaTable[8];
            int n = 0;
            LuaTable m = mt;
            while (n + 2 <= chain.length) {
                if (!(m.rawget("__index") instanceof LuaTable idx)) return null;
                chain[n++] = m;
                chain[n++] = idx;
                Object v = idx.rawget(key);
                if (v != null) {
                    if (v != fn) return null;
                    LuaTable[] c = java.util.Arrays.copyOf(chain, n);
                    long[] vs = new long[n];
                    for (int i = 0; i < n; i++) vs[i] = c[i].version();
                    return new MethodCache(c, vs, fn);
                }
                m = idx.getMetatable();
                if (m == null) return null;
            }
            return null;
        }
    }

    /** Resolves a callee for a tail call: a function, or the __call chain of a callable value. */
    static void prepareTail(Frame f, Object fv, Object[] args, Site site) {
        if (!(fv instanceof LuaFunction)) {
            Object tm = Ops.callHandler(f.thread, fv, site);
            args = Ops.withCallee(fv, args);
            fv = tm;
            if (!(fv instanceof LuaFunction)) {   // a longer chain (rare): see Ops.callChain
                Object[] chain = Ops.callChain(f.thread, fv, args, site);
                fv = chain[0];
                args = (Object[]) chain[1];
            }
        }
        f.tailFn = (LuaFunction) fv;
        f.tailArgs = args;
    }
}
