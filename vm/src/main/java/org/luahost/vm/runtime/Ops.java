package org.luahost.vm.runtime;

import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.parser.NumberParser;

/**
 * The semantics of Lua's operators on arbitrary values, metamethods included:
 * the slow paths behind the interpreter's nodes and the entry points Java
 * libraries use ({@link #index}, {@link #call}, {@link #tostring}, ...).
 *
 * <p>Every operation that can fail takes the {@link Site} that performs it, so
 * the error names the variable involved exactly as the reference does. A
 * null site means "called from Java": no variable information.
 */
public final class Ops {
    private Ops() {}

    public static final int ADD = 0, SUB = 1, MUL = 2, MOD = 3, POW = 4, DIV = 5, IDIV = 6,
            BAND = 7, BOR = 8, BXOR = 9, SHL = 10, SHR = 11, UNM = 12, BNOT = 13;
    public static final String[] EVENTS = {"__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
            "__band", "__bor", "__bxor", "__shl", "__shr", "__unm", "__bnot"};
    private static final int MAXTAGLOOP = 2000;

    // ---------------------------------------------------------------- conversions

    /** Lua's tonumber on a value: numbers as they are, numeric strings converted, else null. */
    public static Object tonumber(Object v) {
        if (v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) return NumberParser.parse(s);
        return null;
    }

    /**
     * Strings at least this long are charged to the work meter when they are scanned whole
     * (a conversion to a number, a comparison): one unit per 64 bytes, as the libraries charge.
     * Before, {@code tonumber} of a 30 MB numeral ("000...1", spaces around it), string
     * arithmetic on it, or a comparison of two long strings cost one unit however long the
     * string: a loop of them ran 100 s past a 1 s CPU budget (checks come every 2,048 units).
     */
    public static final int LONG_STRING = 1024;

    /** Charges th for scanning s whole, if s is long (see {@link #LONG_STRING}). */
    public static void chargeScan(LuaThread th, String s) {
        if (s.length() >= LONG_STRING) th.charge(s.length() >> 6);
    }

    /** {@link #tonumber(Object)} for code running on th: a long string's scan is charged to it. */
    public static Object tonumber(LuaThread th, Object v) {
        if (v instanceof String s) {
            chargeScan(th, s);
            return NumberParser.parse(s);
        }
        return tonumber(v);
    }

    /** String equality for code running on th: two long strings of one length are charged for the comparison. */
    public static boolean streq(LuaThread th, String a, String b) {
        if (a.length() >= LONG_STRING && a.length() == b.length()) chargeScan(th, a);
        return a.equals(b);
    }

    /** String order (lt, le, sort's comparisons) for code running on th: charged for the common prefix when long. */
    public static int strcmp(LuaThread th, String a, String b) {
        if (a.length() >= LONG_STRING && b.length() >= LONG_STRING) chargeScan(th, a.length() < b.length() ? a : b);
        return a.compareTo(b);
    }

    /** An integer for bitwise operations: integers, integral floats, strings converting to either; else null. */
    public static Long tointeger(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return Numbers.floatToLong(d);
        if (v instanceof String s) return tointeger(NumberParser.parse(s));
        return null;
    }

    public static double todouble(Object n) { return Numbers.toDouble(n); }

    // ---------------------------------------------------------------- metatables

    public static Object metafield(LuaState L, Object v, String event) {
        LuaTable mt = Lua.metatable(L, v);
        return mt == null ? null : mt.rawget(event);
    }

    // ---------------------------------------------------------------- arithmetic

    public static Object arith(LuaThread th, int op, Object a, Object b, Site site) {
        if ((op >= BAND && op <= SHR) || op == BNOT) return bitwise(th, op, a, b, site);
        // Only numbers are computed here; numeric strings go through the string metatable's
        // arithmetic metamethods, as in 5.4 (they convert, or raise the string library's errors).
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return arithNum(th, op, a, b, site);
        }
        Object tm = metafield(th.state, a, EVENTS[op]);
        if (tm == null) tm = metafield(th.state, b, EVENTS[op]);
        if (tm != null) return LuaFunction.first(tmcall(th, tm, new Object[] {a, b}, site, EVENTS[op]));
        // no metamethod (a string's were removed from its metatable): the reference's operand error
        boolean blameFirst = !(a instanceof Long || a instanceof Double);
        throw typeError(th, blameFirst ? a : b, "perform arithmetic on", site, blameFirst ? 0 : 1);
    }

    public static Object arithNum(LuaThread th, int op, Object x, Object y, Site site) {
        if (x instanceof Long i && y instanceof Long j) {
            long a = i, b = j;
            switch (op) {
                case ADD: return a + b;
                case SUB: return a - b;
                case MUL: return a * b;
                case MOD:
                    if (b == 0) throw th.runtimeError(site, "attempt to perform 'n%0'");
                    return Numbers.imod(a, b);
                case IDIV:
                    if (b == 0) throw th.runtimeError(site, "attempt to divide by zero");
                    return Math.floorDiv(a, b);
                case DIV: return (double) a / (double) b;
                case POW: return Numbers.pow(a, b);
                case UNM: return -a;
                default: throw new IllegalStateException("op " + op);
            }
        }
        double a = todouble(x), b = todouble(y);
        switch (op) {
            case ADD: return Numbers.add(a, b);
            case SUB: return Numbers.sub(a, b);
            case MUL: return Numbers.mul(a, b);
            case MOD: return Numbers.mod(a, b);
            case IDIV: return Numbers.idiv(a, b);
            case DIV: return Numbers.div(a, b);
            case POW: return Numbers.pow(a, b);
            case UNM: return -a;
            default: throw new IllegalStateException("op " + op);
        }
    }

    // The operators' float and integer rules are Numbers'; these are the entry points the
    // interpreter's nodes and the second tier call.

    /** Integer {@code %} (b not 0). */
    public static long imod(long a, long b) { return Numbers.imod(a, b); }

    /** Float {@code %}. */
    public static double fmod(double a, double b) { return Numbers.mod(a, b); }

    /** Float {@code //}. */
    public static double idiv(double a, double b) { return Numbers.idiv(a, b); }

    /** Float {@code ^}. */
    public static double pow(double a, double b) { return Numbers.pow(a, b); }

    private static Object bitwise(LuaThread th, int op, Object a, Object b, Site site) {
        // strings are not converted for bitwise operators in 5.4 (strings have no bitwise metamethods)
        Long x = a instanceof String ? null : tointeger(a), y = b instanceof String ? null : tointeger(b);
        if (x != null && y != null) return bitwiseInt(op, x, y);
        Object tm = metafield(th.state, a, EVENTS[op]);
        if (tm == null) tm = metafield(th.state, b, EVENTS[op]);
        if (tm != null) return LuaFunction.first(tmcall(th, tm, new Object[] {a, b}, site, EVENTS[op]));
        boolean an = a instanceof Long || a instanceof Double, bn = b instanceof Long || b instanceof Double;
        if (an && bn) {
            int bad = tointeger(a) == null ? 0 : 1;   // luaG_tointerror blames the first when it fails, else the second
            throw th.runtimeError(site, "number" + varInfo(site, bad) + " has no integer representation");
        }
        boolean blameFirst = !an;
        throw typeError(th, blameFirst ? a : b, "perform bitwise operation on", site, blameFirst ? 0 : 1);
    }

    public static long bitwiseInt(int op, long a, long b) {
        switch (op) {
            case BAND: return a & b;
            case BOR: return a | b;
            case BXOR: return a ^ b;
            case SHL: return shl(a, b);
            case SHR: return shl(a, -b);
            case BNOT: return ~a;
            default: throw new IllegalStateException("op " + op);
        }
    }

    public static long shl(long x, long n) {
        if (n <= -64 || n >= 64) return 0;
        if (n >= 0) return x << n;
        return x >>> -n;
    }

    // ---------------------------------------------------------------- comparison

    public static boolean eq(LuaThread th, Object a, Object b) {
        if (a == b) return !(a instanceof Double d && d.isNaN());
        if (a == null || b == null) return false;
        if (a instanceof LuaTable || a instanceof LuaUserdata) {
            if (a.getClass() != b.getClass()) return false;
            Object tm = metafield(th.state, a, "__eq");
            if (tm == null) tm = metafield(th.state, b, "__eq");
            if (tm == null) return false;
            return Lua.isTruthy(LuaFunction.first(tmcall(th, tm, new Object[] {a, b}, null, "__eq")));
        }
        if (a instanceof String s && b instanceof String t) return streq(th, s, t);
        return Lua.rawEquals(a, b);
    }

    public static boolean lt(LuaThread th, Object a, Object b, Site site) {
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return Numbers.lt(a, b);
        }
        if (a instanceof String s && b instanceof String t) return strcmp(th, s, t) < 0;
        return compareTm(th, a, b, "__lt", site);
    }

    public static boolean le(LuaThread th, Object a, Object b, Site site) {
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return Numbers.le(a, b);
        }
        if (a instanceof String s && b instanceof String t) return strcmp(th, s, t) <= 0;
        return compareTm(th, a, b, "__le", site);
    }

    private static boolean compareTm(LuaThread th, Object a, Object b, String event, Site site) {
        Object tm = metafield(th.state, a, event);
        if (tm == null) tm = metafield(th.state, b, event);
        if (tm != null) return Lua.isTruthy(LuaFunction.first(tmcall(th, tm, new Object[] {a, b}, site, event)));
        if (event.equals("__le")) {
            // Debian's lua5.4 is built with LUA_COMPAT_5_3 (LUA_COMPAT_LT_LE): a <= b is not (b < a)
            tm = metafield(th.state, b, "__lt");
            if (tm == null) tm = metafield(th.state, a, "__lt");
            if (tm != null) return !Lua.isTruthy(LuaFunction.first(tmcall(th, tm, new Object[] {b, a}, site, event)));
        }
        String t1 = typeNameMeta(th.state, a), t2 = typeNameMeta(th.state, b);
        if (t1.equals(t2)) throw th.runtimeError(site, "attempt to compare two " + t1 + " values");
        throw th.runtimeError(site, "attempt to compare " + t1 + " with " + t2);
    }

    // ---------------------------------------------------------------- length and concatenation

    public static Object len(LuaThread th, Object v, Site site) {
        if (v instanceof String s) return (long) s.length();
        Object tm = metafield(th.state, v, "__len");
        // the reference passes the operand twice, as for the other unary operators
        if (tm != null) return LuaFunction.first(tmcall(th, tm, new Object[] {v, v}, site, "__len"));
        if (v instanceof LuaTable t) return t.length();
        throw typeError(th, v, "get length of", site, 0);
    }

    public static boolean isStringLike(Object v) { return v instanceof String || v instanceof Long || v instanceof Double; }

    public static String tostrNumOrString(Object v) { return v instanceof String s ? s : NumFmt.tostr(v); }

    /**
     * lua_tolstring without metamethods: a string as it is, a number as its
     * text (what tostring gives), anything else null. The rule of every
     * library place that takes "a string or a number" (gsub's replacement,
     * concat's values, load's chunk, package.path).
     */
    public static String tolstring(Object v) {
        if (v instanceof String s) return s;
        return v instanceof Long || v instanceof Double ? NumFmt.tostr(v) : null;
    }

    public static Object concat(LuaThread th, Object a, Object b, Site site) {
        if (isStringLike(a) && isStringLike(b)) return tostrNumOrString(a).concat(tostrNumOrString(b));
        Object tm = metafield(th.state, a, "__concat");
        if (tm == null) tm = metafield(th.state, b, "__concat");
        if (tm != null) return LuaFunction.first(tmcall(th, tm, new Object[] {a, b}, site, "__concat"));
        boolean blameFirst = !isStringLike(a);
        throw typeError(th, blameFirst ? a : b, "concatenate", site, blameFirst ? 0 : 1);
    }

    // ---------------------------------------------------------------- indexing

    public static Object index(LuaThread th, Object o, Object k, Site site) {
        Object t = o;
        for (int loop = 0; loop < MAXTAGLOOP; loop++) {
            Object tm;
            if (t instanceof LuaTable tab) {
                Object v = tab.rawget(k);
                if (v != null) return v;
                LuaTable mt = tab.getMetatable();
                if (mt == null || (tm = mt.rawget("__index")) == null) return null;
            } else {
                tm = metafield(th.state, t, "__index");
                if (tm == null) throw typeError(th, t, "index", loop == 0 ? site : null, 0);
            }
            if (tm instanceof LuaFunction f) {
                th.enterCcall(site);
                try {
                    return f.call(th, t, k);
                } finally {
                    th.ccalls--;
                }
            }
            t = tm;
        }
        // the reference looks the key up in the table the last step reached before it gives up
        // (2000 steps with a lookup after each), so a chain of 2000 ends in a value
        if (t instanceof LuaTable tab) {
            Object v = tab.rawget(k);
            if (v != null) return v;
        }
        throw th.runtimeError(site, "'__index' chain too long; possible loop");
    }

    public static void setindex(LuaThread th, Object o, Object k, Object v, Site site) {
        Object t = o;
        for (int loop = 0; loop < MAXTAGLOOP; loop++) {
            Object tm;
            if (t instanceof LuaTable tab) {
                LuaTable mt = tab.getMetatable();
                if (mt == null || tab.rawget(k) != null || (tm = mt.rawget("__newindex")) == null) {
                    rawsetChecked(th, tab, k, v, site);
                    return;
                }
            } else {
                tm = metafield(th.state, t, "__newindex");
                if (tm == null) throw typeError(th, t, "index", loop == 0 ? site : null, 0);
            }
            if (tm instanceof LuaFunction f) {
                th.enterCcall(site);
                try {
                    f.invoke(th, new Object[] {t, k, v});
                } finally {
                    th.ccalls--;
                }
                return;
            }
            t = tm;
        }
        // as for __index, the table the last step reached is still looked at: a key it has is assigned
        if (t instanceof LuaTable tab && tab.rawget(k) != null) {
            rawsetChecked(th, tab, k, v, site);
            return;
        }
        throw th.runtimeError(site, "'__newindex' chain too long; possible loop");
    }

    /** rawset with the reference's checks on the key. */
    public static void rawsetChecked(LuaThread th, LuaTable t, Object k, Object v, Site site) {
        if (k == null) throw th.runtimeError(site, "table index is nil");
        if (k instanceof Double d && d.isNaN()) throw th.runtimeError(site, "table index is NaN");
        t.rawset(k, v);
    }

    // ---------------------------------------------------------------- calls

    /** Calls any value (functions, or values with __call) with exact arguments. */
    public static Object[] call(LuaThread th, Object fn, Object[] args) {
        if (fn instanceof LuaFunction f) return f.invoke(th, args);
        return callMeta(th, fn, args, null);
    }

    /**
     * Calls a value from Java code, as the reference's C code calls Lua with
     * luaD_call: metamethods, library callbacks, hooks. The call counts
     * against the C-call limit ({@link LuaThread#enterCcall}); site is where
     * a Lua function made it (for the position of "C stack overflow"), or null.
     */
    public static Object[] ccall(LuaThread th, Object fn, Object[] args, Site site) {
        th.enterCcall(site);
        try {
            return call(th, fn, args);
        } finally {
            th.ccalls--;
        }
    }

    public static Object[] ccall(LuaThread th, Object fn, Object[] args) { return ccall(th, fn, args, null); }

    /**
     * ccall of the metamethod of an operator: a value that cannot be called is
     * reported as the reference reports it, naming the event ("metamethod 'add'").
     * Only the metamethod path pays the extra type check.
     */
    public static Object[] tmcall(LuaThread th, Object tm, Object[] args, Site site, String event) {
        if (!(tm instanceof LuaFunction) && metafield(th.state, tm, "__call") == null) {
            throw th.runtimeError(site, "attempt to call a " + typeNameMeta(th.state, tm) + " value (metamethod '" + event.substring(2) + "')");
        }
        return ccall(th, tm, args, site);
    }

    /** The __call path of a call site: fn is not a function. */
    public static Object[] callMeta(LuaThread th, Object fn, Object[] args, Site site) {
        Object tm = callHandler(th, fn, site);
        Object[] a2 = withCallee(fn, args);
        if (tm instanceof LuaFunction lf) return lf.invoke(th, a2);
        Object[] chain = callChain(th, tm, a2, site);
        return ((LuaFunction) chain[0]).invoke(th, (Object[]) chain[1]);
    }

    /**
     * fn's {@code __call} metamethod, or the "attempt to call" error (the reference
     * replaces the callee in its stack slot, so the slot's name still applies).
     */
    public static Object callHandler(LuaThread th, Object fn, Site site) {
        Object tm = metafield(th.state, fn, "__call");
        if (tm == null) throw typeError(th, fn, "call", site, 0);
        return tm;
    }

    /** The arguments of a {@code __call} metamethod: the called value, then args. */
    public static Object[] withCallee(Object fn, Object[] args) {
        Object[] a2 = new Object[args.length + 1];
        a2[0] = fn;
        Copy.copy(args, 0, a2, 1, args.length);
        return a2;
    }

    /**
     * Follows a {@code __call} chain from a callable value that is not a
     * function: returns {function, arguments}, each value of the chain put
     * before the arguments as the reference does. The reference has no limit
     * but its stack (1M slots), so a chain that comes back to a value it passed
     * is "stack overflow" at the call (lua5.4 reaches it after O(n^2) work; the
     * metafields are raw reads, so the loop is certain and is reported at once).
     * Chains longer than one are rare: the identity set costs nothing in
     * ordinary code.
     */
    public static Object[] callChain(LuaThread th, Object fn, Object[] args, Site site) {
        java.util.ArrayList<Object> values = new java.util.ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Object f = fn;
        while (!(f instanceof LuaFunction)) {
            Object tm = metafield(th.state, f, "__call");
            if (tm == null) throw typeError(th, f, "call", site, 0);
            if (!seen.add(f) || values.size() + args.length >= MAX_CALL_ARGS) throw th.runtimeError(site, "stack overflow");
            values.add(f);
            f = tm;
        }
        Object[] a2 = new Object[values.size() + args.length];
        for (int i = 0; i < values.size(); i++) a2[i] = values.get(values.size() - 1 - i);
        System.arraycopy(args, 0, a2, values.size(), args.length);
        return new Object[] {f, a2};
    }

    /** Arguments a call may have before "stack overflow" (the reference's LUAI_MAXSTACK slots). */
    private static final int MAX_CALL_ARGS = 1_000_000;

    // ---------------------------------------------------------------- tostring

    public static String tostring(LuaThread th, Object v) {
        Object tm = metafield(th.state, v, "__tostring");
        if (tm != null) {
            Object r = LuaFunction.first(ccall(th, tm, new Object[] {v}));
            if (r instanceof String s) return s;
            if (r instanceof Long || r instanceof Double) return NumFmt.tostr(r);
            throw th.errorAtLevel("'__tostring' must return a string", 1);
        }
        return tostringRaw(th.state, v);
    }

    /** tostring without __tostring (but with __name, as luaL_tolstring). */
    public static String tostringRaw(LuaState L, Object v) {
        if (v == null) return "nil";
        if (v instanceof String s) return s;
        if (v instanceof Long || v instanceof Double) return NumFmt.tostr(v);
        if (v instanceof Boolean b) return b ? "true" : "false";
        Object name = metafield(L, v, "__name");
        String kind = name instanceof String s ? s : Lua.typeName(v);
        return kind + ": " + address(v);
    }

    public static String address(Object v) {
        return String.format("0x%08x", System.identityHashCode(v));
    }

    /** Type name for messages, honouring a string __name (luaT_objtypename). */
    public static String typeNameMeta(LuaState L, Object v) {
        if (v instanceof LuaTable || v instanceof LuaUserdata) {
            Object name = metafield(L, v, "__name");
            if (name instanceof String s) return s;
        }
        return Lua.typeName(v);
    }

    // ---------------------------------------------------------------- errors

    public static String varInfo(Site site, int operand) {
        return site == null ? "" : site.varInfo(operand);
    }

    public static LuaError typeError(LuaThread th, Object v, String op, Site site, int operand) {
        return th.runtimeError(site, "attempt to " + op + " a " + typeNameMeta(th.state, v) + " value" + varInfo(site, operand));
    }
}
