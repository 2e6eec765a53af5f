package org.luahost.vm;

import org.luahost.vm.runtime.NumFmt;
import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.Ops;

/**
 * Argument checks for Java functions, with the reference's messages
 * ({@code luaL_check*} / {@code luaL_opt*}): {@code bad argument #1 to 'insert'
 * (table expected, got nil)}. Argument numbers are 1-based as in Lua; the
 * function's name comes from how the caller named it, as in the reference.
 */
public final class Args {
    private Args() {}

    public static Object arg(Object[] a, int i) { return i <= a.length ? a[i - 1] : null; }

    public static boolean isNoneOrNil(Object[] a, int i) { return i > a.length || a[i - 1] == null; }

    /** luaL_argerror. */
    public static LuaError argError(LuaThread th, int i, String extramsg) {
        String[] nm = th.calleeName(th.depth);
        String name;
        if (nm != null && "method".equals(nm[0])) {
            i--;
            if (i == 0) return th.errorAtLevel("calling '" + nm[1] + "' on bad self (" + extramsg + ")", 1);
        }
        if (nm != null && nm[1] != null) name = nm[1];
        else {
            // pushglobalfuncname: the name under which package.loaded holds it ("table.insert"), else "?"
            String global = org.luahost.vm.runtime.Traceback.globalName(th, th.top().fn);
            name = global != null ? global : "?";
        }
        return th.errorAtLevel("bad argument #" + i + " to '" + name + "' (" + extramsg + ")", 1);
    }

    /** luaL_typeerror. */
    public static LuaError typeError(LuaThread th, Object[] a, int i, String expected) {
        String actual;
        if (i > a.length) actual = "no value";
        else {
            Object v = a[i - 1];
            Object nm = Ops.metafield(th.state, v, "__name");
            actual = nm instanceof String s ? s : typeNameForError(v);
        }
        return argError(th, i, expected + " expected, got " + actual);
    }

    /** luaL_typeerror's name of a value without __name: "light userdata" for one (any Java object that is not a full userdata). */
    public static String typeNameForError(Object v) {
        String t = Lua.typeName(v);
        return t.equals("userdata") && !(v instanceof LuaUserdata) ? "light userdata" : t;
    }

    public static Object checkAny(LuaThread th, Object[] a, int i) {
        if (i > a.length) throw argError(th, i, "value expected");
        return a[i - 1];
    }

    public static LuaTable checkTable(LuaThread th, Object[] a, int i) {
        if (i <= a.length && a[i - 1] instanceof LuaTable t) return t;
        throw typeError(th, a, i, "table");
    }

    public static LuaFunction checkFunction(LuaThread th, Object[] a, int i) {
        if (i <= a.length && a[i - 1] instanceof LuaFunction f) return f;
        throw typeError(th, a, i, "function");
    }

    public static void checkType(LuaThread th, Object[] a, int i, String typeName) {
        if (i > a.length || !Lua.typeName(a[i - 1]).equals(typeName)) throw typeError(th, a, i, typeName);
    }

    public static long checkInteger(LuaThread th, Object[] a, int i) {
        Object v = i <= a.length ? a[i - 1] : null;
        if (v instanceof Long l) return l;
        Object n = Ops.tonumber(th, v);
        if (n instanceof Long l) return l;
        if (n instanceof Double d) {
            Long l = Numbers.floatToLong(d);
            if (l != null) return l;
            throw argError(th, i, "number has no integer representation");
        }
        throw typeError(th, a, i, "number");
    }

    public static long optInteger(LuaThread th, Object[] a, int i, long def) {
        return isNoneOrNil(a, i) ? def : checkInteger(th, a, i);
    }

    /** A number (Long or Double), converting strings as the reference does. */
    public static Object checkNumber(LuaThread th, Object[] a, int i) {
        Object v = i <= a.length ? a[i - 1] : null;
        if (v instanceof Long || v instanceof Double) return v;
        Object n = Ops.tonumber(th, v);
        if (n == null) throw typeError(th, a, i, "number");
        return n;
    }

    public static double checkDouble(LuaThread th, Object[] a, int i) {
        Object n = checkNumber(th, a, i);
        return n instanceof Long l ? (double) l : (Double) n;
    }

    public static double optDouble(LuaThread th, Object[] a, int i, double def) {
        return isNoneOrNil(a, i) ? def : checkDouble(th, a, i);
    }

    /** A string, converting numbers as the reference does (luaL_checklstring). */
    public static String checkString(LuaThread th, Object[] a, int i) {
        Object v = i <= a.length ? a[i - 1] : null;
        if (v instanceof String s) return s;
        if (v instanceof Long || v instanceof Double) return NumFmt.tostr(v);
        throw typeError(th, a, i, "string");
    }

    public static String optString(LuaThread th, Object[] a, int i, String def) {
        return isNoneOrNil(a, i) ? def : checkString(th, a, i);
    }

    /** luaL_checkoption: one of the given names (or def when absent). */
    public static int checkOption(LuaThread th, Object[] a, int i, String def, String... options) {
        String s = def != null ? optString(th, a, i, def) : checkString(th, a, i);
        for (int k = 0; k < options.length; k++) if (options[k].equals(s)) return k;
        throw argError(th, i, "invalid option '" + s + "'");
    }
}
