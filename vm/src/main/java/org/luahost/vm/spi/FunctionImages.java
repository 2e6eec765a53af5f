package org.luahost.vm.spi;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.chunk.Dump;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.parser.Ast;

/**
 * Lua functions as a serializer sees them: a prototype (the compiled
 * function expression, shared by every closure made from it) plus a row of
 * upvalue cells (shared between closures that captured the same local).
 *
 * <p>Capture: {@link #prototype} identifies the prototype (the serializer
 * writes each once), {@link #image} gives its bytes (the VM's binary chunk,
 * the form {@code string.dump} makes, with debug information kept so that
 * error messages and tracebacks of a restored function name the same lines),
 * and {@link #upvalue} its cells, which the serializer saves as objects of
 * their own so that sharing survives.
 *
 * <p>Restore: {@link #fromImage} rebuilds the first closure of a prototype
 * and {@link #sibling} the others, each with empty upvalue slots that
 * {@link #setUpvalue} fills with cells from {@link #newUpvalue} (or shared
 * ones) once they are read, so a cycle through a closure's own upvalue needs
 * no recursion.
 *
 * <p>On the thread that runs the state the functions belong to.
 */
public final class FunctionImages {
    private FunctionImages() {}

    /** Whether v is a Lua function (a closure of a prototype), as opposed to a Java function or another value. */
    public static boolean isLua(Object v) { return v instanceof LuaClosure; }

    /** The identity of f's prototype: the same object for every closure of one function expression. Use as a key only. */
    public static Object prototype(LuaFunction f) { return closure(f).proto; }

    /** The source name of f's chunk ("@game.lua", "=stdin", ...), "?" when unknown. */
    public static String source(LuaFunction f) {
        String s = closure(f).proto.source;
        return s == null ? "?" : s;
    }

    /** The number of upvalues of Lua function f. */
    public static int upvalueCount(LuaFunction f) { return closure(f).upvals.length; }

    /** The name of upvalue i (from 0) of f, or null when unknown (a stripped function). */
    public static String upvalueName(LuaFunction f, int i) {
        String[] names = closure(f).proto.upvalNames;
        return names != null && i < names.length ? names[i] : null;
    }

    /** Upvalue i (from 0) of f: its cell, null if the slot is empty. */
    public static Upvalue upvalue(LuaFunction f, int i) { return closure(f).upvals[i]; }

    /**
     * The prototype of f as bytes (a Lua string, one char per byte) that
     * {@link #fromImage} reads back. Throws {@link UnsupportedOperationException}
     * with the reason when f cannot be saved (a function compiled without a syntax tree).
     */
    public static String image(LuaFunction f) {
        LuaClosure c = closure(f);
        if (!(c.proto.ast instanceof Ast.FuncBody)) throw new UnsupportedOperationException("it has no syntax tree to save");
        try {
            return Dump.dumpClosure(c, false);
        } catch (IllegalStateException e) {
            throw new UnsupportedOperationException(e.getMessage());
        }
    }

    /**
     * A closure of the prototype in {@code image} with {@code upvalues} empty
     * upvalue slots; chunkName names the chunk in error messages. Malformed
     * bytes are a {@code LuaError} ("bad binary format"); a count that is not
     * the prototype's an {@link IllegalArgumentException}.
     */
    public static LuaFunction fromImage(LuaState L, String image, String chunkName, int upvalues) {
        return Dump.loadClosure(L, image, chunkName, new Cell[upvalues]);
    }

    /** A new closure of f's prototype, with empty upvalue slots. */
    public static LuaFunction sibling(LuaFunction f) {
        LuaClosure c = closure(f);
        return new LuaClosure(c.proto, new Cell[c.upvals.length]);
    }

    /** A new cell holding nil. */
    public static Upvalue newUpvalue() { return new Cell(); }

    /**
     * Puts a cell in upvalue slot i of f (null empties it). Only for closures
     * being rebuilt, before any Lua code can see them: a running closure's
     * upvalues are fixed.
     */
    public static void setUpvalue(LuaFunction f, int i, Upvalue cell) { closure(f).upvals[i] = (Cell) cell; }

    private static LuaClosure closure(LuaFunction f) {
        if (f instanceof LuaClosure c) return c;
        throw new IllegalArgumentException("not a Lua function: " + f);
    }
}
