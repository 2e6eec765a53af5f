package org.luahost.vm.lib;

import org.luahost.vm.Args;
import org.luahost.vm.Gc;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code string} library of Lua 5.4 (manual section 6.4), behaving as
 * {@code lua5.4} does, error messages included.
 *
 * <p>This class has the small functions, the searching functions built on
 * {@link LuaPattern} ({@code find}, {@code match}, {@code gmatch},
 * {@code gsub}), and the string metatable (its {@code __index} and the
 * arithmetic metamethods that convert numeric strings). {@code format} lives
 * in {@link StringFormat}, {@code pack}/{@code unpack}/{@code packsize} in
 * {@link StringPack}.
 *
 * <p>Lua strings are Java strings with one char per byte, so lengths and
 * indexes are char counts; results are built with {@link StringBuilder} or the
 * JDK's bulk operations, never char by char through temporary objects. The
 * functions most used in loops ({@code sub}, {@code byte}, {@code len},
 * {@code char}, {@code upper}, {@code lower}) also have allocation-free paths
 * for the interpreter's one-result calls (see {@link FastFunction}).
 */
public final class StringLib {
    private StringLib() {}

    /** The largest string the library builds (the reference limits sizes to INT_MAX). */
    static final long MAXSIZE = Integer.MAX_VALUE;
    /** Results one call may push before the reference's stack overflows (LUAI_MAXSTACK less what a call uses). */
    static final int MAX_RESULTS = 999_978;

    public static void install(LuaState L, Profile profile) {
        LuaTable s = new LuaTable(0, 24);
        s.rawset("byte", new FastFunction("string.byte", StringLib::byte_) {
            @Override
            Object fast(Object a) { return a instanceof String str ? firstByte(str, 1, 1) : SLOW; }

            @Override
            Object fast(Object a, Object b) {
                return a instanceof String str && b instanceof Long i ? firstByte(str, i, i) : SLOW;
            }
        });
        s.rawset("char", new FastFunction("string.char", StringLib::char_) {
            @Override
            Object fast(Object a) { return char1(a); }
        });
        reg(s, "dump", StringLib::dump);
        reg(s, "find", (th, a) -> findAux(th, a, true));
        reg(s, "format", StringFormat::format);
        reg(s, "gmatch", StringLib::gmatch);
        reg(s, "gsub", StringLib::gsub);
        s.rawset("len", FastFunction.ofString("string.len", str -> (long) str.length()));
        s.rawset("lower", caseMap("string.lower", false));
        reg(s, "match", (th, a) -> findAux(th, a, false));
        reg(s, "rep", StringLib::rep);
        reg(s, "reverse", (th, a) -> JavaFunction.ret(reverse(th, Args.checkString(th, a, 1))));
        s.rawset("sub", new FastFunction("string.sub", StringLib::sub) {
            @Override
            Object fast(Object a, Object b) {
                return a instanceof String str && b instanceof Long i ? subFast(str, i, -1) : SLOW;
            }

            @Override
            Object fast(Object a, Object b, Object c) {
                return a instanceof String str && b instanceof Long i && c instanceof Long j ? subFast(str, i, j) : SLOW;
            }
        });
        s.rawset("upper", caseMap("string.upper", true));
        reg(s, "pack", StringPack::pack);
        reg(s, "packsize", StringPack::packsize);
        reg(s, "unpack", StringPack::unpack);
        L.setGlobal("string", s);

        LuaTable mt = new LuaTable(0, 12);
        mt.rawset("__index", s);
        arithMeta(mt, "__add", Ops.ADD);
        arithMeta(mt, "__sub", Ops.SUB);
        arithMeta(mt, "__mul", Ops.MUL);
        arithMeta(mt, "__mod", Ops.MOD);
        arithMeta(mt, "__pow", Ops.POW);
        arithMeta(mt, "__div", Ops.DIV);
        arithMeta(mt, "__idiv", Ops.IDIV);
        arithMeta(mt, "__unm", Ops.UNM);
        L.stringMeta = mt;

        if (L.getGlobal("package") instanceof LuaTable pkg && pkg.rawget("loaded") instanceof LuaTable loaded) {
            loaded.rawset("string", s);
        }
    }

    /**
     * upper or lower: the fast path takes strings up to one {@link Work#CHUNK}
     * (their cost is bounded); longer ones go through the general body, which
     * charges the work meter as it maps them.
     */
    private static FastFunction caseMap(String name, boolean up) {
        return new FastFunction(name, (th, a) -> JavaFunction.ret(caseMap(th, Args.checkString(th, a, 1), up))) {
            @Override
            Object fast(Object a) {
                return a instanceof String str && str.length() <= Gc.SHORT_STRING ? caseMap(null, str, up) : SLOW;
            }
        };
    }

    private static void reg(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of("string." + name, body));
    }

    /** The one-byte strings (immutable, shared). */
    static final String[] CHARS = new String[256];

    static {
        for (int c = 0; c < 256; c++) CHARS[c] = String.valueOf((char) c);
    }

    // ---------------------------------------------------------------- positions

    /** A start position relative to the string (luaL's posrelatI): negative counts from the end, clipped to 1. */
    static long posrelatI(long pos, long len) {
        if (pos > 0) return pos;
        if (pos == 0) return 1;
        if (pos < -len) return 1;
        return len + pos + 1;
    }

    /** An end position relative to the string (getendpos): clipped to [0, len]. */
    static long endpos(long pos, long len) {
        if (pos > len) return len;
        if (pos >= 0) return pos;
        if (pos < -len) return 0;
        return len + pos + 1;
    }

    // ---------------------------------------------------------------- simple functions

    private static Object[] sub(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        String r = sub(s, Args.checkInteger(th, a, 2), Args.optInteger(th, a, 3, -1));
        if (r != s && r.length() > 1) th.state.gc().chargeString(r.length());
        return JavaFunction.ret(r);
    }

    /**
     * sub for the fast path, which has no thread to charge the collector: a result
     * longer than a short string (and not s itself) is left to the general body (SLOW).
     */
    private static Object subFast(String s, long i, long j) {
        String r = sub(s, i, j);
        return r.length() <= Gc.SHORT_STRING || r == s ? r : FastFunction.SLOW;
    }

    static String sub(String s, long i, long j) {
        long l = s.length();
        long start = posrelatI(i, l);
        long end = endpos(j, l);
        if (start > end) return "";
        if (start == end) return CHARS[s.charAt((int) start - 1)];
        if (start == 1 && end == l) return s;
        return s.substring((int) start - 1, (int) end);
    }

    private static Object[] byte_(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        long l = s.length();
        long i = Args.optInteger(th, a, 2, 1);
        long pi = posrelatI(i, l), pose = endpos(Args.optInteger(th, a, 3, i), l);
        if (pi > pose) return LuaFunction.NONE;
        if (pose - pi >= Integer.MAX_VALUE) throw th.errorAtLevel("string slice too long", 1);
        int n = (int) (pose - pi) + 1;
        if (n > MAX_RESULTS) throw th.errorAtLevel("stack overflow (string slice too long)", 1);
        Work.elements(th, n);
        Object[] r = new Object[n];
        int base = (int) pi - 1;
        for (int k = 0; k < n; k++) r[k] = (long) s.charAt(base + k);
        return r;
    }

    /**
     * The first result of string.byte(s, i, j) when it is one of at most one
     * result (i == j): as byte_ computes the range, without its errors.
     */
    private static Object firstByte(String s, long i, long j) {
        long l = s.length(), pi = posrelatI(i, l), pose = endpos(j, l);
        return pi > pose ? null : (Object) (long) s.charAt((int) pi - 1);
    }

    /** string.char of one integer code in range, or SLOW for anything else (which char_ converts or rejects). */
    private static Object char1(Object c) {
        return c instanceof Long l && l >= 0 && l <= 255 ? CHARS[(int) (long) l] : FastFunction.SLOW;
    }

    private static Object[] char_(LuaThread th, Object[] a) {
        int n = a.length;
        Object one;
        if (n == 1 && (one = char1(a[0])) != FastFunction.SLOW) return JavaFunction.ret(one);
        Work.elements(th, n);
        th.state.gc().chargeString(n);
        byte[] b = new byte[n];
        for (int i = 1; i <= n; i++) {
            long c = Args.checkInteger(th, a, i);
            if (c < 0 || c > 255) throw Args.argError(th, i, "value out of range");
            b[i - 1] = (byte) c;
        }
        return JavaFunction.ret(org.luahost.vm.LuaString.fromBytes(b));
    }

    private static Object[] rep(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        long n = Args.checkInteger(th, a, 2);
        String sep = Args.optString(th, a, 3, "");
        if (n <= 0) return JavaFunction.ret("");
        long l = s.length(), lsep = sep.length();
        if (l + lsep == 0) return JavaFunction.ret("");
        if (l + lsep > MAXSIZE / n) throw th.errorAtLevel("resulting string too large", 1);
        long total = n * l + (n - 1) * lsep;
        if (n == 1) return JavaFunction.ret(s);
        th.state.gc().chargeString(total);   // before the allocation: a result over the memory limit is not built
        if (total <= Work.CHUNK && lsep == 0) return JavaFunction.ret(s.repeat((int) n));
        Work.bytes(th, total);   // before the allocation: an exhausted budget stops it here
        byte[] b = new byte[(int) total];
        s.getBytes(0, (int) l, b, 0);   // one char per byte: the low bytes are the string
        sep.getBytes(0, (int) lsep, b, (int) l);
        fillRepeating(th, b, (int) Math.min(l + lsep, total));
        return JavaFunction.ret(org.luahost.vm.LuaString.fromBytes(b));
    }

    /**
     * Fills b with copies of its first unit bytes by doubling what is filled,
     * in copies of at most about 16 chunks, charging the work meter for each.
     * Every copy but the last is a whole number of units, so that what is
     * filled always ends on a unit boundary and the next copy (from the
     * start of b) continues the pattern.
     */
    static void fillRepeating(LuaThread th, byte[] b, int unit) {
        int filled = unit, total = b.length;
        int most = Math.max(unit, Work.CHUNK * 16 / unit * unit);
        while (filled < total) {
            int k = Math.min(Math.min(filled, total - filled), most);
            System.arraycopy(b, 0, b, filled, k);
            filled += k;
            Work.bytes(th, k);
        }
    }

    static String reverse(LuaThread th, String s) {
        int n = s.length();
        if (n < 2) return s;
        th.state.gc().chargeString(n);
        byte[] b = new byte[n];
        for (int c = 0; c < n; c += Work.CHUNK) {
            int e = Math.min(n, c + Work.CHUNK);
            Work.bytes(th, e - c);
            for (int i = c; i < e; i++) b[n - 1 - i] = (byte) s.charAt(i);
        }
        return org.luahost.vm.LuaString.fromBytes(b);
    }

    /** upper (up) or lower of s; th null: s is at most one chunk long and is not charged. */
    static String caseMap(LuaThread th, String s, boolean up) {
        char from = up ? 'a' : 'A';
        int n = s.length(), i = 0;
        while (i < n && !(s.charAt(i) >= from && s.charAt(i) <= from + 25)) {
            if ((++i & (Work.CHUNK - 1)) == 0 && th != null) th.charge(Work.CHUNK_UNITS);
        }
        if (i == n) return s;
        if (th != null) th.state.gc().chargeString(n);
        byte[] b = org.luahost.vm.LuaString.toBytes(s);
        int delta = up ? -32 : 32;
        for (int c = i; c < n; c += Work.CHUNK) {
            int e = Math.min(n, c + Work.CHUNK);
            if (th != null) Work.bytes(th, e - c);
            for (int j = c; j < e; j++) {
                if (b[j] >= from && b[j] <= from + 25) b[j] += delta;
            }
        }
        return org.luahost.vm.LuaString.fromBytes(b);
    }

    private static Object[] dump(LuaThread th, Object[] a) {
        LuaFunction f = Args.checkFunction(th, a, 1);
        boolean strip = Lua.isTruthy(Args.arg(a, 2));
        // functions written in Java cannot be dumped, as C functions cannot in the reference
        if (!(f instanceof org.luahost.vm.runtime.LuaClosure)) throw th.errorAtLevel("unable to dump given function", 1);
        String d = org.luahost.vm.chunk.Dump.dump(th, f, strip);
        th.state.gc().chargeString(d.length());
        return JavaFunction.ret(d);
    }

    // ---------------------------------------------------------------- find, match, gmatch, gsub

    private static Object[] findAux(LuaThread th, Object[] a, boolean find) {
        String s = Args.checkString(th, a, 1);
        String p = Args.checkString(th, a, 2);
        long ls = s.length();
        long init = posrelatI(Args.optInteger(th, a, 3, 1), ls) - 1;
        if (init > ls) return JavaFunction.ret(null);
        boolean plain = find && Lua.isTruthy(Args.arg(a, 4));
        // find searches plain text when the pattern has no specials (as the reference: ')' is not one of them);
        // match may too, except for a ')', which is an error in the matcher
        if (plain || (LuaPattern.noSpecials(p) && (find || p.indexOf(')') < 0))) {
            int idx = PlainFind.indexOf(th, s, p, (int) init);
            if (idx < 0) return JavaFunction.ret(null);
            if (find) {
                Long at = (long) idx + 1;
                return JavaFunction.ret(at, p.length() == 1 ? at : (Long) ((long) idx + p.length()));
            }
            return JavaFunction.ret(p);
        }
        boolean anchor = p.charAt(0) == '^';
        LuaPattern.Prog pr = LuaPattern.prog(th, p);
        if (pr.single == 1 && !anchor) {   // one single-character item ("%S", "[\"\\]"): a scan, no matcher
            int i = PlainFind.indexOfItem(th, pr, s, (int) init);
            if (i < 0) return JavaFunction.ret(null);
            if (!find) return JavaFunction.ret(s.substring(i, i + 1));
            Long at = (long) i + 1;   // one box for both results
            return JavaFunction.ret(at, at);
        }
        LuaPattern m = new LuaPattern(th, s, pr);
        if (pr.single == 0 && !anchor) m.isSingleItem();   // decided once, for the calls to come
        int pstart = anchor ? 1 : 0;
        int s1 = (int) init;
        do {
            if (!anchor && (s1 = m.nextCandidate(s1)) > m.srcEnd) break;
            m.reset();
            int e = m.match(s1, pstart);
            if (e != -1) {
                if (!find) return m.captures(s1, e, true);
                Object[] caps = m.captures(s1, e, false);
                Object[] r = new Object[2 + caps.length];
                r[0] = (long) s1 + 1;
                r[1] = (long) e;
                System.arraycopy(caps, 0, r, 2, caps.length);
                return r;
            }
        } while (s1++ < m.srcEnd && !anchor);
        return JavaFunction.ret(null);
    }

    private static Object[] gmatch(LuaThread th, Object[] a) {
        String s = Args.checkString(th, a, 1);
        String p = Args.checkString(th, a, 2);
        long ls = s.length();
        long init = posrelatI(Args.optInteger(th, a, 3, 1), ls) - 1;
        if (init > ls) init = ls + 1;   // start after the end: no matches
        return JavaFunction.ret(new GmatchIterator(new LuaPattern(th, s, p), (int) init, p));
    }

    /** The iterator gmatch returns: the state of one traversal (in the reference, a C closure's upvalues). */
    private static final class GmatchIterator extends JavaFunction {
        private final LuaPattern m;
        private int src;
        private int lastMatch = -1;

        GmatchIterator(LuaPattern m, int init, String pattern) {
            super("?");
            this.m = m;
            this.src = init;
            this.pattern = pattern;
        }

        private final String pattern;

        /** The reference's three upvalues: the subject, the pattern and the match state (a userdata). */
        @Override
        public Object[] upvalues() {
            if (state == null) state = new LuaUserdata(this, null);
            return new Object[] {m.src, pattern, state};
        }

        private LuaUserdata state;

        /**
         * The first capture of the next match, for a generic {@code for} with one variable: as
         * {@link #invoke} without the argument and result arrays and the frame, when no hook is
         * set. An error on the way (a malformed pattern found while matching, the work or memory
         * budget) restores the position and runs the call again with its frame, so the error is
         * raised as the reference raises it, from the iterator's own (C) frame.
         */
        @Override
        public Object call(LuaThread th, Object a, Object b) {
            if (th.hookMask != 0) return first(invoke(th, new Object[] {a, b}));
            int src0 = src, last0 = lastMatch;
            try {
                if (--th.workLeft < 0) th.outOfWork();   // the call's unit of work, as invoke counts it
                LuaPattern m = this.m;
                m.th = th;
                int end = m.srcEnd;
                for (int s1 = src; s1 <= end; s1++) {
                    if ((s1 = m.nextCandidate(s1)) > end) break;
                    m.reset();
                    int e = m.match(s1, 0);
                    if (e != -1 && e != lastMatch) {
                        Object r = m.firstCapture(s1, e);
                        src = lastMatch = e;
                        return r;
                    }
                }
                src = end + 1;
                return null;
            } catch (LuaError err) {
                src = src0;
                lastMatch = last0;
                return first(invoke(th, new Object[] {a, b}));
            }
        }

        @Override
        protected Object[] call(LuaThread th, Object[] args) {
            LuaPattern m = this.m;
            m.th = th;   // the iterator may run on another coroutine than gmatch did
            int end = m.srcEnd;
            for (int s1 = src; s1 <= end; s1++) {
                if ((s1 = m.nextCandidate(s1)) > end) break;
                m.reset();
                int e = m.match(s1, 0);
                if (e != -1 && e != lastMatch) {
                    src = lastMatch = e;
                    return m.captures(s1, e, true);
                }
            }
            src = end + 1;
            return LuaFunction.NONE;
        }
    }

    private static Object[] gsub(LuaThread th, Object[] a) {
        String src = Args.checkString(th, a, 1);
        String p = Args.checkString(th, a, 2);
        Object repl = Args.arg(a, 3);
        long maxS = Args.optInteger(th, a, 4, (long) src.length() + 1);
        String replStr = Ops.tolstring(repl);
        if (replStr == null && !(repl instanceof LuaFunction) && !(repl instanceof LuaTable)) {
            throw Args.typeError(th, a, 3, "string/function/table");
        }
        boolean replHasEsc = replStr != null && replStr.indexOf('%') >= 0;
        boolean anchor = !p.isEmpty() && p.charAt(0) == '^';
        int pstart = anchor ? 1 : 0;
        LuaPattern m = new LuaPattern(th, src, p);
        int srcEnd = src.length();
        StringBuilder b = null;
        int pos = 0, copied = 0, lastMatch = -1, charged = 0;
        long n = 0, held = 0;
        org.luahost.vm.Gc gc = th.state.gc();
        try {
        while (n < maxS) {
            if (!anchor && (pos = m.nextCandidate(pos)) > srcEnd) break;
            m.reset();
            int e = m.match(pos, pstart);
            if (e != -1 && e != lastMatch) {
                n++;
                if (b == null) b = new StringBuilder(srcEnd + 16);
                b.append(src, copied, pos);
                if (replStr != null) {
                    if (replHasEsc) addString(th, m, b, replStr, pos, e);
                    else b.append(replStr);
                } else {
                    addValue(th, m, b, repl, pos, e);
                }
                pos = lastMatch = copied = e;
                if (b.length() - charged >= Work.CHUNK) {   // long replacements: their bytes count too
                    Work.bytes(th, b.length() - charged);
                    long grown = 2L * (b.length() - charged);   // the growing result, twice (the builder doubles its array, copied)
                    gc.hold(grown);
                    held += grown;
                    charged = b.length();
                }
            } else if (pos < srcEnd) {
                pos++;
            } else {
                break;
            }
            if (anchor) break;
        }
        if (b == null) return JavaFunction.ret(src, n);
        b.append(src, copied, srcEnd);
        gc.chargeString(b.length());   // the result
        return JavaFunction.ret(b.toString(), n);
        } finally {
            gc.release(held);
        }
    }

    /** Appends a replacement string with its %0-%9 and %% escapes. */
    private static void addString(LuaThread th, LuaPattern m, StringBuilder b, String r, int s, int e) {
        int l = r.length(), i = 0;
        for (;;) {
            int pct = r.indexOf('%', i);
            if (pct < 0) {
                b.append(r, i, l);
                return;
            }
            b.append(r, i, pct);
            pct++;
            char c = pct < l ? r.charAt(pct) : 0;
            if (c == '%') b.append('%');
            else if (c == '0') b.append(m.src, s, e);
            else if (c >= '1' && c <= '9') m.appendCapture(b, c - '1', s, e);
            else throw th.errorAtLevel("invalid use of '%' in replacement string", 1);
            i = pct + 1;
        }
    }

    /** Appends the value a table or function gives for a match (the match itself when false or nil). */
    private static void addValue(LuaThread th, LuaPattern m, StringBuilder b, Object repl, int s, int e) {
        Object v;
        if (repl instanceof LuaTable t) v = Ops.index(th, t, m.capture(0, s, e), null);
        else v = LuaFunction.first(Ops.ccall(th, repl, m.captures(s, e, true)));
        String str;
        if (v == null || v == Boolean.FALSE) b.append(m.src, s, e);
        else if ((str = Ops.tolstring(v)) != null) b.append(str);
        else throw th.errorAtLevel("invalid replacement value (a " + Lua.typeName(v) + ")", 1);
    }

    // ---------------------------------------------------------------- string metatable arithmetic

    private static void arithMeta(LuaTable mt, String event, int op) {
        mt.rawset(event, JavaFunction.of(event, (th, a) -> arith(th, a, op, event)));
    }

    /**
     * The string metamethods of 5.4: convert both operands and do the
     * arithmetic, or defer to the second operand's metamethod, or fail. As in
     * the reference (which works on its stack), a single argument is used as
     * both operands, and a unary operation applies to the second one.
     */
    private static Object[] arith(LuaThread th, Object[] a, int op, String event) {
        Object x = a.length >= 1 ? Ops.tonumber(th, a[0]) : null;
        if (x != null) {
            Object y = a.length >= 2 ? Ops.tonumber(th, a[1]) : x;
            if (y != null) {
                if (op == Ops.UNM) return JavaFunction.ret(Ops.arithNum(th, op, y, y, null));
                if (x instanceof Long && y instanceof Long j && j == 0) {
                    if (op == Ops.IDIV) throw th.raise("attempt to divide by zero");
                    if (op == Ops.MOD) throw th.raise("attempt to perform 'n%0'");
                }
                return JavaFunction.ret(Ops.arithNum(th, op, x, y, null));
            }
        }
        Object a1 = Args.arg(a, 1), a2 = Args.arg(a, 2);
        Object tm;
        if (a2 instanceof String || (tm = Ops.metafield(th.state, a2, event)) == null) {
            throw th.errorAtLevel("attempt to " + event.substring(2) + " a '" + Lua.typeName(a1)
                    + "' with a '" + Lua.typeName(a2) + "'", 1);
        }
        return JavaFunction.ret(LuaFunction.first(Ops.ccall(th, tm, new Object[] {a1, a2})));
    }
}
