package org.luahost.vm;

import org.luahost.vm.runtime.Numbers;
import org.luahost.vm.runtime.NumFmt;

/**
 * Facts about Lua values as luahost represents them.
 *
 * <table>
 * <tr><th>Lua type</th><th>Java representation</th></tr>
 * <tr><td>nil</td><td>{@code null}</td></tr>
 * <tr><td>boolean</td><td>{@link Boolean}</td></tr>
 * <tr><td>number (integer subtype)</td><td>{@link Long}</td></tr>
 * <tr><td>number (float subtype)</td><td>{@link Double}</td></tr>
 * <tr><td>string</td><td>{@link String}, one char per byte (see {@link LuaString})</td></tr>
 * <tr><td>table</td><td>{@link LuaTable}</td></tr>
 * <tr><td>function</td><td>{@link LuaFunction}</td></tr>
 * <tr><td>thread</td><td>{@link LuaThreadHandle}: a {@link LuaThread}, or a coroutine's handle</td></tr>
 * <tr><td>userdata</td><td>{@link LuaUserdata}, or any other Java object (a light userdata)</td></tr>
 * </table>
 */
public final class Lua {
    private Lua() {}

    public static String typeName(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Long || v instanceof Double) return "number";
        if (v instanceof String) return "string";
        if (v instanceof LuaTable) return "table";
        if (v instanceof LuaFunction) return "function";
        if (v instanceof LuaThreadHandle) return "thread";
        return "userdata";
    }

    /**
     * The text Lua gives a number ({@code tostring} of a Long or Double, no
     * metamethods): "10", "1e+15", "0.1", "-nan", "inf", as the reference's
     * {@code lua_Number} formatting ("%.14g") does.
     */
    public static String numberToString(Object n) { return NumFmt.tostr(n); }

    /**
     * v as an integer, as {@code lua_tointegerx}: an integer, a float with an
     * exact integer value, or a string that converts to one; otherwise null.
     */
    public static Long toInteger(Object v) { return org.luahost.vm.runtime.Ops.tointeger(v); }

    /** Whether v is a function written in Lua (a closure of a compiled chunk), not a Java function. */
    public static boolean isLuaFunction(Object v) { return v instanceof org.luahost.vm.runtime.LuaClosure; }

    public static boolean isFalsy(Object v) { return v == null || v == Boolean.FALSE; }

    public static boolean isTruthy(Object v) { return v != null && v != Boolean.FALSE; }

    public static Boolean valueOf(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    /** Raw equality (rawequal): no metamethods; 1 == 1.0. */
    public static boolean rawEquals(Object a, Object b) {
        if (a == b) return !(a instanceof Double d && d.isNaN());
        if (a == null || b == null) return false;
        if (a instanceof Long x) {
            if (b instanceof Long y) return x.longValue() == y.longValue();
            if (b instanceof Double y) return x.longValue() == y.doubleValue() && Numbers.eqIF(x, y);
            return false;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) return x.doubleValue() == y.doubleValue();
            if (b instanceof Long y) return y.longValue() == x.doubleValue() && Numbers.eqIF(y, x);
            return false;
        }
        if (a instanceof String s) return b instanceof String t && s.equals(t);
        if (a instanceof Boolean) return a.equals(b);
        return false;
    }

    /** The metatable of any value (tables and userdata have their own; other types share one per state). */
    public static LuaTable metatable(LuaState L, Object v) {
        if (v instanceof LuaTable t) return t.getMetatable();
        if (v instanceof LuaUserdata u) return u.metatable;
        return L.typeMetatable(v);
    }
}
