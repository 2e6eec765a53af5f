package org.luahost.vm.nodes;

import org.luahost.vm.Lua;
import org.luahost.vm.runtime.Frame;

/**
 * An expression node. {@link #eval} gives its (first) value; multi-valued
 * expressions (calls, {@code ...}) also give all values with
 * {@link #evalMulti}. Arrays returned by {@code evalMulti} must not be
 * modified by the caller.
 */
public abstract class Expr extends Node {
    protected Expr(int line) { super(line); }

    public abstract Object eval(Frame f);

    /** All values (only calls and varargs have more or fewer than one). */
    public Object[] evalMulti(Frame f) { return new Object[] {eval(f)}; }

    /** The value as a condition, without boxing a Boolean where the node can avoid it. */
    public boolean test(Frame f) { return Lua.isTruthy(eval(f)); }

    /** True for calls and {@code ...}, whose value count is not fixed. */
    public boolean isMulti() { return false; }

    /** Describes this expression as an operand ("global 'x'"), or null: the varinfo of error messages. */
    public String describe() { return null; }
}
